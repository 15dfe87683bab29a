package io.quarkiverse.airlock.it.docs;

/**
 * A business failure whose side effects (telling the customer) must still happen.
 */
public class PaymentDeclinedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PaymentDeclinedException(long orderId) {
        super("payment declined for order " + orderId);
    }
}

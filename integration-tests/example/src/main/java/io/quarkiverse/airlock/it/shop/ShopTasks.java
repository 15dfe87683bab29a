package io.quarkiverse.airlock.it.shop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.AirlockTask;

/**
 * The shop's side effects. A real shop would call the warehouse API and a mail server; this one records each call.
 */
@ApplicationScoped
public class ShopTasks {

    private static final Logger LOG = Logger.getLogger(ShopTasks.class);

    @Inject
    EntityManager em;

    @AirlockTask
    @Transactional
    void notifyWarehouse(long orderId) {
        LOG.infof("Warehouse notified of order %d", orderId);
        em.persist(new SideEffect("notifyWarehouse", orderId, observedStatus(orderId)));
    }

    /** A warehouse API that is down: always fails. */
    @AirlockTask
    void notifyFlakyPartner(long orderId) {
        throw new IllegalStateException("partner API unavailable for order " + orderId);
    }

    private String observedStatus(long orderId) {
        Order order = em.find(Order.class, orderId);
        return order == null ? "MISSING" : order.status.name();
    }

    @AirlockTask
    @Transactional
    void sendConfirmationEmail(long orderId) {
        LOG.infof("Confirmation email sent for order %d", orderId);
        em.persist(new SideEffect("sendConfirmationEmail", orderId, observedStatus(orderId)));
    }
}

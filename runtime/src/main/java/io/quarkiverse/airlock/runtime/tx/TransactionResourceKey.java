package io.quarkiverse.airlock.runtime.tx;

/**
 * A key under which Airlock keeps something among a JTA transaction's resources. Compared by identity, so it cannot
 * clash with another's key; named for the class that owns it, for whoever prints the transaction's resources.
 */
public final class TransactionResourceKey {

    private final String owner;

    public TransactionResourceKey(Class<?> owner) {
        this.owner = owner.getName();
    }

    @Override
    public String toString() {
        return owner;
    }
}

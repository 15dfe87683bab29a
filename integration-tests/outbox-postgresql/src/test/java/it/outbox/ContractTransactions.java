package it.outbox;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.airlock.test.outbox.OutboxContract;

/** The shop's business transactions, as the {@link OutboxContract} runs them. */
@ApplicationScoped
class ContractTransactions implements OutboxContract.BusinessTransactions {

    @Inject
    Orders orders;

    @Override
    public void place(long orderId) throws SQLException {
        orders.place(orderId);
    }

    @Override
    public void placeThenFail(long orderId) throws SQLException {
        orders.placeThenFail(orderId);
    }

    @Override
    public void placeWithPoison(long orderId) throws SQLException {
        orders.placeWithPoison(orderId);
    }
}

package it.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the shop's tables, and with {@code shop.place-forever=true} places orders one transaction at a time until
 * the process is killed, printing each committed order id: the crash test reads them.
 */
@ApplicationScoped
public class ShopStartup {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Orders orders;

    @ConfigProperty(name = "shop.place-forever", defaultValue = "false")
    boolean placeForever;

    void onStart(@Observes StartupEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS orders (id BIGINT PRIMARY KEY)");
            statement.execute("CREATE TABLE IF NOT EXISTS shipments (order_id BIGINT NOT NULL, outbox_id UUID NOT NULL, "
                    + "attempt INTEGER NOT NULL)");
        }
        if (placeForever) {
            Thread placing = new Thread(this::placeForever, "placing-orders");
            placing.setDaemon(true);
            placing.start();
        }
    }

    private void placeForever() {
        for (long id = 1;; id++) {
            try {
                orders.place(id);
                System.out.println("committed order " + id);
                System.out.flush();
            } catch (Exception e) {
                e.printStackTrace();
                return;
            }
        }
    }
}

package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The outbox in a named datasource: the row is written there, in the business transaction, and a rollback leaves
 * none; the default datasource is left alone.
 */
public class OutboxNamedDatasourceTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Orders.class, Handlers.class, OutboxTestApps.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:outbox-default;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            // tag::named[]
            .overrideConfigKey("quarkus.datasource.\"orders\".db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.\"orders\".jdbc.url", "jdbc:h2:mem:outbox-orders;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.airlock.outbox.enabled", "true")
            .overrideConfigKey("quarkus.airlock.outbox.datasource", "orders")
            // end::named[]
            .overrideConfigKey("quarkus.datasource.\"orders\".devservices.enabled", "false")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Inject
    Orders orders;

    @Inject
    @DataSource("orders")
    AgroalDataSource ordersDataSource;

    @Inject
    AgroalDataSource defaultDataSource;

    @BeforeEach
    void clear() {
        Handlers.shipped.clear();
    }

    @Test
    void theRowIsWrittenInTheNamedDatasourceWithTheBusinessTransaction() throws SQLException {
        assertThat(orders.place(1L)).as("rows in the orders datasource, inside the transaction").isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> Handlers.shipped.contains(1L));
        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxTestApps.rows(ordersDataSource) == 0);
        assertThat(Handlers.shipped).containsExactly(1L);
        assertThatThrownBy(() -> OutboxTestApps.rows(defaultDataSource)).as("no outbox table in the default datasource")
                .isInstanceOf(SQLException.class).hasMessageContaining("AIRLOCK_OUTBOX");
    }

    @Test
    void aRollbackLeavesNoRowInTheNamedDatasource() throws SQLException {
        assertThatThrownBy(() -> orders.placeThenFail(2L)).isInstanceOf(IllegalStateException.class);

        assertThat(OutboxTestApps.rows(ordersDataSource)).isZero();
        assertThat(Handlers.shipped).isEmpty();
    }

    @ApplicationScoped
    public static class Orders {

        @Inject
        @DataSource("orders")
        AgroalDataSource dataSource;

        @Transactional
        public long place(long orderId) throws SQLException {
            Airlock.scope(scope -> Airlock.enqueue("ship", orderId));
            return OutboxTestApps.rows(dataSource);
        }

        @Transactional
        public void placeThenFail(long orderId) {
            Airlock.scope(scope -> Airlock.enqueue("ship", orderId));
            throw new IllegalStateException("payment declined");
        }
    }

    public static class Handlers {

        static final List<Long> shipped = new CopyOnWriteArrayList<>();

        @AirlockTask("ship")
        void ship(long orderId) {
            shipped.add(orderId);
        }
    }
}

package io.quarkiverse.airlock.test.directcall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;

import jakarta.inject.Inject;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code quarkus.airlock.intercept-direct-calls=true}, a direct call to a task method inside a scope becomes an
 * intent of that scope, with one warning per call site; outside a scope it runs at once; Airlock's own dispatch of the
 * intent runs the handler instead of buffering it again.
 */
public class InterceptDirectCallsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = Probe.applicationWith(Orders.class, Stock.class)
            .overrideConfigKey("quarkus.airlock.intercept-direct-calls", "true")
            .overrideConfigKey("quarkus.airlock.direct-calls", "ignore")
            .setLogRecordPredicate(record -> "io.quarkiverse.airlock".equals(record.getLoggerName())
                    && record.getLevel().intValue() >= Level.WARNING.intValue())
            .assertLogRecords(records -> {
                assertThat(records).as("one warning per call site, however often it is called").hasSize(2);
                assertThat(records).anySatisfy(record -> assertThat(((ExtLogRecord) record).getFormattedMessage())
                        .contains("'count'").contains("ran at once").contains("int"));
                String message = records.stream().map(record -> ((ExtLogRecord) record).getFormattedMessage())
                        .filter(text -> text.contains("'notifyWarehouse'")).findFirst().orElseThrow();
                assertThat(message).contains("'notifyWarehouse'")
                        .contains(Orders.class.getName() + "#checkout:"
                                + SourceLines.lineOf(Orders.class, "// direct call"))
                        .contains("Airlock.enqueue(\"notifyWarehouse\", ...)");
            });

    @Inject
    Orders orders;

    @Inject
    Warehouse warehouse;

    @Inject
    Stock stock;

    @BeforeEach
    void clear() {
        warehouse.notified.clear();
    }

    @Test
    void callInsideAScopeIsBufferedAndRunsOnceAtFlush() {
        Scope scope = Airlock.scope(s -> {
            orders.checkout(1L);
            orders.checkout(2L);
            assertThat(warehouse.notified).as("nothing ran inside the scope").isEmpty();
        });
        assertThat(scope.intents()).extracting(Object::toString)
                .containsExactly("notifyWarehouse(1)", "notifyWarehouse(2)");
        assertThat(warehouse.notified).as("dispatched once each, not buffered again").containsExactly(1L, 2L);
    }

    @Test
    void discardedScopeDropsTheBufferedCall() {
        Airlock.scope(new DropAll(), s -> orders.checkout(3L));
        assertThat(warehouse.notified).isEmpty();
    }

    @Test
    void callOutsideAScopeRunsAtOnce() {
        orders.checkout(4L);
        assertThat(warehouse.notified).containsExactly(4L);
    }

    @Test
    void callWhoseResultIsUsedRunsAtOnceInsideAScope() {
        Scope scope = Airlock.scope(s -> assertThat(stock.countNow(6L)).isEqualTo(1));
        assertThat(scope.intents()).isEmpty();
    }
}

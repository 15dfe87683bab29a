package io.quarkiverse.airlock.test.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.logging.Level;

import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With the sync executor a failing handler's exception reaches the code that flushed, unchanged; Airlock does not log
 * it as well, so the failure is reported once, by whoever handles the exception.
 */
public class SyncFailureNotLoggedTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.http.test-port", "0")
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Handlers.class))
            .setLogRecordPredicate(record -> record.getLoggerName() != null
                    && record.getLoggerName().startsWith("io.quarkiverse.airlock")
                    && record.getLevel().intValue() >= Level.WARNING.intValue())
            .assertLogRecords(records -> assertThat(records).isEmpty());

    @Test
    void exceptionReachesTheCallerOnly() {
        assertThatThrownBy(() -> Airlock.scope(scope -> Airlock.enqueue("charge", 5L)))
                .isInstanceOf(IllegalStateException.class).hasMessage("card declined");
    }

    @Singleton
    public static class Handlers {

        @AirlockTask
        void charge(long cents) {
            throw new IllegalStateException("card declined");
        }
    }
}

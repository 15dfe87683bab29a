package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.airlock.enabled=false} with the outbox on: escaping intents are still written to the table, so that
 * nothing durable is dropped, but this instance relays none of them, and says so at start-up.
 */
public class OutboxWhileDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-disabled", Mails.class)
            .overrideConfigKey("quarkus.airlock.enabled", "false")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms")
            .setLogRecordPredicate(record -> record.getLevel().intValue() >= Level.WARNING.intValue()
                    && record.getMessage().contains("quarkus.airlock.enabled=false"))
            .assertLogRecords(records -> assertThat(records).singleElement()
                    .satisfies(record -> assertThat(record.getMessage()).contains("still written to table")));

    @Inject
    Mails mails;

    @Inject
    AirlockOutbox outbox;

    @Test
    void intentsAreStoredButNotDelivered() throws Exception {
        mails.welcome("ada");
        mails.welcome("grace");

        // several poll intervals: a relay would have delivered them by now
        Thread.sleep(500);
        assertThat(outbox.pendingCount()).isEqualTo(2);
        assertThat(mails.sent).isEmpty();
    }

    @Singleton
    public static class Mails {
        final List<String> sent = new CopyOnWriteArrayList<>();

        @Transactional
        public void welcome(String name) throws Exception {
            Airlock.scope(scope -> Airlock.enqueue("send", name));
        }

        @AirlockTask
        void send(String name) {
            sent.add(name);
        }
    }
}

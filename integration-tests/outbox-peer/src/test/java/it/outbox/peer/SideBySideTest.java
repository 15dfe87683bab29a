package it.outbox.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The side-by-side table reads how far Airlock is ahead the right way round, and only for equal sizes. */
class SideBySideTest {

    @Test
    void ratesAndCostsAreComparedTheWayThatFavoursTheBetter() {
        SideBySide table = SideBySide.of(results(4000, 20, 5000), results(1000, 60, 5000));

        assertThat(table.csv()).contains(
                "relayed/s,1 relay(s),4000,1000,4.00",
                "relay µs/intent,empty backlog,20.00,60.00,3.00");
        assertThat(table.text()).contains("Airlock ×", "PostgreSQL 15.18");
    }

    @Test
    void aPeerBehindAnAirlockThatIsAheadShowsBelowOne() {
        SideBySide table = SideBySide.of(results(1000, 60, 5000), results(4000, 20, 5000));

        assertThat(table.csv()).contains("relayed/s,1 relay(s),1000,4000,0.25",
                "relay µs/intent,empty backlog,60.00,20.00,0.33");
    }

    @Test
    void differentSizesAreNotCompared() {
        assertThatThrownBy(() -> SideBySide.of(results(4000, 20, 5000), results(1000, 60, 200)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch=5000").hasMessageContaining("200")
                .hasMessageContaining("-Dbench.*");
    }

    private static String results(int relayedPerSecond, double microsPerIntent, int batch) {
        return """
                {"postgresql": "15.18", "peer": "transaction-outbox 4.2.268",
                 "throughput": [{"relays": 1, "intents": 20000, "intentsPerTransaction": 100,
                   "committedPerSecond": %1$d, "relayedPerSecond": %1$d, "drainedPerSecond": %1$d}],
                 "flatness": [{"backlog": "empty", "backlogRows": 0, "batch": %3$d, "microsPerIntent": %2$s}]}
                """.formatted(relayedPerSecond, microsPerIntent, batch);
    }
}

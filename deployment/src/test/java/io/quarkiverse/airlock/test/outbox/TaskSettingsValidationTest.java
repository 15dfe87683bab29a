package io.quarkiverse.airlock.test.outbox;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.test.AbstractBuildFailureTest;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.airlock.tasks."name".*} is checked at build time: a name that is no declared task, and a value out of
 * range, fail the build naming the property.
 */
public class TaskSettingsValidationTest extends AbstractBuildFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("task-settings-invalid", Handlers.class)
            .overrideConfigKey("quarkus.airlock.tasks.\"shipp\".max-attempts", "3")
            .overrideConfigKey("quarkus.airlock.tasks.\"ship\".max-attempts", "0")
            .overrideConfigKey("quarkus.airlock.tasks.\"ship\".max-backoff", "0s")
            .assertException(failsMentioning(
                    "quarkus.airlock.tasks.\"shipp\".* names no @AirlockTask: declared tasks are [audit, ship]",
                    "quarkus.airlock.tasks.\"ship\".max-attempts=0 must be at least 1",
                    "quarkus.airlock.tasks.\"ship\".max-backoff=0s must be longer than zero"));

    public static class Handlers {

        @AirlockTask("ship")
        void ship(String order) {
        }

        @AirlockTask
        void audit(String order) {
        }
    }
}

package io.quarkiverse.airlock.test.json;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.test.outbox.OutboxTestApps;
import io.quarkus.test.QuarkusUnitTest;

/** Arguments stored in the outbox and read back by its relay. */
public class OutboxTypedArgumentsTest extends TypedArgumentsContract {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps
            .onH2("outbox-typed", TypedArgumentsContract.class, TypedArguments.class)
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Override
    protected String transport() {
        return "the outbox";
    }
}

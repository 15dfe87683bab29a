package io.quarkiverse.airlock.test.json;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Arguments sent over the Vert.x event bus. */
public class EventBusTypedArgumentsTest extends TypedArgumentsContract {

    @RegisterExtension
    static final QuarkusUnitTest config = applicationWith("event-bus");

    @Override
    protected String transport() {
        return "the event bus";
    }
}

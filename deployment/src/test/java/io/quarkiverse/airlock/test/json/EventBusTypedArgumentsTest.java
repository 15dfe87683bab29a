package io.quarkiverse.airlock.test.json;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Arguments sent over the Vert.x event bus. */
public class EventBusTypedArgumentsTest extends TypedArgumentsContract {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(TypedArgumentsContract.class, TypedArguments.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.airlock.executor", "event-bus");

    @Override
    protected String transport() {
        return "the event bus";
    }
}

package io.quarkiverse.airlock.it.messaging;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.test.json.TypedArguments;
import io.quarkiverse.airlock.test.json.TypedArgumentsContract;
import io.quarkus.test.QuarkusUnitTest;

/** Arguments sent as messages through Quarkus Messaging. */
public class MessagingTypedArgumentsTest extends TypedArgumentsContract {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(TypedArgumentsContract.class, TypedArguments.class))
            .overrideConfigKey("quarkus.airlock.executor", "messaging");

    @Override
    protected String transport() {
        return "messaging";
    }
}

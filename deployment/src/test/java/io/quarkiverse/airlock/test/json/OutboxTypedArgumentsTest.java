package io.quarkiverse.airlock.test.json;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Arguments stored in the outbox and read back by its relay. */
public class OutboxTypedArgumentsTest extends TypedArgumentsContract {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(TypedArgumentsContract.class, TypedArguments.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:outbox-typed;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.airlock.outbox.enabled", "true")
            .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");

    @Override
    protected String transport() {
        return "the outbox";
    }
}

package io.quarkiverse.airlock.it.messaging;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.test.json.TypedArguments;
import io.quarkiverse.airlock.test.json.TypedArgumentsContract;
import io.quarkus.test.QuarkusUnitTest;

/** Arguments sent as messages through Quarkus Messaging. */
public class MessagingTypedArgumentsTest extends TypedArgumentsContract {

    @RegisterExtension
    static final QuarkusUnitTest config = MessagingApps.of(TypedArgumentsContract.class, TypedArguments.class);

    @Override
    protected String transport() {
        return "messaging";
    }
}

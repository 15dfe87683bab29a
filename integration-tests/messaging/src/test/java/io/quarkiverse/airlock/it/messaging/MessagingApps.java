package io.quarkiverse.airlock.it.messaging;

import org.jboss.shrinkwrap.api.spec.JavaArchive;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The test applications of this module: their escaping intents travel as messages through Quarkus Messaging. A test
 * application that uses these methods contains this class: the test's static initialiser runs in the application.
 */
final class MessagingApps {

    private MessagingApps() {
    }

    /** An application of the given classes and this one, with the messaging executor. */
    static QuarkusUnitTest of(Class<?>... classes) {
        return new QuarkusUnitTest()
                .withApplicationRoot((JavaArchive jar) -> jar.addClasses(classes).addClass(MessagingApps.class))
                .overrideConfigKey("quarkus.airlock.executor", "messaging");
    }

    /**
     * The one shared channel on the in-memory connector, with the consumer on a channel of its own: a test reads what
     * the application sent from the {@code airlock-intents} sink and delivers it to the {@code airlock-in} source, as
     * another node would receive it.
     */
    static QuarkusUnitTest loopedBackInMemory(QuarkusUnitTest application) {
        return application.overrideConfigKey("quarkus.airlock.messaging.consumer.channel", "airlock-in")
                .overrideConfigKey("mp.messaging.outgoing.airlock-intents.connector", "smallrye-in-memory")
                .overrideConfigKey("mp.messaging.incoming.airlock-in.connector", "smallrye-in-memory");
    }
}

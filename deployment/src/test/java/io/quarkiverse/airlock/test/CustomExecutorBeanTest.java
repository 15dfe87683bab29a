package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.inject.Named;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.airlock.executor names a bean: it receives every escaping intent as it is, without task lookup.
 */
public class CustomExecutorBeanTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Recording.class))
            .overrideConfigKey("quarkus.airlock.executor", "recording");

    @Inject
    Recording recording;

    @Test
    void everyEscapingIntentReachesTheBean() {
        Scope scope = Airlock.scope(s -> Airlock.enqueue("crm.sync", "ada", 3));
        assertThat(scope.executor()).isSameAs(recording);
        assertThat(recording.received).extracting(Intent::toString).containsExactly("crm.sync(\"ada\", 3)");
    }

    @Named("recording")
    @Singleton
    public static class Recording implements IntentExecutor {

        final List<Intent> received = new CopyOnWriteArrayList<>();

        @Override
        public void dispatch(Intent intent) {
            received.add(intent);
        }
    }
}

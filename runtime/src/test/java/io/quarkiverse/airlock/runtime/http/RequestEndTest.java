package io.quarkiverse.airlock.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.InjectableBean;
import io.quarkus.arc.InjectableContext;

/**
 * The discard of a request whose client left waits for the end of its request context, and happens exactly once
 * however that end and the registration interleave: never lost, never twice.
 */
class RequestEndTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final Runnable discard = runs::incrementAndGet;
    private final RequestEnd end = new RequestEnd();

    @Test
    void heldUntilTheRequestContextEnds() {
        assertThat(end.holdWhile(state(true, null), discard)).isTrue();
        assertThat(runs).as("nothing before the end").hasValue(0);

        end.requestContextEnded();
        assertThat(runs).hasValue(1);
    }

    @Test
    void handedBackWhenTheContextWasDestroyedMeanwhile() {
        // a destruction that began while the bean was created: it may never see the bean, so the caller ends now
        assertThat(end.holdWhile(state(false, null), discard)).isFalse();

        end.requestContextEnded();
        assertThat(runs).as("the caller ends the scope; the late destruction must not run it again").hasValue(0);
    }

    @Test
    void keptByADestructionThatTookItFirst() {
        // the destruction saw the bean and ran the action before the validity check: the caller must not end it again
        assertThat(end.holdWhile(state(false, end::requestContextEnded), discard)).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void refusedOnceTheContextHasEnded() {
        end.requestContextEnded();

        assertThat(end.holdWhile(state(true, null), discard)).isFalse();
        assertThat(runs).hasValue(0);
    }

    /** A request context state that is valid or not, doing {@code whenChecked} when its validity is read. */
    private static InjectableContext.ContextState state(boolean valid, Runnable whenChecked) {
        return new InjectableContext.ContextState() {
            @Override
            public Map<InjectableBean<?>, Object> getContextualInstances() {
                return Map.of();
            }

            @Override
            public boolean isValid() {
                if (whenChecked != null) {
                    whenChecked.run();
                }
                return valid;
            }
        };
    }
}

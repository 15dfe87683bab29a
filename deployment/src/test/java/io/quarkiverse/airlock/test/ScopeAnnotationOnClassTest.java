package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.Scope;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @AirlockScope} on a class applies to each of its business methods: every call runs in its own scope, which
 * flushes when the method returns and is discarded when it throws (the exception, checked or not, reaches the caller
 * as the same instance).
 */
public class ScopeAnnotationOnClassTest extends RecordingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = application(Orders.class);

    @Inject
    Orders orders;

    @Test
    void firstMethodRunsInAScopeThatFlushesOnReturn() {
        assertThat(Airlock.currentScope()).as("no scope before the call").isEmpty();
        orders.process("a");
        assertThat(handlers.seen).as("handlers that had run while the method was still running").containsExactly(
                "[]");
        assertThat(handlers.calls).containsExactly("process:a");
        assertThat(handlers.scopes).hasSize(1);
        assertThat(handlers.scopes.get(0).isFlushed()).isTrue();
    }

    @Test
    void secondMethodIsScopedToo() {
        String result = orders.ship("b");
        assertThat(result).isEqualTo("shipped b");
        assertThat(handlers.calls).containsExactly("ship:b:1", "ship:b:2");
        assertThat(handlers.scopes).hasSize(1);
        assertThat(handlers.scopes.get(0).isFlushed()).isTrue();
        assertThat(handlers.scopes.get(0).intents()).hasSize(2);
    }

    @Test
    void eachCallGetsItsOwnScope() {
        orders.process("c");
        orders.ship("d");
        assertThat(handlers.scopes).hasSize(2);
        assertThat(handlers.scopes.get(0)).isNotSameAs(handlers.scopes.get(1));
        assertThat(handlers.calls).containsExactly("process:c", "ship:d:1", "ship:d:2");
    }

    @Test
    void uncheckedExceptionDiscardsAndPropagatesTheSameInstance() {
        IllegalStateException failure = new IllegalStateException("declined");
        assertThatThrownBy(() -> orders.failUnchecked("e", failure)).isSameAs(failure);
        assertThat(theOneScopeDiscarded().intents()).hasSize(1);
    }

    @Test
    void checkedExceptionDiscardsAndPropagatesTheSameInstance() {
        IOException failure = new IOException("disk full");
        assertThatThrownBy(() -> orders.failChecked("f", failure)).isSameAs(failure);
        theOneScopeDiscarded();
    }

    @Test
    void aFailedCallDoesNotAffectTheNextOne() {
        assertThatThrownBy(() -> orders.failUnchecked("g", new IllegalArgumentException())).isInstanceOf(
                IllegalArgumentException.class);
        orders.process("h");
        assertThat(handlers.calls).containsExactly("process:h");
    }

    /** The call ran in one scope, which discarded its intents: no handler ran. */
    private Scope theOneScopeDiscarded() {
        assertThat(handlers.calls).isEmpty();
        assertThat(handlers.scopes).hasSize(1);
        assertThat(handlers.scopes.get(0).isDiscarded()).isTrue();
        return handlers.scopes.get(0);
    }

    @AirlockScope
    @ApplicationScoped
    public static class Orders {

        @Inject
        Recorder handlers;

        public void process(String id) {
            handlers.keepScope("process");
            Airlock.enqueue("record", "process:" + id);
            handlers.seen.add(handlers.calls.toString());
        }

        public String ship(String id) {
            handlers.keepScope("ship");
            Airlock.enqueue("record", "ship:" + id + ":1");
            Airlock.enqueue("record", "ship:" + id + ":2");
            return "shipped " + id;
        }

        public void failUnchecked(String id, RuntimeException failure) {
            handlers.keepScope("failUnchecked");
            Airlock.enqueue("record", "failUnchecked:" + id);
            throw failure;
        }

        public void failChecked(String id, IOException failure) throws IOException {
            handlers.keepScope("failChecked");
            Airlock.enqueue("record", "failChecked:" + id);
            throw failure;
        }
    }
}

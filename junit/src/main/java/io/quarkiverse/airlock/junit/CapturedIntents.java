package io.quarkiverse.airlock.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.assertj.core.api.AssertProvider;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

/**
 * The side effects of one {@link AirlockTest} test: the intents enqueued in the test's scope (by the code the test
 * calls on its own thread, including nested {@code @AirlockScope} methods, whose scopes the test's scope captures), and
 * what the application did with intents anywhere else while the test ran.
 * <p>
 * AssertJ's {@code assertThat(captured)} returns a {@link CapturedIntentsAssert}.
 */
public final class CapturedIntents implements AssertProvider<CapturedIntentsAssert> {

    private final Scope scope;
    private final IntentLog log;

    CapturedIntents(Scope scope, IntentLog log) {
        this.scope = scope;
        this.log = log;
    }

    /** The test's scope, for what this class does not cover ({@code ownIntents()}, {@code isFlushed()}...). */
    public Scope scope() {
        return scope;
    }

    /** The policy of the test's scope. */
    public Policy policy() {
        return scope.policy();
    }

    /** Everything enqueued in the test's scope so far, in order: own intents and those captured from nested scopes. */
    public List<Intent> intents() {
        return scope.intents();
    }

    /** The task names of {@link #intents()}, in order. */
    public List<String> taskNames() {
        List<Intent> intents = intents();
        List<String> names = new ArrayList<>(intents.size());
        for (Intent intent : intents) {
            names.add(intent.name());
        }
        return names;
    }

    /**
     * The {@code index}-th intent (0 = the first) of the test's scope.
     *
     * @throws AssertionError when there are not that many, listing those there are
     */
    public Intent intent(int index) {
        List<Intent> intents = intents();
        if (index < 0 || index >= intents.size()) {
            throw new AssertionError("The test scope holds " + intents.size() + " intent(s), so there is no intent #"
                    + index + ": " + intents);
        }
        return intents.get(index);
    }

    /**
     * The intents handed to an executor since the test began, in order, anywhere in the application: when the test's
     * scope flushes, and when scopes on other threads flush (HTTP requests, {@code @AirlockScope} methods running on
     * the server, after-commit dispatch). With an asynchronous executor the handler may still be running.
     */
    public List<Intent> dispatched() {
        return log.dispatched();
    }

    /** The intents a policy did not let through since the test began, in any scope. */
    public List<Intent> dropped() {
        return log.dropped();
    }

    /**
     * The intents thrown away since the test began: with a scope that was discarded (a failed request, an error
     * status, an exception) or with a transaction that rolled back.
     */
    public List<Intent> discarded() {
        return log.discarded();
    }

    /**
     * Ends the test's scope now and flushes it: its policy decides what escapes, and the executor runs it before this
     * method returns (with the synchronous executor). After this, code on the test's thread runs outside any scope.
     *
     * @return the dispatched intents
     */
    public List<Intent> flush() {
        scope.exit();
        return scope.flush();
    }

    /**
     * Ends the test's scope now and throws its intents away.
     *
     * @return the discarded intents
     */
    public List<Intent> discard() {
        scope.exit();
        return scope.discard();
    }

    @Override
    public CapturedIntentsAssert assertThat() {
        return new CapturedIntentsAssert(this);
    }

    /**
     * Ends the scope if the test did not: flushed when the test passed, discarded when it failed. A scope the test
     * entered and never exited is discarded too, so that the next test starts clean, and reported.
     */
    void end(Throwable testFailure) {
        if (scope.isFlushed() || scope.isDiscarded()) {
            return;
        }
        List<Scope> leftOpen = new ArrayList<>();
        for (Optional<Scope> current = Airlock.currentScope(); current.isPresent()
                && current.get() != scope; current = Airlock.currentScope()) {
            Scope nested = current.get();
            nested.exit();
            nested.discard();
            leftOpen.add(nested);
        }
        // Throws if the test exited the scope itself without flushing or discarding it.
        scope.exit();
        if (testFailure == null && leftOpen.isEmpty()) {
            scope.flush();
        } else {
            scope.discard();
        }
        if (!leftOpen.isEmpty() && testFailure == null) {
            throw new AssertionError("The test left " + leftOpen + " entered on top of its own scope; they were "
                    + "discarded with it. Exit every scope you enter, or use Airlock.scope(...)");
        }
    }

    @Override
    public String toString() {
        return "CapturedIntents" + intents();
    }
}

package io.quarkiverse.airlock;

/**
 * Fails any attempt to enqueue: for code that must be free of side effects.
 */
public class AssertNoEffects extends UniformPolicy {

    public AssertNoEffects() {
        super(false, "AssertNoEffects");
    }

    @Override
    public void onEnqueue(Intent intent) {
        throw new PolicyViolationException("AssertNoEffects: side effect '" + intent.name()
                + "' was enqueued (" + intent + ") in code expected to have none");
    }
}

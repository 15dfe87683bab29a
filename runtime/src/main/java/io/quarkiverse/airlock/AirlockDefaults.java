package io.quarkiverse.airlock;

import io.quarkiverse.airlock.spi.SyncExecutor;

/**
 * The policy and executor used by scopes created without explicit ones. Immutable; see
 * {@link Airlock#configure(AirlockDefaults)}.
 */
public final class AirlockDefaults {

    private static final AirlockDefaults BUILT_IN = new AirlockDefaults(new AllowAll(), SyncExecutor.INSTANCE);

    private final Policy policy;
    private final IntentExecutor executor;

    private AirlockDefaults(Policy policy, IntentExecutor executor) {
        this.policy = policy;
        this.executor = executor;
    }

    /** AllowAll, and the in-process executor that runs actions and task handlers in the flushing thread. */
    public static AirlockDefaults builtIn() {
        return BUILT_IN;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Policy policy() {
        return policy;
    }

    public IntentExecutor executor() {
        return executor;
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().policy(policy).executor(executor);
    }

    @Override
    public String toString() {
        return "AirlockDefaults[policy=" + policy + ", executor=" + executor + "]";
    }

    public static final class Builder {

        private Policy policy = BUILT_IN.policy;
        private IntentExecutor executor = BUILT_IN.executor;

        private Builder() {
        }

        public Builder policy(Policy policy) {
            this.policy = Airlock.requirePolicy(policy, "AirlockDefaults.policy");
            return this;
        }

        public Builder executor(IntentExecutor executor) {
            this.executor = Airlock.requireExecutor(executor, "AirlockDefaults.executor");
            return this;
        }

        public AirlockDefaults build() {
            return new AirlockDefaults(policy, executor);
        }
    }
}

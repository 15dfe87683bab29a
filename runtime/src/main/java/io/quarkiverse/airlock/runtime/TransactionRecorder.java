package io.quarkiverse.airlock.runtime;

import io.quarkiverse.airlock.runtime.tx.AfterCommitDeferral;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;

/** How scopes meet JTA transactions. */
@Recorder
public class TransactionRecorder {

    /** Scopes that flush inside a JTA transaction dispatch after its commit. */
    public void deferToCommit(ShutdownContext shutdown) {
        AirlockHooks.installDeferral(Arc.container().instance(AfterCommitDeferral.class).get());
        shutdown.addShutdownTask(() -> AirlockHooks.installDeferral(null));
    }
}

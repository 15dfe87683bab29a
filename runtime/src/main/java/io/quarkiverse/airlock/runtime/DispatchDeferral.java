package io.quarkiverse.airlock.runtime;

import java.util.List;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;

/**
 * May take over the dispatch of a flushing scope, to run it later: after the surrounding transaction commits, for
 * instance. Installed by the Quarkus runtime when an integration needs it; plain Java has none.
 */
public interface DispatchDeferral {

    /**
     * @return true when the deferral took the intents (to dispatch them later, or to drop them); false to dispatch
     *         them now
     */
    boolean defer(List<Intent> intents, IntentExecutor executor);

    static DispatchDeferral installed() {
        return Installed.deferral;
    }

    static void install(DispatchDeferral deferral) {
        Installed.deferral = deferral;
    }

    final class Installed {
        private static volatile DispatchDeferral deferral;

        private Installed() {
        }
    }
}

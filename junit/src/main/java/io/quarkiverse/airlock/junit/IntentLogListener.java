package io.quarkiverse.airlock.junit;

import java.util.List;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;
import io.quarkiverse.airlock.spi.AirlockListener;

/**
 * Installs the {@link IntentLog} in a Quarkus test application: this jar is a bean archive, and Airlock installs every
 * {@link AirlockListener} bean at start-up, next to the application's own listeners. It only ever exists on a test
 * class path.
 */
@Singleton
public class IntentLogListener implements AirlockListener {

    public IntentLogListener() {
        IntentLog.INSTANCE.installedByContainer = true;
    }

    @Override
    public void dispatching(Intent intent, IntentExecutor executor) {
        IntentLog.INSTANCE.dispatching(intent, executor);
    }

    @Override
    public void dropped(Scope scope, Intent intent, Policy policy) {
        IntentLog.INSTANCE.dropped(scope, intent, policy);
    }

    @Override
    public void discarded(Scope scope, List<Intent> intents, String reason) {
        IntentLog.INSTANCE.discarded(scope, intents, reason);
    }

    @Override
    public void rolledBack(List<Intent> intents) {
        IntentLog.INSTANCE.rolledBack(intents);
    }
}

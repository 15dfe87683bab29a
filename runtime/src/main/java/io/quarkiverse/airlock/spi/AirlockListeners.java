package io.quarkiverse.airlock.spi;

import java.util.List;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

/**
 * Combines the installed listeners into one. The hot paths read {@link AirlockHooks#listener()} once and skip every
 * callback when it is null, which it is unless something (the Dev UI, metrics, a user bean) asked to listen.
 */
final class AirlockListeners {

    private static final Logger LOG = Logger.getLogger(AirlockListeners.class);

    private AirlockListeners() {
    }

    /** One listener calling each of {@code listeners}, or null for none. */
    static AirlockListener guarded(List<? extends AirlockListener> listeners) {
        if (listeners == null || listeners.isEmpty()) {
            return null;
        }
        return new Guarded(listeners.toArray(new AirlockListener[0]));
    }

    /**
     * Calls each listener in turn; one that throws (an exception, an assertion error...) is logged and does not stop
     * the others or the work.
     */
    private static final class Guarded implements AirlockListener {

        /** One callback, told its arguments: non-capturing, so that telling the listeners allocates nothing. */
        @FunctionalInterface
        private interface Callback<A, B, C> {
            void tell(AirlockListener listener, A first, B second, C third);
        }

        private final AirlockListener[] listeners;

        Guarded(AirlockListener[] listeners) {
            this.listeners = listeners;
        }

        private <A, B, C> void each(Callback<A, B, C> callback, A first, B second, C third) {
            for (AirlockListener listener : listeners) {
                try {
                    callback.tell(listener, first, second, third);
                } catch (Throwable e) {
                    failed(listener, e);
                }
            }
        }

        @Override
        public void scopeEntered(Scope scope) {
            each((listener, entered, none, nothing) -> listener.scopeEntered(entered), scope, null, null);
        }

        @Override
        public void scopeExited(Scope scope) {
            each((listener, exited, none, nothing) -> listener.scopeExited(exited), scope, null, null);
        }

        @Override
        public void enqueued(Scope scope, Intent intent) {
            each((listener, scopeArg, intentArg, nothing) -> listener.enqueued(scopeArg, intentArg), scope, intent, null);
        }

        @Override
        public void captured(Scope outer, Intent intent) {
            each((listener, outerArg, intentArg, nothing) -> listener.captured(outerArg, intentArg), outer, intent, null);
        }

        @Override
        public void dropped(Scope scope, Intent intent, Policy policy) {
            each(AirlockListener::dropped, scope, intent, policy);
        }

        @Override
        public void discarded(Scope scope, List<Intent> intents, String reason) {
            each(AirlockListener::discarded, scope, intents, reason);
        }

        @Override
        public void deferred(List<Intent> intents) {
            each((listener, deferred, none, nothing) -> listener.deferred(deferred), intents, null, null);
        }

        @Override
        public void rolledBack(List<Intent> intents) {
            each((listener, dropped, none, nothing) -> listener.rolledBack(dropped), intents, null, null);
        }

        @Override
        public void dispatching(Intent intent, IntentExecutor executor) {
            each((listener, intentArg, executorArg, nothing) -> listener.dispatching(intentArg, executorArg), intent, executor,
                    null);
        }

        @Override
        public void handled(Intent intent, long nanos, Throwable failure) {
            // the duration boxed: one object per handled intent, and only while somebody listens
            each((listener, handledIntent, took, thrown) -> listener.handled(handledIntent, took, thrown), intent, nanos,
                    failure);
        }

        /** Logs what a listener threw; errors of the virtual machine itself (out of memory...) go on up. */
        private static void failed(AirlockListener listener, Throwable e) {
            if (e instanceof VirtualMachineError) {
                throw (VirtualMachineError) e;
            }
            LOG.errorf(e, "Airlock listener %s failed; the work it was told about goes on", listener.getClass().getName());
        }
    }
}

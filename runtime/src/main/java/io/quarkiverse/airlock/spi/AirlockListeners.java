package io.quarkiverse.airlock.spi;

import java.util.List;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.Intent;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

/**
 * Combines the installed listeners into one. The hot paths read {@link AirlockHooks#listener()} once and skip every callback when it is null,
 * which it is unless something (the Dev UI, metrics, a user bean) asked to listen.
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

        private final AirlockListener[] listeners;

        Guarded(AirlockListener[] listeners) {
            this.listeners = listeners;
        }

        @Override
        public void scopeEntered(Scope scope) {
            for (AirlockListener listener : listeners) {
                try {
                    listener.scopeEntered(scope);
                } catch (Throwable e) {
                    failed(listener, e);
                }
            }
        }

        @Override
        public void scopeExited(Scope scope) {
            for (AirlockListener listener : listeners) {
                try {
                    listener.scopeExited(scope);
                } catch (Throwable e) {
                    failed(listener, e);
                }
            }
        }

        @Override
        public void enqueued(Scope scope, Intent intent) {
            for (AirlockListener listener : listeners) {
                try {
                    listener.enqueued(scope, intent);
                } catch (Throwable e) {
                    failed(listener, e);
                }
            }
        }

        @Override
        public void captured(Scope outer, Intent intent) {
            for (AirlockListener listener : listeners) {
                try {
                    listener.captured(outer, intent);
                } catch (Throwable e) {
                    failed(listener, e);
                }
            }
        }

        @Override
        public void dropped(Scope scope, Intent intent, Policy policy) {
            for (AirlockListener listener : listeners) {
                try {
                    listener.dropped(scope, intent, policy);
                } catch (Throwable e) {
                    failed(listener, e);
                }
            }
        }

        @Override
        public void discarded(Scope scope, List<Intent> intents, String reason) {
            for (AirlockListener listener : listeners) {
                try {
                    listener.discarded(scope, intents, reason);
                } catch (Throwable e) {
                    failed(listener, e);
                }
            }
        }

        @Override
        public void deferred(List<Intent> intents) {
            for (AirlockListener listener : listeners) {
                try {
                    listener.deferred(intents);
                } catch (Throwable e) {
                    failed(listener, e);
                }
            }
        }

        @Override
        public void rolledBack(List<Intent> intents) {
            for (AirlockListener listener : listeners) {
                try {
                    listener.rolledBack(intents);
                } catch (Throwable e) {
                    failed(listener, e);
                }
            }
        }

        @Override
        public void dispatching(Intent intent, IntentExecutor executor) {
            for (AirlockListener listener : listeners) {
                try {
                    listener.dispatching(intent, executor);
                } catch (Throwable e) {
                    failed(listener, e);
                }
            }
        }

        @Override
        public void handled(Intent intent, long nanos, Throwable failure) {
            for (AirlockListener listener : listeners) {
                try {
                    listener.handled(intent, nanos, failure);
                } catch (Throwable e) {
                    failed(listener, e);
                }
            }
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

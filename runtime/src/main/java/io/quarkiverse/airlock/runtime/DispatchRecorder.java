package io.quarkiverse.airlock.runtime;

import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockDefaults;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkiverse.airlock.runtime.config.AirlockRuntimeConfig;
import io.quarkiverse.airlock.runtime.executor.DisabledExecutor;
import io.quarkiverse.airlock.runtime.executor.EventBusConsumers;
import io.quarkiverse.airlock.runtime.executor.EventBusExecutor;
import io.quarkiverse.airlock.runtime.executor.MessagingExecutor;
import io.quarkiverse.airlock.runtime.executor.VirtualThreadExecutor;
import io.quarkiverse.airlock.runtime.executor.WorkerPoolExecutor;
import io.quarkiverse.airlock.runtime.outbox.DefaultAirlockOutbox;
import io.quarkiverse.airlock.spi.SyncExecutor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Vertx;

/**
 * Where escaping intents go: sets the default policy and executor, starts the outbox when it is on and the event-bus
 * consumers when that executor is chosen. Everything is undone at shutdown, so dev-mode restarts
 * and tests start clean.
 */
@Recorder
public class DispatchRecorder {

    private static final Logger LOG = Logger.getLogger("io.quarkiverse.airlock");

    private final AirlockConfig config;
    private final RuntimeValue<AirlockRuntimeConfig> runtimeConfig;

    public DispatchRecorder(AirlockConfig config, RuntimeValue<AirlockRuntimeConfig> runtimeConfig) {
        this.config = config;
        this.runtimeConfig = runtimeConfig;
    }

    /**
     * @param defaultPolicy the class of the configured default policy, a bean registered at build time
     */
    public void start(Class<? extends Policy> defaultPolicy, ShutdownContext shutdown) {
        Policy policy = Arc.container().instance(defaultPolicy).get();
        IntentExecutor executor = executor(config.executor());
        boolean enabled = runtimeConfig.getValue().enabled();
        if (config.outbox().enabled()) {
            // disabled, the outbox still stores what escapes: a durable intent is never dropped, only held back
            DefaultAirlockOutbox outbox = Arc.container().instance(DefaultAirlockOutbox.class).get();
            executor = outbox.start(config.outbox(), runtimeConfig.getValue().outbox(), config.tasks(),
                    executor(outboxDelivery()), enabled);
            shutdown.addShutdownTask(outbox::stop);
            if (!enabled) {
                LOG.warnf("Airlock is disabled (quarkus.airlock.enabled=false) while the outbox is on: escaping intents"
                        + " are still written to table %s, so none is lost, but this instance delivers none of them."
                        + " They are delivered once an instance runs with quarkus.airlock.enabled=true.",
                        config.outbox().table());
            }
        } else if (!enabled) {
            // each dropped intent is logged at DEBUG only: this line is what tells a deployment that nothing escapes
            LOG.warn("Airlock is disabled (quarkus.airlock.enabled=false): scopes still check and buffer intents, but"
                    + " no escaping intent is dispatched; each one is dropped.");
            executor = DisabledExecutor.replacing(executor);
        }
        Airlock.configure(AirlockDefaults.builder().policy(policy).executor(executor).build());
        shutdown.addShutdownTask(() -> {
            Airlock.resetConfiguration();
        });
        if ((ExecutorNames.EVENT_BUS.equals(config.executor())
                || config.outbox().enabled() && ExecutorNames.EVENT_BUS.equals(outboxDelivery()))
                && runtimeConfig.getValue().enabled()) {
            EventBusConsumers consumers = new EventBusConsumers(Arc.container().instance(Vertx.class).get());
            consumers.start().toCompletionStage().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
            shutdown.addShutdownTask(consumers::stop);
        }
    }

    /** Where the outbox relay sends committed intents: by default, where they would have gone without it. */
    private String outboxDelivery() {
        return config.outbox().delivery().orElse(config.executor());
    }

    private static IntentExecutor executor(String name) {
        switch (name) {
            case ExecutorNames.SYNC:
                return SyncExecutor.INSTANCE;
            case ExecutorNames.WORKER:
                return Arc.container().instance(WorkerPoolExecutor.class).get();
            case ExecutorNames.VIRTUAL_THREADS:
                return Arc.container().instance(VirtualThreadExecutor.class).get();
            case ExecutorNames.EVENT_BUS:
                return Arc.container().instance(EventBusExecutor.class).get();
            case ExecutorNames.MESSAGING:
                // registered only with the messaging capability; the build fails without it
                return Arc.container().instance(MessagingExecutor.class).get();
            default:
                // the build checked that exactly one bean of this name implements IntentExecutor
                InstanceHandle<Object> bean = Arc.container().instance(name);
                return (IntentExecutor) bean.get();
        }
    }
}

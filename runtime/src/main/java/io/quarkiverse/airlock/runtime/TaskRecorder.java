package io.quarkiverse.airlock.runtime;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.invoke.Invoker;

import io.quarkiverse.airlock.runtime.interceptor.DirectCalls;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.TaskHandler;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Installs the task handlers the build discovered. Handlers are called through generated ArC invokers: no reflection.
 */
@Recorder
public class TaskRecorder {

    /**
     * @param marked whether direct calls to task methods are intercepted: Airlock's own call is then marked so that the
     *        interceptor lets it through
     */
    public RuntimeValue<TaskHandler> handler(String name, String method, Class<?>[] parameterTypes,
            String[] genericParameterTypes, RuntimeValue<Invoker<Object, Object>> invoker, boolean marked) {
        Invoker<Object, Object> call = invoker.getValue();
        return new RuntimeValue<>(new TaskHandler(name, method, parameterTypes, genericParameterTypes,
                marking(args -> call.invoke(null, args), marked)));
    }

    /**
     * A handler on a singleton or application-scoped bean: the instance (or its client proxy) is looked up on the first
     * call, when the container is up, and reused.
     */
    public RuntimeValue<TaskHandler> sharedInstanceHandler(String name, String method, Class<?>[] parameterTypes,
            String[] genericParameterTypes, RuntimeValue<Invoker<Object, Object>> invoker, String beanId,
            boolean marked) {
        Invoker<Object, Object> call = invoker.getValue();
        SharedInstance instance = new SharedInstance(beanId);
        return new RuntimeValue<>(new TaskHandler(name, method, parameterTypes, genericParameterTypes,
                marking(args -> call.invoke(instance.get(), args), marked)));
    }

    private static TaskHandler.Call marking(TaskHandler.Call call, boolean marked) {
        return marked ? args -> DirectCalls.dispatch(call, args) : call;
    }

    public void install(List<RuntimeValue<TaskHandler>> handlers, ShutdownContext shutdown) {
        List<TaskHandler> installed = new ArrayList<>(handlers.size());
        for (RuntimeValue<TaskHandler> handler : handlers) {
            installed.add(handler.getValue());
        }
        AirlockHooks.installTasks(installed);
        shutdown.addShutdownTask(() -> {
            AirlockHooks.installTasks(null);
            DirectCalls.forgetWarnings();
        });
    }

    private static final class SharedInstance {
        private final String beanId;
        private volatile Object instance;

        SharedInstance(String beanId) {
            this.beanId = beanId;
        }

        Object get() {
            Object current = instance;
            if (current == null) {
                // two threads may both look it up the first time: the container hands both the same instance
                InjectableBean<Object> bean = Arc.container().bean(beanId);
                current = Arc.container().instance(bean).get();
                instance = current;
            }
            return current;
        }
    }
}

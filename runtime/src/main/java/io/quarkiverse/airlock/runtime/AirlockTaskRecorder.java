package io.quarkiverse.airlock.runtime;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.invoke.Invoker;

import io.quarkiverse.airlock.runtime.task.TaskHandler;
import io.quarkiverse.airlock.runtime.task.TaskRegistry;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Installs the task handlers the build discovered. Handlers are called through generated ArC invokers: no reflection.
 */
@Recorder
public class AirlockTaskRecorder {

    public RuntimeValue<TaskHandler> handler(String name, String method, Class<?>[] parameterTypes,
            RuntimeValue<Invoker<Object, Object>> invoker) {
        Invoker<Object, Object> call = invoker.getValue();
        return new RuntimeValue<>(new TaskHandler(name, method, parameterTypes, args -> call.invoke(null, args)));
    }

    public void install(List<RuntimeValue<TaskHandler>> handlers, ShutdownContext shutdown) {
        List<TaskHandler> installed = new ArrayList<>(handlers.size());
        for (RuntimeValue<TaskHandler> handler : handlers) {
            installed.add(handler.getValue());
        }
        TaskRegistry.install(installed);
        shutdown.addShutdownTask(TaskRegistry::clear);
    }
}

package io.quarkiverse.airlock.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jboss.jandex.MethodInfo;

import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.InvokerInfo;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * Every valid {@code @AirlockTask} handler of the application, sorted by task name so that what the build generates
 * from them does not depend on discovery order. Empty when a handler failed validation: the build fails then anyway.
 */
public final class AirlockTasksBuildItem extends SimpleBuildItem {

    private final List<TaskMethod> tasks;

    AirlockTasksBuildItem(List<TaskMethod> tasks) {
        List<TaskMethod> sorted = new ArrayList<>(tasks);
        sorted.sort(Comparator.comparing(TaskMethod::name));
        this.tasks = List.copyOf(sorted);
    }

    public List<TaskMethod> tasks() {
        return tasks;
    }

    /** One handler: its task name, its bean and method, and the invoker that calls it without reflection. */
    public record TaskMethod(String name, BeanInfo bean, MethodInfo method, InvokerInfo invoker) {

        /** {@code com.acme.Orders#notify(long)} */
        public String describe() {
            return Methods.describe(method);
        }
    }
}

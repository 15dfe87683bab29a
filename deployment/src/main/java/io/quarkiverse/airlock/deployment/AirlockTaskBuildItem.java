package io.quarkiverse.airlock.deployment;

import org.jboss.jandex.MethodInfo;

import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.InvokerInfo;
import io.quarkus.builder.item.MultiBuildItem;

/**
 * A valid {@code @AirlockTask} handler: its name, where it is, and the invoker that calls it without reflection.
 */
public final class AirlockTaskBuildItem extends MultiBuildItem {

    private final String name;
    private final BeanInfo bean;
    private final MethodInfo method;
    private final InvokerInfo invoker;

    AirlockTaskBuildItem(String name, BeanInfo bean, MethodInfo method, InvokerInfo invoker) {
        this.name = name;
        this.bean = bean;
        this.method = method;
        this.invoker = invoker;
    }

    public String name() {
        return name;
    }

    public BeanInfo bean() {
        return bean;
    }

    public MethodInfo method() {
        return method;
    }

    public InvokerInfo invoker() {
        return invoker;
    }

    /** {@code com.acme.Orders#notify(long)} */
    public String describe() {
        return Methods.describe(method);
    }
}

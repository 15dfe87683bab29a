package io.quarkiverse.airlock;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Declares a task handler: a non-private instance method of a CDI bean that runs when an intent of this task escapes.
 * Arguments map positionally to the parameters. The class gets {@code @Singleton} when it declares no scope.
 *
 * <pre>
 * &#64;AirlockTask
 * void notifyWarehouse(long orderId) { ... }
 *
 * Airlock.enqueue("notifyWarehouse", order.id);
 * </pre>
 */
@Target(METHOD)
@Retention(RUNTIME)
public @interface AirlockTask {

    /** The task name; empty means the method name. Names are unique in an application. */
    String value() default "";
}

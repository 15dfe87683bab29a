package io.quarkiverse.airlock;

import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.CLASS;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks code that calls {@link AirlockTask} methods directly on purpose: the side effect must happen at once, whatever
 * scope is open (a health check, a command-line tool, a test helper). The build-time check for direct calls
 * ({@code quarkus.airlock.direct-calls}) does not report call sites in an annotated method or constructor, in the
 * lambdas it contains, or anywhere in an annotated class.
 *
 * <pre>
 * &#64;AirlockDirectCall(&quot;the probe must reach the warehouse now, not after the request&quot;)
 * void probe() {
 *     warehouse.notifyWarehouse(0L);
 * }
 * </pre>
 */
@Documented
@Retention(CLASS)
@Target({ TYPE, METHOD, CONSTRUCTOR })
public @interface AirlockDirectCall {

    /** Why the call bypasses Airlock, for the next reader. */
    String value() default "";
}

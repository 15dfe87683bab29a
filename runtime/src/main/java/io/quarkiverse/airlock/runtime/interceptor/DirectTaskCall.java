package io.quarkiverse.airlock.runtime.interceptor;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Added at build time to every {@code @AirlockTask} method when {@code quarkus.airlock.intercept-direct-calls=true}:
 * binds {@link DirectCallInterceptor}. Not for application code.
 */
@InterceptorBinding
@Target({ TYPE, METHOD })
@Retention(RUNTIME)
public @interface DirectTaskCall {

    /** The task name of the annotated handler. */
    @Nonbinding
    String value() default "";
}

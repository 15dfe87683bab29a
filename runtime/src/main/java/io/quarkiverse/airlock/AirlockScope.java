package io.quarkiverse.airlock;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Runs the annotated method (or every business method of the annotated class) in its own scope: normal completion
 * flushes, an exception discards and propagates unchanged, a JAX-RS {@code Response} or {@code RestResponse} with
 * status 400 or above discards. Methods returning {@code Uni}, {@code Multi} or {@code CompletionStage} keep the
 * scope open until the asynchronous result completes. A call nested in another scope opens a nested scope, captured by
 * the enclosing one.
 */
@InterceptorBinding
@Target({ TYPE, METHOD })
@Retention(RUNTIME)
@Inherited
public @interface AirlockScope {

    /**
     * The scope policy: a CDI bean class, or a class with a no-arg constructor. {@code Policy.class} means the configured
     * default ({@code quarkus.airlock.policy}).
     */
    @Nonbinding
    Class<? extends Policy> policy() default Policy.class;
}

package io.quarkiverse.airlock.runtime.tx;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Added at build time next to every {@code @Transactional}: binds {@link TransactionBoundaryInterceptor}. Not for
 * application code.
 */
@InterceptorBinding
@Target({ TYPE, METHOD })
@Retention(RUNTIME)
public @interface TransactionBoundary {
}

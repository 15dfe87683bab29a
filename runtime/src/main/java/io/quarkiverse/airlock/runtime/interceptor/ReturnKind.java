package io.quarkiverse.airlock.runtime.interceptor;

import java.util.concurrent.CompletionStage;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * How long an intercepted method's unit of work lasts: until it returns, or until its asynchronous result completes.
 */
enum ReturnKind {
    SYNCHRONOUS,
    UNI,
    MULTI,
    COMPLETION_STAGE;

    static ReturnKind of(Class<?> returnType) {
        if (Uni.class.isAssignableFrom(returnType)) {
            return UNI;
        }
        if (Multi.class.isAssignableFrom(returnType)) {
            return MULTI;
        }
        if (CompletionStage.class.isAssignableFrom(returnType)) {
            return COMPLETION_STAGE;
        }
        return SYNCHRONOUS;
    }
}

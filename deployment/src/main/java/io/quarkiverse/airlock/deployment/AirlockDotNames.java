package io.quarkiverse.airlock.deployment;

import org.jboss.jandex.DotName;

import io.quarkiverse.airlock.AirlockDirectCall;
import io.quarkiverse.airlock.AirlockScope;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.IntentExecutor;
import io.quarkiverse.airlock.Policy;

final class AirlockDotNames {

    static final DotName AIRLOCK_TASK = DotName.createSimple(AirlockTask.class);
    static final DotName AIRLOCK_SCOPE = DotName.createSimple(AirlockScope.class);
    static final DotName AIRLOCK_DIRECT_CALL = DotName.createSimple(AirlockDirectCall.class);
    static final DotName POLICY = DotName.createSimple(Policy.class);
    static final DotName INTENT_EXECUTOR = DotName.createSimple(IntentExecutor.class);
    static final DotName UNI = DotName.createSimple("io.smallrye.mutiny.Uni");
    static final DotName MULTI = DotName.createSimple("io.smallrye.mutiny.Multi");
    static final DotName COMPLETION_STAGE = DotName.createSimple("java.util.concurrent.CompletionStage");
    static final DotName COMPLETABLE_FUTURE = DotName.createSimple("java.util.concurrent.CompletableFuture");

    private AirlockDotNames() {
    }
}

package io.quarkiverse.airlock.deployment;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTransformation;
import org.jboss.jandex.DotName;

import io.quarkiverse.airlock.runtime.TransactionRecorder;
import io.quarkiverse.airlock.runtime.tx.TransactionBoundary;
import io.quarkiverse.airlock.runtime.tx.TransactionBoundaryInterceptor;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.AnnotationsTransformerBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;

/**
 * After-commit dispatch, only when the application has JTA transactions ({@code quarkus-narayana-jta}).
 */
class AirlockTransactionProcessor {

    private static final String DEFERRAL = "io.quarkiverse.airlock.runtime.tx.AfterCommitDeferral";

    private static final DotName TRANSACTIONAL = DotName.createSimple("jakarta.transaction.Transactional");

    @BuildStep
    void deferralBean(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.TRANSACTIONS)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(DEFERRAL));
        }
    }

    /**
     * Every {@code @Transactional} class and method is also a boundary for the scope around it, so that what it
     * enqueues into an enclosing scope dies with its rollback.
     */
    @BuildStep
    void transactionBoundaries(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<AnnotationsTransformerBuildItem> transformers) {
        if (!capabilities.isPresent(Capability.TRANSACTIONS)) {
            return;
        }
        beans.produce(AdditionalBeanBuildItem.builder().setUnremovable()
                .addBeanClasses(TransactionBoundary.class, TransactionBoundaryInterceptor.class).build());
        AnnotationInstance boundary = AnnotationInstance.builder(TransactionBoundary.class).build();
        transformers.produce(new AnnotationsTransformerBuildItem(AnnotationTransformation.forClasses()
                .whenClass(type -> type.hasDeclaredAnnotation(TRANSACTIONAL))
                .transform(context -> context.add(boundary))));
        transformers.produce(new AnnotationsTransformerBuildItem(AnnotationTransformation.forMethods()
                .whenMethod(method -> method.hasDeclaredAnnotation(TRANSACTIONAL))
                .transform(context -> context.add(boundary))));
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void deferToCommit(Capabilities capabilities, TransactionRecorder recorder, BeanContainerBuildItem container,
            ShutdownContextBuildItem shutdown) {
        if (capabilities.isPresent(Capability.TRANSACTIONS)) {
            recorder.deferToCommit(shutdown);
        }
    }
}

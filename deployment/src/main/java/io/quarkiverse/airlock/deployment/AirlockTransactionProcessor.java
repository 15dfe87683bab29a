package io.quarkiverse.airlock.deployment;

import io.quarkiverse.airlock.runtime.AirlockRecorder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
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

    @BuildStep
    void deferralBean(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (capabilities.isPresent(Capability.TRANSACTIONS)) {
            beans.produce(AdditionalBeanBuildItem.unremovableOf(DEFERRAL));
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void deferToCommit(Capabilities capabilities, AirlockRecorder recorder, BeanContainerBuildItem container,
            ShutdownContextBuildItem shutdown) {
        if (capabilities.isPresent(Capability.TRANSACTIONS)) {
            recorder.deferToCommit(shutdown);
        }
    }
}

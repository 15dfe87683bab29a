package io.quarkiverse.airlock.deployment;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.jandex.DotName;

import io.quarkiverse.airlock.deployment.exception.InvalidOutboxException;
import io.quarkiverse.airlock.runtime.ExecutorNames;
import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkus.agroal.spi.JdbcDataSourceBuildItem;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;

/**
 * The durable outbox, when {@code quarkus.airlock.outbox.enabled=true}: its bean, the datasource it writes to, and the
 * DDL it creates the table from.
 */
class AirlockOutboxProcessor {

    private static final String OUTBOX = "io.quarkiverse.airlock.runtime.outbox.DefaultAirlockOutbox";
    private static final String AGROAL_DATASOURCE = "io.agroal.api.AgroalDataSource";
    private static final Set<String> SUPPORTED_DB_KINDS = Set.of("postgresql", "h2");

    @BuildStep
    void outboxBean(AirlockConfig config, BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<UnremovableBeanBuildItem> unremovable, BuildProducer<NativeImageResourceBuildItem> resources) {
        if (!config.outbox().enabled()) {
            return;
        }
        beans.produce(AdditionalBeanBuildItem.unremovableOf(OUTBOX));
        // looked up by name at start-up, never injected
        unremovable.produce(UnremovableBeanBuildItem.beanTypes(DotName.createSimple(AGROAL_DATASOURCE)));
        String delivery = config.outbox().delivery().orElse(config.executor());
        if (!ExecutorNames.BUILT_IN.contains(delivery)) {
            unremovable.produce(new UnremovableBeanBuildItem(bean -> delivery.equals(bean.getName())));
        }
        resources.produce(new NativeImageResourceBuildItem("db/airlock/postgresql/V1_0_0__airlock_outbox.sql",
                "db/airlock/h2/V1_0_0__airlock_outbox.sql", "db/airlock/postgresql/V1_1_0__airlock_outbox_owner.sql",
                "db/airlock/h2/V1_1_0__airlock_outbox_owner.sql"));
    }

    @BuildStep
    void validateDatasource(AirlockConfig config, Capabilities capabilities, List<JdbcDataSourceBuildItem> datasources,
            BuildProducer<ValidationErrorBuildItem> errors) {
        if (!config.outbox().enabled()) {
            return;
        }
        String name = config.outbox().datasource();
        if (!capabilities.isPresent(Capability.AGROAL) || datasources.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(new InvalidOutboxException(
                    "quarkus.airlock.outbox.enabled=true needs a JDBC datasource to hold the outbox table, and the "
                            + "application has none. Add a JDBC driver extension (quarkus-jdbc-postgresql, or "
                            + "quarkus-jdbc-h2) and configure quarkus.datasource.db-kind.")));
            return;
        }
        JdbcDataSourceBuildItem datasource = datasources.stream().filter(candidate -> candidate.getName().equals(name))
                .findFirst().orElse(null);
        if (datasource == null) {
            errors.produce(new ValidationErrorBuildItem(new InvalidOutboxException("quarkus.airlock.outbox.datasource="
                    + name + " names no JDBC datasource. Configured datasources: "
                    + datasources.stream().map(JdbcDataSourceBuildItem::getName).sorted().collect(Collectors.toList())
                    + " (<default> is the default datasource).")));
        } else if (!SUPPORTED_DB_KINDS.contains(datasource.getDbKind())) {
            errors.produce(new ValidationErrorBuildItem(new InvalidOutboxException("The Airlock outbox supports "
                    + "PostgreSQL and H2, but datasource " + name + " is " + datasource.getDbKind()
                    + ": point quarkus.airlock.outbox.datasource at a PostgreSQL or H2 datasource.")));
        }
    }

    @BuildStep
    void validateDelivery(AirlockConfig config, ValidationPhaseBuildItem validation,
            BuildProducer<ValidationErrorBuildItem> errors) {
        if (!config.outbox().enabled()) {
            return;
        }
        String delivery = config.outbox().delivery().orElse(config.executor());
        if (ExecutorNames.BUILT_IN.contains(delivery)) {
            return;
        }
        boolean found = validation.getContext().beans().withName(delivery).collect().stream()
                .anyMatch(bean -> bean.getTypes().stream()
                        .anyMatch(type -> type.name().equals(AirlockDotNames.INTENT_EXECUTOR)));
        if (!found) {
            errors.produce(new ValidationErrorBuildItem(new InvalidOutboxException("quarkus.airlock.outbox.delivery="
                    + delivery + " names neither a built-in executor " + ExecutorNames.BUILT_IN
                    + " nor a @Named bean implementing " + AirlockDotNames.INTENT_EXECUTOR + ".")));
        }
    }
}

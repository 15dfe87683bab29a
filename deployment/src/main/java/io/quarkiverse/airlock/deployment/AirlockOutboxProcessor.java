package io.quarkiverse.airlock.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
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
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;

/**
 * The durable outbox, when {@code quarkus.airlock.outbox.enabled=true}: its bean, the datasource it writes to, and the
 * DDL it creates the table from.
 */
class AirlockOutboxProcessor {

    private static final String OUTBOX = "io.quarkiverse.airlock.runtime.outbox.DefaultAirlockOutbox";
    private static final String AGROAL_DATASOURCE = "io.agroal.api.AgroalDataSource";
    private static final String ADMIN_ROUTES = "io.quarkiverse.airlock.runtime.outbox.OutboxAdminRoutes";
    /** The folders of the DDL shipped per database, and the migrations in each (the runtime's OutboxDialect). */
    private static final List<String> DIALECT_FOLDERS = List.of("postgresql", "mariadb", "h2");
    private static final List<String> MIGRATIONS = List.of("V1_0_0__airlock_outbox.sql",
            "V1_1_0__airlock_outbox_owner.sql", "V1_2_0__airlock_outbox_ordering.sql");
    private static final Set<String> SUPPORTED_DB_KINDS = Set.of("postgresql", "mariadb", "mysql", "h2");

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
        List<String> ddl = new ArrayList<>();
        for (String dialect : DIALECT_FOLDERS) {
            for (String migration : MIGRATIONS) {
                ddl.add("db/airlock/" + dialect + "/" + migration);
            }
        }
        resources.produce(new NativeImageResourceBuildItem(ddl));
    }

    /**
     * The dead-letter endpoints, on the management interface only, behind an authentication mechanism and a role.
     * Anything less fails the build: such endpoints must never be reachable without both.
     */
    @BuildStep
    void adminEndpoints(AirlockConfig config, Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<RunTimeConfigurationDefaultBuildItem> defaults,
            BuildProducer<ValidationErrorBuildItem> errors) {
        if (!config.outbox().admin().enabled()) {
            return;
        }
        Config quarkus = ConfigProvider.getConfig();
        List<String> missing = new ArrayList<>();
        if (!config.outbox().enabled()) {
            missing.add("the outbox (quarkus.airlock.outbox.enabled=true)");
        }
        if (!capabilities.isPresent(Capability.VERTX_HTTP)
                || !quarkus.getOptionalValue("quarkus.management.enabled", Boolean.class).orElse(false)) {
            missing.add("the management interface (quarkus.management.enabled=true), so that they are never served on"
                    + " the main HTTP port");
        }
        if (!quarkus.getOptionalValue("quarkus.management.auth.enabled", Boolean.class)
                .or(() -> quarkus.getOptionalValue("quarkus.management.auth.basic", Boolean.class)).orElse(false)) {
            missing.add("authentication on the management interface (quarkus.management.auth.basic=true, or"
                    + " quarkus.management.auth.enabled=true with another mechanism) and an identity provider");
        }
        if (!missing.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(new InvalidOutboxException(
                    "quarkus.airlock.outbox.admin.enabled=true serves dead letters to operators, and needs "
                            + String.join("; ", missing) + ".")));
            return;
        }
        beans.produce(AdditionalBeanBuildItem.unremovableOf(ADMIN_ROUTES));
        // Quarkus security checks the role before the endpoint does, and challenges a caller without credentials
        String root = quarkus.getOptionalValue("quarkus.management.root-path", String.class).orElse("/q");
        String permission = "quarkus.management.auth.permission.airlock-outbox-admin.";
        defaults.produce(new RunTimeConfigurationDefaultBuildItem(permission + "paths",
                (root.endsWith("/") ? root : root + "/") + "airlock/outbox/*"));
        defaults.produce(new RunTimeConfigurationDefaultBuildItem(permission + "policy", "airlock-outbox-admin"));
        defaults.produce(new RunTimeConfigurationDefaultBuildItem(
                "quarkus.management.auth.policy.airlock-outbox-admin.roles-allowed",
                "${quarkus.airlock.outbox.admin.role:airlock-admin}"));
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
                            + "application has none. Add a JDBC driver extension (quarkus-jdbc-postgresql, "
                            + "quarkus-jdbc-mariadb, quarkus-jdbc-mysql or quarkus-jdbc-h2) and configure quarkus.datasource.db-kind.")));
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
                    + "PostgreSQL, MariaDB (or MySQL) and H2, but datasource " + name + " is " + datasource.getDbKind()
                    + ": point quarkus.airlock.outbox.datasource at a PostgreSQL, MariaDB, MySQL or H2 datasource.")));
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

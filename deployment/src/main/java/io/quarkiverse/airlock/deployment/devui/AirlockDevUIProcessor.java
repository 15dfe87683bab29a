package io.quarkiverse.airlock.deployment.devui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.ConfigValue;
import org.jboss.jandex.Type;

import io.quarkiverse.airlock.deployment.AirlockBuildTimeConfig;
import io.quarkiverse.airlock.deployment.AirlockTasksBuildItem;
import io.quarkiverse.airlock.deployment.AirlockTasksBuildItem.TaskMethod;
import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkiverse.airlock.runtime.config.AirlockRuntimeConfig;
import io.quarkiverse.airlock.runtime.devui.AirlockDevUIListener;
import io.quarkiverse.airlock.runtime.devui.AirlockJsonRPCService;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Airlock card of the Dev UI: pending intents, their outcomes, the tasks and the configuration. Nothing here runs
 * outside dev mode, so prod and test applications neither record nor pay for recording.
 */
class AirlockDevUIProcessor {

    private static final String PREFIX = "quarkus.airlock.";
    /** What each property is worth when nobody set it, read from the configuration mappings. */
    private static final Map<String, String> DEFAULTS = ConfigDefaults.of(AirlockConfig.class, AirlockRuntimeConfig.class,
            AirlockBuildTimeConfig.class);

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    AdditionalBeanBuildItem recorder() {
        // an AirlockListener bean: the start-up step installs it like any other listener
        return AdditionalBeanBuildItem.builder().setUnremovable().addBeanClasses(AirlockDevUIListener.class).build();
    }

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    JsonRPCProvidersBuildItem jsonRpc() {
        return new JsonRPCProvidersBuildItem(AirlockJsonRPCService.class);
    }

    @BuildStep(onlyIf = IsLocalDevelopment.class)
    CardPageBuildItem card(AirlockTasksBuildItem tasks, AirlockConfig config) {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title("Pending")
                .icon("font-awesome-solid:hourglass-half")
                .componentLink("qwc-airlock-intents.js")
                .streamingLabelJsonRPCMethodName("streamPendingCount"));
        card.addPage(Page.webComponentPageBuilder()
                .title("History")
                .icon("font-awesome-solid:clock-rotate-left")
                .componentLink("qwc-airlock-history.js")
                .streamingLabelJsonRPCMethodName("streamFailedCount"));
        card.addPage(Page.webComponentPageBuilder()
                .title("Tasks")
                .icon("font-awesome-solid:list-check")
                .componentLink("qwc-airlock-tasks.js")
                .staticLabel(String.valueOf(tasks.tasks().size())));
        card.addPage(Page.webComponentPageBuilder()
                .title("Configuration")
                .icon("font-awesome-solid:sliders")
                .componentLink("qwc-airlock-configuration.js"));
        card.addBuildTimeData("tasks", taskTable(tasks.tasks(), config));
        card.addBuildTimeData("configuration", configurationTable());
        return card;
    }

    private static List<Map<String, Object>> taskTable(List<TaskMethod> tasks, AirlockConfig config) {
        List<Map<String, Object>> rows = new ArrayList<>(tasks.size());
        for (TaskMethod task : tasks) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", task.name());
            row.put("bean", task.bean().getBeanClass().toString());
            row.put("scope", task.bean().getScope().getDotName().withoutPackagePrefix());
            row.put("method", task.method().name());
            row.put("parameterTypes", task.method().parameterTypes().stream().map(Type::toString).toList());
            row.put("executor", config.executor());
            rows.add(row);
        }
        return rows;
    }

    /** Every quarkus.airlock.* value in effect when the application was built, with where it came from. */
    private static List<Map<String, String>> configurationTable() {
        Config config = ConfigProvider.getConfig();
        TreeSet<String> names = new TreeSet<>(DEFAULTS.keySet());
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                names.add(name);
            }
        }
        List<Map<String, String>> rows = new ArrayList<>(names.size());
        for (String name : names) {
            ConfigValue value = config.getConfigValue(name);
            String effective = value.getValue() != null ? value.getValue() : DEFAULTS.get(name);
            if (effective == null) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", name);
            row.put("value", effective);
            row.put("source", value.getValue() == null ? "default" : source(value.getSourceName()));
            rows.add(row);
        }
        return rows;
    }

    /** A short name for a config source: the file name, or the kind of source. */
    private static String source(String sourceName) {
        if (sourceName == null || sourceName.contains("Default")) {
            return "default";
        }
        if (sourceName.startsWith("SysPropConfigSource")) {
            return "system property";
        }
        if (sourceName.startsWith("EnvConfigSource")) {
            return "environment variable";
        }
        int file = sourceName.indexOf("source=");
        if (file >= 0) {
            String path = sourceName.substring(file + "source=".length()).replace("]", "");
            return path.substring(path.lastIndexOf('/') + 1);
        }
        return sourceName;
    }
}

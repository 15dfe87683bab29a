package io.quarkiverse.airlock.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.airlock.deployment.exception.UnknownAirlockPropertyException;
import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkiverse.airlock.runtime.config.AirlockRuntimeConfig;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.smallrye.config.ConfigMappings.ConfigClass;
import io.smallrye.config.PropertyName;

/**
 * Fails the build on a {@code quarkus.airlock.*} property that no mapping declares: a misspelled key would otherwise
 * be ignored with a warning, and the application would silently run with the default.
 */
class AirlockConfigProcessor {

    static final String PREFIX = "quarkus.airlock.";

    @BuildStep
    void rejectUnknownProperties(BuildProducer<ValidationErrorBuildItem> errors) {
        Set<String> known = knownProperties();
        List<Throwable> problems = new ArrayList<>();
        Set<String> configured = new TreeSet<>();
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            configured.add(withoutProfile(name));
        }
        // map keys (quarkus.airlock.tasks."name".*) match the mapping's '*' segment, quoted or not
        List<PropertyName> patterns = known.stream().filter(name -> name.contains("*")).map(PropertyName::new).toList();
        for (String name : configured) {
            if (name.startsWith(PREFIX) && !known.contains(name)
                    && patterns.stream().noneMatch(pattern -> pattern.equals(new PropertyName(name)))) {
                problems.add(new UnknownAirlockPropertyException("Unknown Airlock configuration property '" + name
                        + "'. Valid properties are: " + String.join(", ", known) + "."));
            }
        }
        if (!problems.isEmpty()) {
            errors.produce(new ValidationErrorBuildItem(problems));
        }
    }

    static Set<String> knownProperties() {
        Set<String> known = new TreeSet<>();
        known.addAll(ConfigClass.configClass(AirlockConfig.class).getProperties().keySet());
        known.addAll(ConfigClass.configClass(AirlockRuntimeConfig.class).getProperties().keySet());
        known.addAll(ConfigClass.configClass(AirlockBuildTimeConfig.class).getProperties().keySet());
        return known;
    }

    private static String withoutProfile(String name) {
        if (name.startsWith("%")) {
            int dot = name.indexOf('.');
            return dot < 0 ? name : name.substring(dot + 1);
        }
        return name;
    }
}

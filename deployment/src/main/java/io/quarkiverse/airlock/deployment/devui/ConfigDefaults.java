package io.quarkiverse.airlock.deployment.devui;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

/**
 * The default of every property of Airlock's configuration mappings, read from their {@code @WithDefault}
 * annotations at build time: the Dev UI shows what a property is worth when nobody set it, without a copy of the
 * defaults to keep in step. Run-time defaults are included, which the build's own configuration does not see.
 */
final class ConfigDefaults {

    private ConfigDefaults() {
    }

    /** Property name to default value, sorted by name; members that are maps (per-task settings) are left out. */
    static Map<String, String> of(Class<?>... mappings) {
        Map<String, String> defaults = new TreeMap<>();
        for (Class<?> mapping : mappings) {
            collect(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), defaults);
        }
        return defaults;
    }

    private static void collect(Class<?> group, String prefix, Map<String, String> defaults) {
        for (Method member : group.getMethods()) {
            if (member.getParameterCount() > 0 || Modifier.isStatic(member.getModifiers()) || member.isDefault()) {
                continue;
            }
            String name = member.isAnnotationPresent(WithParentName.class) ? prefix
                    : prefix + "." + (member.isAnnotationPresent(WithName.class)
                            ? member.getAnnotation(WithName.class).value()
                            : kebab(member.getName()));
            WithDefault value = member.getAnnotation(WithDefault.class);
            if (value != null) {
                defaults.put(name, value.value());
            } else if (isGroup(member.getReturnType())) {
                collect(member.getReturnType(), name, defaults);
            }
        }
    }

    /** A nested group of properties: an interface of Airlock's configuration, not a value type or a map. */
    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && type.getName().startsWith("io.quarkiverse.airlock.");
    }

    private static String kebab(String member) {
        StringBuilder name = new StringBuilder(member.length() + 4);
        for (char c : member.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('-').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}

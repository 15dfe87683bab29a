package io.quarkiverse.airlock.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.AssertNoEffects;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.LogOnFlush;
import io.quarkiverse.airlock.Policy;

/**
 * The values of {@code quarkus.airlock.policy} that name a built-in policy; any other value is a class name.
 */
public final class PolicyNames {

    /** In a fixed order, so that messages listing them read the same on every build. */
    public static final Map<String, Class<? extends Policy>> BUILT_IN = builtIn();

    private PolicyNames() {
    }

    private static Map<String, Class<? extends Policy>> builtIn() {
        Map<String, Class<? extends Policy>> names = new LinkedHashMap<>();
        names.put("allow-all", AllowAll.class);
        names.put("drop-all", DropAll.class);
        names.put("assert-no-effects", AssertNoEffects.class);
        names.put("log-on-flush", LogOnFlush.class);
        return Collections.unmodifiableMap(names);
    }
}

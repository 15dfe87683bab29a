package io.quarkiverse.airlock.runtime;

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

    public static final Map<String, Class<? extends Policy>> BUILT_IN = Map.of(
            "allow-all", AllowAll.class,
            "drop-all", DropAll.class,
            "assert-no-effects", AssertNoEffects.class,
            "log-on-flush", LogOnFlush.class);

    private PolicyNames() {
    }
}

package io.quarkiverse.airlock.it.docs;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile that sets one configuration key, for the samples' tests of a setting: a subclass names the key and
 * the value in its constructor.
 */
public abstract class ConfigOverride implements QuarkusTestProfile {

    private final Map<String, String> overrides;

    protected ConfigOverride(String key, String value) {
        overrides = Map.of(key, value);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return overrides;
    }
}

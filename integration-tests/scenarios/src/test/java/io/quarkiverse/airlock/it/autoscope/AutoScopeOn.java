package io.quarkiverse.airlock.it.autoscope;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The HTTP auto-scope on: one profile for every test that needs it, so that they share one application start. */
public class AutoScopeOn implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.airlock.http.auto-scope", "true");
    }
}

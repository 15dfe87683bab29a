package io.quarkiverse.airlock.deployment;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The policy classes registered as beans; carries the class of the configured default policy.
 */
public final class AirlockPolicyClassesBuildItem extends SimpleBuildItem {

    private final String defaultPolicy;

    AirlockPolicyClassesBuildItem(String defaultPolicy) {
        this.defaultPolicy = defaultPolicy;
    }

    public String defaultPolicy() {
        return defaultPolicy;
    }
}

package io.quarkiverse.airlock.deployment;

import io.quarkiverse.airlock.runtime.config.AirlockConfig;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Per-request scopes ({@code quarkus.airlock.http.auto-scope}). The filter bean, and the request-scoped bean that
 * tells when a request whose client left is done, are named by class name so that this processor loads without the
 * HTTP extension.
 */
class AirlockHttpProcessor {

    private static final String REQUEST_SCOPES = "io.quarkiverse.airlock.runtime.http.RequestScopes";
    private static final String REQUEST_END = "io.quarkiverse.airlock.runtime.http.RequestEnd";

    @BuildStep
    void autoScope(AirlockConfig config, Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans) {
        if (!config.http().autoScope()) {
            return;
        }
        if (!capabilities.isPresent(Capability.VERTX_HTTP)) {
            throw new ConfigurationException("quarkus.airlock.http.auto-scope=true needs an HTTP server, but the"
                    + " application has none: add a REST extension such as quarkus-rest, or remove the property.");
        }
        beans.produce(AdditionalBeanBuildItem.unremovableOf(REQUEST_SCOPES));
        beans.produce(AdditionalBeanBuildItem.unremovableOf(REQUEST_END));
    }
}

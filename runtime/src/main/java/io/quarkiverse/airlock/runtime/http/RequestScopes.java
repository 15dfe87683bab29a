package io.quarkiverse.airlock.runtime.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Installs the per-request scope filter. Registered as a bean only when {@code quarkus.airlock.http.auto-scope=true}
 * and the application serves HTTP.
 */
@Singleton
public class RequestScopes {

    /** Runs before the filters of most extensions, so their code already sees the request's scope. */
    public static final int FILTER_PRIORITY = 1000;

    void register(@Observes @Priority(1) Filters filters,
            @ConfigProperty(name = "quarkus.http.root-path", defaultValue = "/") String rootPath,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String nonApplicationPath) {
        filters.register(new RequestScopeHandler(nonApplicationPrefix(rootPath, nonApplicationPath)), FILTER_PRIORITY);
    }

    /**
     * Where Quarkus' own endpoints live: the non-application root path, relative to the root path unless absolute.
     * Null when it is the root path itself (then there is no telling them apart by path).
     */
    static String nonApplicationPrefix(String rootPath, String nonApplicationPath) {
        String root = rootPath.endsWith("/") ? rootPath : rootPath + "/";
        if (!root.startsWith("/")) {
            root = "/" + root;
        }
        String path = nonApplicationPath.startsWith("/") ? nonApplicationPath : root + nonApplicationPath;
        String prefix = path.endsWith("/") ? path : path + "/";
        return prefix.equals(root) ? null : prefix;
    }
}

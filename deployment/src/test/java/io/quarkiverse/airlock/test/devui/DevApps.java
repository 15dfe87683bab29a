package io.quarkiverse.airlock.test.devui;

import java.util.ArrayList;
import java.util.List;

import org.jboss.shrinkwrap.api.asset.StringAsset;

import io.quarkus.test.QuarkusDevModeTest;

/** The dev-mode applications of the Dev UI tests that need a database. */
final class DevApps {

    private DevApps() {
    }

    /**
     * A dev-mode application of {@code resource} on an in-memory H2 database of its own.
     *
     * @param properties further lines of its application.properties
     */
    static QuarkusDevModeTest onH2(String database, Class<?> resource, String... properties) {
        List<String> lines = new ArrayList<>(List.of(
                "quarkus.datasource.db-kind=h2",
                "quarkus.datasource.jdbc.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
                "quarkus.datasource.devservices.enabled=false"));
        lines.addAll(List.of(properties));
        return new QuarkusDevModeTest().withApplicationRoot(jar -> jar.addClasses(resource)
                .addAsResource(new StringAsset(String.join("\n", lines) + "\n"), "application.properties"));
    }
}

package io.quarkiverse.airlock.test.devui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * A packaged application, started as in production: the Dev UI's recording bean and service are not built, no
 * listener is installed, so scopes run without any of the panel's bookkeeping.
 */
public class NothingRecordedInProdModeTest {

    @RegisterExtension
    static final QuarkusProdModeTest prod = new QuarkusProdModeTest()
            .withApplicationRoot(jar -> jar.addClasses(ProdProbe.class))
            // the test classpath's deployment artifacts do not bring their runtime ones into the packaged application
            .setForcedDependencies(
                    List.of(Dependency.of("io.quarkus", "quarkus-rest-deployment", Version.getVersion())))
            .setRun(true);

    @Test
    void theRunningApplicationHasNeitherTheRecordingNorAListener() {
        given().get("/probe").then().statusCode(200).body(equalTo(String.join("\n",
                "recordingBean=false",
                "service=false",
                "listenerBeans=0",
                "scopeFlushed=true",
                "listenerInstalled=false",
                "")));
    }
}

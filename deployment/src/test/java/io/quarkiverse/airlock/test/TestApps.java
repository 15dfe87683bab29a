package io.quarkiverse.airlock.test;

import org.jboss.shrinkwrap.api.spec.JavaArchive;

import io.quarkus.test.QuarkusUnitTest;

/** The applications of the extension's tests that name their executor. */
public final class TestApps {

    private TestApps() {
    }

    /**
     * An application of the given classes whose default executor is {@code executor}, on a free HTTP port: other builds
     * may run tests on this machine at the same time.
     */
    public static QuarkusUnitTest withExecutor(String executor, Class<?>... classes) {
        return new QuarkusUnitTest()
                // the test class runs in the application, so this class must be part of it too
                .withApplicationRoot((JavaArchive jar) -> jar.addClasses(classes).addClass(TestApps.class))
                .overrideConfigKey("quarkus.airlock.executor", executor)
                .overrideConfigKey("quarkus.http.test-port", "0");
    }
}

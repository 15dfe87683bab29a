package io.quarkiverse.airlock.test;

import java.net.URL;
import java.util.Arrays;

import jakarta.inject.Inject;

import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.core.Vertx;

/**
 * A recording test that talks to its application with Vert.x's own clients, for what a plain HTTP call cannot do:
 * HTTP/2, keep-alive connections, streams and sockets the test holds open or drops.
 */
public abstract class HttpClientTest extends RecordingTest {

    @TestHTTPResource("/")
    protected URL root;

    @Inject
    protected Vertx vertx;

    /** An application of the given classes whose every HTTP request runs in a scope of its own. */
    protected static QuarkusUnitTest autoScopedApplication(Class<?>... classes) {
        Class<?>[] withBase = Arrays.copyOf(classes, classes.length + 1);
        withBase[classes.length] = HttpClientTest.class;
        return application(withBase)
                .overrideConfigKey("quarkus.airlock.http.auto-scope", "true");
    }
}

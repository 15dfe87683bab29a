package io.quarkiverse.airlock.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.Callable;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.quarkiverse.airlock.Airlock;

/**
 * The core runs with nothing but the runtime's own classes and JBoss Logging on the class path: no Quarkus, Vert.x, CDI
 * or any other library, as {@link LayersTest} requires of its code. This runs it so.
 */
class PlainJavaClassPathTest {

    @Test
    void scopesPoliciesAndNestingRunWithOnlyJBossLoggingBesideTheCore() throws Exception {
        URL[] classPath = { location(Airlock.class), location(Logger.class), location(PlainJavaScenario.class) };
        try (URLClassLoader plain = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> plain.loadClass("io.quarkus.arc.Arc")).isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> plain.loadClass("io.vertx.core.Vertx")).isInstanceOf(ClassNotFoundException.class);

            Class<?> scenario = plain.loadClass(PlainJavaScenario.class.getName());
            assertThat(scenario.getClassLoader()).isSameAs(plain);
            @SuppressWarnings("unchecked")
            Callable<List<String>> run = (Callable<List<String>>) scenario.getDeclaredConstructor().newInstance();

            assertThat(run.call()).containsExactly("outer still open, nothing ran: true", "first", "captured",
                    "outer flushed 2 intents");
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}

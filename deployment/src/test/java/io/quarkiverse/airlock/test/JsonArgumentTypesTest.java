package io.quarkiverse.airlock.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import jakarta.inject.Singleton;

import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.builder.BuildContext;
import io.quarkus.builder.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveHierarchyBuildItem;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With the event bus, a task's argument types travel as JSON, so the build registers them for reflection (for Jackson
 * in a native image); JDK types and primitives need nothing.
 */
public class JsonArgumentTypesTest {

    /** The build runs in its own class loader: what it saw comes back through a system property. */
    static final String REGISTERED = "airlock.test.json-argument-types";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot((JavaArchive jar) -> jar.addClasses(Parcel.class, Item.class, Label.class,
                    Shipping.class))
            .overrideConfigKey("quarkus.airlock.executor", "event-bus")
            .addBuildChainCustomizer(recordRegisteredTypes());

    static Consumer<BuildChainBuilder> recordRegisteredTypes() {
        return chain -> chain.addBuildStep(new BuildStep() {
            @Override
            public void execute(BuildContext context) {
                Set<String> registered = new TreeSet<>();
                for (ReflectiveHierarchyBuildItem item : context.consumeMulti(ReflectiveHierarchyBuildItem.class)) {
                    if (item.getSource() != null && item.getSource().startsWith("@AirlockTask")) {
                        registered.add(item.getType().name().toString());
                    }
                }
                System.setProperty(REGISTERED, String.join(",", registered));
                context.produce(new FeatureBuildItem("airlock-json-types-probe"));
            }
        }).consumes(ReflectiveHierarchyBuildItem.class).produces(FeatureBuildItem.class).build();
    }

    @Test
    void theApplicationsArgumentTypesAreRegistered() {
        List<String> registered = List.of(System.getProperty(REGISTERED, "").split(","));
        assertThat(registered).contains(Parcel.class.getName(), Label.class.getName());
        assertThat(registered).noneMatch(name -> name.startsWith("java."));
    }

    public record Item(String sku, int quantity) {
    }

    public record Label(String text) {
    }

    public record Parcel(String address, List<Item> items) {
    }

    @Singleton
    public static class Shipping {

        @AirlockTask
        void ship(Parcel parcel, long orderId, String note) {
        }

        @AirlockTask
        void label(List<Label> labels) {
        }
    }
}

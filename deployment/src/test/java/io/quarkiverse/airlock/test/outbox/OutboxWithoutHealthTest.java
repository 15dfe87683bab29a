package io.quarkiverse.airlock.test.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.util.TypeLiteral;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/** Without SmallRye Health no readiness check is registered: its class needs MicroProfile Health, absent here. */
public class OutboxWithoutHealthTest {

    @RegisterExtension
    static final QuarkusUnitTest config = OutboxTestApps.onH2("outbox-without-health");

    @Test
    void noReadinessCheckBean() {
        assertThat(Arc.container().beanManager().getBeans(new TypeLiteral<Object>() {
        }.getType())).extracting(Bean::getBeanClass).extracting(Class::getName)
                .doesNotContain("io.quarkiverse.airlock.runtime.health.OutboxReadinessCheck")
                .as("the outbox itself is there").contains("io.quarkiverse.airlock.runtime.outbox.DefaultAirlockOutbox");
    }
}

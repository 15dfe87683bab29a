package io.quarkiverse.airlock.test.devui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.runtime.devui.AirlockDevUIListener;
import io.quarkiverse.airlock.runtime.devui.AirlockJsonRPCService;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Outside dev mode the Dev UI records nothing: neither its listener nor its service is a bean, no listener is installed,
 * so the hot path skips every callback.
 */
public class NothingRecordedOutsideDevModeTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(DevShop.class, DevShop.Resource.class, DevShop.Tasks.class,
                    DevShop.Hostile.class, DevShop.Asserting.class));

    @Test
    void theRecordingListenerAndTheServiceAreAbsent() {
        assertThat(Arc.container().instance(AirlockDevUIListener.class).isAvailable()).isFalse();
        assertThat(Arc.container().instance(AirlockJsonRPCService.class).isAvailable()).isFalse();
        assertThat(Arc.container().listAll(AirlockListener.class)).isEmpty();
    }

    @Test
    void noListenerIsInstalledSoScopesPayNothing() {
        assertThat(AirlockHooks.listener()).isNull();
        Airlock.scope(scope -> Airlock.enqueue("notifyWarehouse", "1", "test"));
        assertThat(AirlockHooks.listener()).isNull();
    }
}

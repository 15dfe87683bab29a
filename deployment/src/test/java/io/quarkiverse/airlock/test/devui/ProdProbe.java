package io.quarkiverse.airlock.test.devui;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.runtime.devui.AirlockDevUIListener;
import io.quarkiverse.airlock.runtime.devui.AirlockJsonRPCService;
import io.quarkiverse.airlock.spi.AirlockHooks;
import io.quarkiverse.airlock.spi.AirlockListener;
import io.quarkus.arc.Arc;

/**
 * Reports, from inside a running application, whether anything of the Dev UI's recording exists there. A top-level
 * class, because the production application runs in its own process.
 */
@Path("/probe")
public class ProdProbe {

    /** One name=value line per fact. */
    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String probe() {
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("recordingBean", Arc.container().select(AirlockDevUIListener.class).isResolvable());
        found.put("service", Arc.container().select(AirlockJsonRPCService.class).isResolvable());
        found.put("listenerBeans", Arc.container().listAll(AirlockListener.class).size());
        boolean[] ran = new boolean[1];
        Airlock.scope(scope -> Airlock.enqueue("probe", () -> ran[0] = true));
        found.put("scopeFlushed", ran[0]);
        found.put("listenerInstalled", AirlockHooks.listener() != null);
        StringBuilder lines = new StringBuilder();
        found.forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
        return lines.toString();
    }
}

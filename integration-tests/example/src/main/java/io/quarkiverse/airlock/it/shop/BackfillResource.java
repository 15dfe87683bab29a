package io.quarkiverse.airlock.it.shop;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AllowAll;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Policy;
import io.quarkiverse.airlock.Scope;

/**
 * Processes every new order in bulk. The data changes always stay; whether customers and the warehouse hear about it
 * is the caller's choice: by default nothing escapes, as in a migration, and {@code dryRun=false} lets it all out.
 */
@Path("/backfill")
public class BackfillResource {

    public record Report(int processed, String policy, List<String> intents, int dispatched) {
    }

    @Inject
    OrderService orders;

    @POST
    public Report backfill(@QueryParam("dryRun") Boolean dryRun) {
        Policy policy = dryRun == null || dryRun ? new DropAll() : new AllowAll();
        int[] processed = new int[1];
        Scope scope = Airlock.scope(policy, s -> processed[0] = orders.processAllNew().size());
        long dispatched = scope.intents().stream().filter(policy::allows).count();
        return new Report(processed[0], policy.toString(), scope.intents().stream().map(Object::toString).toList(),
                (int) dispatched);
    }
}

package io.quarkiverse.airlock.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.DropAll;
import io.quarkiverse.airlock.Scope;

/**
 * What a plain-Java user does with the core: scopes, nesting, a policy, in-process actions. Loaded by
 * {@link PlainJavaClassPathTest} in a class loader that sees nothing but the runtime's classes and JBoss Logging.
 */
public class PlainJavaScenario implements Callable<List<String>> {

    @Override
    public List<String> call() {
        List<String> effects = new ArrayList<>();
        Scope outer = Airlock.scope(scope -> {
            Airlock.enqueue("first", () -> effects.add("first"));
            Airlock.scope(nested -> Airlock.enqueue("captured", () -> effects.add("captured")));
            effects.add("outer still open, nothing ran: " + effects.isEmpty());
        });
        Airlock.scope(new DropAll(), scope -> Airlock.enqueue("dropped", () -> effects.add("dropped")));
        effects.add("outer flushed " + outer.intents().size() + " intents");
        return effects;
    }
}

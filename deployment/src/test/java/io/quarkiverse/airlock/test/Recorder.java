package io.quarkiverse.airlock.test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkiverse.airlock.Scope;

/**
 * The handler of the task most tests enqueue, {@code record}, and what the scoped code under test saw. Kept in this
 * singleton because the services under test are reached through client proxies, so a test cannot read their fields.
 */
@Singleton
public class Recorder {

    /** Every {@code record} handled, in order. */
    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** The scopes the code under test ran in, as {@link #keepScope} found them. */
    public final List<Scope> scopes = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<String, Scope>> kept = new CopyOnWriteArrayList<>();
    /** Whatever else the code under test observed, in its own words. */
    public final List<String> seen = new CopyOnWriteArrayList<>();
    /** Every record {@link #enqueue}d, in order, whether it then ran or not. */
    public final List<String> enqueued = new CopyOnWriteArrayList<>();

    @AirlockTask
    void record(String what) {
        calls.add(what);
    }

    /** Keeps the scope the caller runs in, failing when it runs in none. */
    public Scope keepScope(String where) {
        Scope scope = Airlock.currentScope().orElseThrow(() -> new AssertionError(where + ": no current scope"));
        scopes.add(scope);
        kept.add(Map.entry(where, scope));
        return scope;
    }

    /** The scopes kept at the given place, in order. */
    public List<Scope> scopesKeptAt(String where) {
        return kept.stream().filter(entry -> entry.getKey().equals(where)).map(Map.Entry::getValue).toList();
    }

    /**
     * Enqueues {@code record(what)} into the caller's scope, keeping that scope and noting which records had been
     * handled by then.
     */
    public void enqueue(String what) {
        keepScope(what);
        Airlock.enqueue("record", what);
        enqueued.add(what);
        seen.add(calls.toString());
    }

    /** The one scope kept, failing unless there is exactly one. */
    public Scope onlyScope() {
        if (scopes.size() != 1) {
            throw new AssertionError("expected one scope, got " + scopes);
        }
        return scopes.get(0);
    }

    void clear() {
        calls.clear();
        scopes.clear();
        kept.clear();
        seen.clear();
        enqueued.clear();
    }
}

package io.quarkiverse.airlock.test.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * One cell of the composition matrix: where the scope sits, how the transaction ends, how the work returns. Its
 * expected outcome is the rule of the transactions page: an intent runs once, after its transaction commits, and never
 * when that transaction rolls back, whatever encloses the scope that flushed it.
 */
public record Cell(ScopeKind scope, Tx tx, MethodKind method) {

    public enum ScopeKind {
        AIRLOCK_SCOPE("`Airlock.scope(...)` around a service"),
        SCOPE_ANNOTATION("`@AirlockScope` on the service method"),
        AUTO_SCOPE("HTTP auto-scope only"),
        ANNOTATION_IN_AUTO_SCOPE("`@AirlockScope` service in the auto-scope"),
        OUTER_AIRLOCK_SCOPE("`Airlock.scope(...)` around an `@AirlockScope` service");

        final String label;

        ScopeKind(String label) {
            this.label = label;
        }

        boolean annotated() {
            return this == SCOPE_ANNOTATION || this == ANNOTATION_IN_AUTO_SCOPE || this == OUTER_AIRLOCK_SCOPE;
        }

        boolean overHttp() {
            return this == AUTO_SCOPE || this == ANNOTATION_IN_AUTO_SCOPE;
        }
    }

    public enum Tx {
        NONE("no transaction"),
        COMMIT("commit"),
        ROLLBACK_BY_EXCEPTION("rollback by exception (caught by the caller)"),
        SET_ROLLBACK_ONLY("`setRollbackOnly()`"),
        REQUIRES_NEW_ROLLS_BACK("a `REQUIRES_NEW` transaction inside rolls back, the outer one commits");

        final String label;

        Tx(String label) {
            this.label = label;
        }
    }

    public enum MethodKind {
        BLOCKING("blocking"),
        UNI("`Uni`"),
        COMPLETION_STAGE("`CompletionStage`"),
        VIRTUAL_THREAD("virtual thread");

        final String label;

        MethodKind(String label) {
            this.label = label;
        }
    }

    /** Every cell. */
    public static List<String> all() {
        List<String> cells = new ArrayList<>();
        for (ScopeKind scope : ScopeKind.values()) {
            for (Tx tx : Tx.values()) {
                for (MethodKind method : MethodKind.values()) {
                    cells.add(new Cell(scope, tx, method).id());
                }
            }
        }
        return cells;
    }

    public String id() {
        return scope + "/" + tx + "/" + method;
    }

    public static Cell of(String id) {
        String[] parts = id.split("/");
        return new Cell(ScopeKind.valueOf(parts[0]), Tx.valueOf(parts[1]), MethodKind.valueOf(parts[2]));
    }

    /** The intents that must run, by the suffix the cell gives their token; all others must never run. */
    public List<String> expectedToRun() {
        switch (tx) {
            case NONE:
            case COMMIT:
                return List.of("main");
            case REQUIRES_NEW_ROLLS_BACK:
                return List.of("outer");
            default:
                return List.of();
        }
    }

    /** The intents the cell enqueues, by suffix. */
    public List<String> enqueued() {
        return tx == Tx.REQUIRES_NEW_ROLLS_BACK ? List.of("outer", "inner") : List.of("main");
    }

    /** What the published table says of this cell. */
    public String outcome() {
        switch (tx) {
            case NONE:
                return "runs once";
            case COMMIT:
                return "runs once, after the commit";
            case REQUIRES_NEW_ROLLS_BACK:
                return "the outer intent runs after its commit; the inner one never";
            default:
                return "never runs";
        }
    }
}

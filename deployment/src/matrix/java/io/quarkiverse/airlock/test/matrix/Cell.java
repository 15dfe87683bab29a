package io.quarkiverse.airlock.test.matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * One cell of the composition matrix: where the scope sits, how the transaction ends, how the work returns. Its
 * expected outcome is the rule of the transactions page: an intent runs once, after its transaction commits, and never
 * when that transaction rolls back, whatever encloses the scope that flushed it. The executor is the column group; the
 * rule is the same for all of them.
 */
public record Cell(ScopeKind scope, Tx tx, MethodKind method) {

    public enum ScopeKind {
        AIRLOCK_SCOPE("`Airlock.scope(...)` in the resource around the service", false),
        SCOPE_ANNOTATION("`@AirlockScope` on the service method", false),
        AUTO_SCOPE("HTTP auto-scope only", true),
        ANNOTATION_IN_AUTO_SCOPE("`@AirlockScope` service method in the HTTP auto-scope", true),
        OUTER_AIRLOCK_SCOPE("`Airlock.scope(...)` in the resource around an `@AirlockScope` service method", false);

        final String label;
        /** Needs {@code quarkus.airlock.http.auto-scope=true}; the other kinds run where it is off. */
        final boolean autoScope;

        ScopeKind(String label, boolean autoScope) {
            this.label = label;
            this.autoScope = autoScope;
        }

        /** The service method carries {@code @AirlockScope}. */
        boolean annotated() {
            return this == SCOPE_ANNOTATION || this == ANNOTATION_IN_AUTO_SCOPE || this == OUTER_AIRLOCK_SCOPE;
        }

        /** The resource opens {@code Airlock.scope(...)} around the service call, so it must wait for its result. */
        boolean scopeInResource() {
            return this == AIRLOCK_SCOPE || this == OUTER_AIRLOCK_SCOPE;
        }
    }

    public enum Tx {
        NONE("no transaction"),
        COMMIT("`@Transactional`, commits"),
        ROLLBACK_BY_EXCEPTION("`@Transactional`, rolls back by exception (the resource catches it and answers 200)"),
        SET_ROLLBACK_ONLY("`@Transactional`, `setRollbackOnly()`, answers 200"),
        REQUIRES_NEW_ROLLS_BACK("`@Transactional`, commits; a `REQUIRES_NEW` transaction inside it rolls back");

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

    /**
     * What a user sees of a cell. Every outcome the matrix expects is one of these; a combination that could not be
     * supported would get its own outcome here, naming the error the caller gets, rather than a silent wrong one.
     */
    public enum Outcome {
        RUNS("runs", "the effect runs once"),
        RUNS_AFTER_COMMIT("after commit", "the effect runs once, after the commit (the row is visible to it)"),
        NEVER("never", "the effect never runs"),
        OUTER_ONLY("outer only", "the outer effect runs once, after the outer commit; the inner one never");

        /** The cell of the published table. */
        final String symbol;
        final String description;

        Outcome(String symbol, String description) {
            this.symbol = symbol;
            this.description = description;
        }
    }

    /** Every cell of the given scope kinds, by id. */
    public static List<String> of(boolean autoScope) {
        List<String> cells = new ArrayList<>();
        for (ScopeKind scope : ScopeKind.values()) {
            if (scope.autoScope != autoScope) {
                continue;
            }
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

    /** The rule. */
    public Outcome expected() {
        switch (tx) {
            case NONE:
                return Outcome.RUNS;
            case COMMIT:
                return Outcome.RUNS_AFTER_COMMIT;
            case REQUIRES_NEW_ROLLS_BACK:
                return Outcome.OUTER_ONLY;
            default:
                return Outcome.NEVER;
        }
    }

    /** The effects the cell enqueues, by the suffix of their token. */
    public List<String> enqueued() {
        return tx == Tx.REQUIRES_NEW_ROLLS_BACK ? List.of("outer", "inner") : List.of("main");
    }

    /**
     * The effects the rule lets run, each once, by the suffix of their token. An effect that ran before its business
     * row was committed is recorded with a note (see {@link MatrixApp.Effects}), so it does not match.
     */
    public List<String> expectedRuns() {
        switch (expected()) {
            case RUNS:
            case RUNS_AFTER_COMMIT:
                return List.of("main");
            case OUTER_ONLY:
                return List.of("outer");
            default:
                return List.of();
        }
    }
}

package io.quarkiverse.airlock.test.matrix;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.SQLException;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.provider.ArgumentsSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Runs every cell of the composition matrix against the application of one column group, which the subclass names
 * with {@link Columns}.
 */
public abstract class MatrixTest {

    /** The executors of the matrix's column groups. */
    public enum Executor {
        SYNC,
        WORKER,
        OUTBOX
    }

    /** The column group a matrix test runs: its executor, and whether the HTTP auto-scope is on. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Columns {
        Executor executor();

        boolean autoScope();
    }

    /** The matrix application for the column group the given test class names. */
    static QuarkusUnitTest application(Class<? extends MatrixTest> test) {
        Columns columns = columns(test);
        String database = "matrix-" + columns.executor().name().toLowerCase() + (columns.autoScope() ? "-auto" : "");
        QuarkusUnitTest app = new QuarkusUnitTest()
                .withApplicationRoot(jar -> jar.addClasses(Cell.class, Cell.ScopeKind.class, Cell.Tx.class,
                        Cell.MethodKind.class, Cell.Outcome.class, MatrixApp.class, MatrixApp.Run.class,
                        MatrixApp.Declined.class, MatrixApp.Rows.class, MatrixApp.Effects.class, MatrixApp.Work.class,
                        MatrixApp.Inner.class, MatrixApp.Service.class, MatrixApp.Delegating.class,
                        MatrixApp.Plain.class, MatrixApp.Transactional_.class, MatrixApp.Scoped.class,
                        MatrixApp.ScopedTransactional.class, MatrixApp.Markers.class, MatrixApp.Driver.class,
                        MatrixApp.Resource.class, MatrixSupport.class, MatrixTest.class, Executor.class,
                        Columns.class, CellsOfTheColumns.class))
                .overrideConfigKey("quarkus.http.test-port", "0")
                .overrideConfigKey("quarkus.airlock.http.auto-scope", String.valueOf(columns.autoScope()))
                .overrideConfigKey("quarkus.datasource.db-kind", "h2")
                .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
                .overrideConfigKey("quarkus.datasource.devservices.enabled", "false");
        switch (columns.executor()) {
            case WORKER:
                return app.overrideConfigKey("quarkus.airlock.executor", "worker");
            case OUTBOX:
                // the hold timeout keeps its default: a held row nobody released shows as left in the outbox
                return app.overrideConfigKey("quarkus.airlock.outbox.enabled", "true")
                        .overrideConfigKey("quarkus.airlock.outbox.poll-interval", "50ms");
            default:
                return app;
        }
    }

    @Inject
    MatrixApp.Effects effects;

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "{0}")
    @ArgumentsSource(CellsOfTheColumns.class)
    void cell(String id) throws SQLException {
        MatrixSupport.check(id, columns(getClass()).executor(), effects, dataSource);
    }

    private static Columns columns(Class<?> test) {
        Columns columns = test.getAnnotation(Columns.class);
        if (columns == null) {
            throw new IllegalStateException(test.getName() + " does not name its columns with @MatrixTest.Columns");
        }
        return columns;
    }

    /** The cells a column group runs: those of the auto-scope only where it is on. */
    public static final class CellsOfTheColumns implements ArgumentsProvider {
        @Override
        public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
            return Cell.of(columns(context.getRequiredTestClass()).autoScope()).stream().map(Arguments::of);
        }
    }
}

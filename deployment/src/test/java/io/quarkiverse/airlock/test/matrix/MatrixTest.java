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

    /** The column group a matrix test runs: its executor, and whether the HTTP auto-scope is on. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Columns {
        MatrixApp.Executor executor();

        boolean autoScope();
    }

    /** The matrix application for the column group the given test class names. */
    static QuarkusUnitTest application(Class<? extends MatrixTest> test) {
        Columns columns = columns(test);
        return MatrixApp.app(columns.executor(), columns.autoScope());
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

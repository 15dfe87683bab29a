package io.quarkiverse.airlock.test.outbox;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.jboss.shrinkwrap.api.spec.JavaArchive;

import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockOutbox;
import io.quarkiverse.airlock.OutboxEntry;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/** The test application most outbox tests share: the given classes, the outbox on in an in-memory H2 database. */
public final class OutboxTestApps {

    private OutboxTestApps() {
    }

    /** @param database the H2 database's name, one per test class so that their rows never meet */
    public static QuarkusUnitTest onH2(String database, Class<?>... classes) {
        return onH2(List.of(), database, classes);
    }

    /**
     * @param extensions further Quarkus extensions the test needs, by deployment artifact id
     * @param database the H2 database's name, one per test class so that their rows never meet
     */
    public static QuarkusUnitTest onH2(List<String> extensions, String database, Class<?>... classes) {
        List<Dependency> forced = new ArrayList<>();
        for (String extension : extensions) {
            forced.add(Dependency.of("io.quarkus", extension, Version.getVersion()));
        }
        return outboxOnH2(new QuarkusUnitTest()
                .setForcedDependencies(forced)
                .overrideConfigKey("quarkus.http.test-port", "0")
                // the test class runs in the application, so this class must be part of it too
                .withApplicationRoot((JavaArchive jar) -> jar.addClasses(classes).addClass(OutboxTestApps.class)),
                database);
    }

    /**
     * The application, with the outbox on in an in-memory H2 database; its archive must hold this class.
     *
     * @param database the H2 database's name, one per test class so that their rows never meet
     */
    public static QuarkusUnitTest outboxOnH2(QuarkusUnitTest application, String database) {
        return application.overrideConfigKey("quarkus.datasource.db-kind", "h2")
                .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1")
                .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
                .overrideConfigKey("quarkus.airlock.outbox.enabled", "true");
    }

    /** The application, retrying a failed row after 10 to 20 ms instead of waiting the production backoff. */
    public static QuarkusUnitTest retryingAtOnce(QuarkusUnitTest application) {
        return application.overrideConfigKey("quarkus.airlock.outbox.initial-backoff", "10ms")
                .overrideConfigKey("quarkus.airlock.outbox.max-backoff", "20ms");
    }

    /**
     * Runs {@code body} in a scope that flushes inside a new transaction, then commits that transaction: the outbox
     * writes the scope's intents as rows of that transaction, so they become due only with its commit.
     */
    public static void commitScope(Runnable body) {
        QuarkusTransaction.requiringNew().run(() -> Airlock.scope(scope -> body.run()));
    }

    /**
     * The row with this id once it is {@code DONE}: delivered, and kept for the retention. Returned as it was found, as
     * a short retention may purge it right after.
     */
    public static OutboxEntry awaitDone(AirlockOutbox outbox, UUID id) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> outbox.find(id).orElse(null),
                row -> row != null && row.status().equals(OutboxEntry.DONE));
    }

    /** The rows of the outbox table in {@code dataSource}, whatever their state. */
    public static long rows(DataSource dataSource) throws SQLException {
        return count(dataSource, "SELECT COUNT(*) FROM airlock_outbox");
    }

    /** Counts with {@code sql}, whose one parameter is matched against rows whose arguments hold {@code order}. */
    public static long count(DataSource dataSource, String sql, String order) throws SQLException {
        return count(dataSource, sql, new Object[] { "%\"" + order + "\"%" });
    }

    /** Runs one statement, such as the DDL of a table a test's handlers write to. */
    public static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** What {@code sql}, a {@code SELECT COUNT(*)} with as many parameters as {@code parameters}, counts. */
    public static long count(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}

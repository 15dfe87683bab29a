package io.quarkiverse.airlock.it.matrix;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.airlock.Airlock;
import io.quarkiverse.airlock.AirlockTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The business rows and the effect of the composition matrix's virtual-thread cells: the work writes a row per token
 * in its transaction and enqueues {@code matrixEffect}; the effect records its token and whether that row was
 * committed when it ran.
 */
@Singleton
public class MatrixEffects {

    private final Queue<String> runs = new ConcurrentLinkedQueue<>();

    @Inject
    AgroalDataSource dataSource;

    void create(@Observes StartupEvent started) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS matrix_row (token VARCHAR(64) PRIMARY KEY)");
        }
    }

    /** Writes the row in the current transaction, if any, and enqueues its effect. */
    public void enqueue(String token) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO matrix_row (token) VALUES (?)")) {
            statement.setString(1, token);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Airlock.enqueue("matrixEffect", token);
    }

    /** Looks for the row from a new transaction, which sees only committed rows. */
    @AirlockTask("matrixEffect")
    void effect(String token) {
        boolean committed;
        try {
            committed = QuarkusTransaction.requiringNew().call(() -> exists(token));
        } catch (RuntimeException e) {
            runs.add(token + " (could not look for its row: " + e + ")");
            return;
        }
        runs.add(committed ? token : token + " (its row was not committed)");
    }

    private boolean exists(String token) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM matrix_row WHERE token = ?")) {
            statement.setString(1, token);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1) > 0;
            }
        }
    }

    /** The runs whose token starts with {@code prefix}, as recorded. */
    public List<String> runs(String prefix) {
        List<String> ran = new ArrayList<>();
        for (String run : runs) {
            if (run.startsWith(prefix)) {
                ran.add(run);
            }
        }
        return ran;
    }
}

package io.quarkiverse.airlock.runtime.outbox;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The name a relay writes into the rows it holds. Stable across restarts, so that an instance that died reclaims its
 * rows at once; unique among live relays, or one would reclaim the rows another is running. Where relays share the table
 * (PostgreSQL, MariaDB) a lock of the database session on (table, name), held while the relay runs, tells a live holder
 * of the same name apart from a dead one.
 */
final class RelayIdentity implements AutoCloseable {

    private final String name;
    private final Connection lock;
    private final int tableKey;
    private final OutboxDialect dialect;

    private RelayIdentity(String name, Connection lock, OutboxStore store) {
        this.name = name;
        this.lock = lock;
        this.tableKey = tableKey(store);
        this.dialect = store.dialect();
    }

    private static int tableKey(OutboxStore store) {
        return ("airlock-outbox:" + store.table()).hashCode();
    }

    String name() {
        return name;
    }

    /** The configured name, else the host's; where relays share the table, a random one when a live relay already holds it. */
    static RelayIdentity claim(OutboxStore store, Optional<String> configured) {
        String wanted = configured.map(String::trim).filter(name -> !name.isEmpty()).orElseGet(RelayIdentity::hostName);
        if (!store.sharesTable()) {
            return new RelayIdentity(wanted, null, store);
        }
        Connection connection = lock(store, wanted);
        if (connection != null) {
            return new RelayIdentity(wanted, connection, store);
        }
        String fresh = wanted + "-" + UUID.randomUUID().toString().substring(0, 8);
        OutboxRelay.LOG.warnf("Another running relay of table %s is named '%s': this one is named '%s' instead and cannot"
                + " reclaim at once the rows it holds if it dies. Give each instance a name of its own with"
                + " quarkus.airlock.outbox.instance-id", store.table(), wanted, fresh);
        Connection freshLock = lock(store, fresh);
        return new RelayIdentity(fresh, freshLock, store);
    }

    private static Connection lock(OutboxStore store, String name) {
        Connection connection = null;
        try {
            connection = store.dataSource().getConnection();
            if (store.dialect().tryLock(connection, tableKey(store), name.hashCode())) {
                return connection;
            }
            connection.close();
            return null;
        } catch (SQLException e) {
            close(connection);
            throw new IllegalStateException("The Airlock outbox cannot reach table " + store.table() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "relay-" + UUID.randomUUID().toString().substring(0, 8);
        }
    }

    /**
     * Lets another instance take this name: the relay stopped. Unlocked before the connection goes back to its pool,
     * whose session outlives it.
     */
    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            dialect.unlock(lock, tableKey, name.hashCode());
        } catch (SQLException e) {
            // the pool may close this connection; its session's lock then ends with it
        }
        close(lock);
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the session ends with the connection, and its lock with it
            }
        }
    }
}

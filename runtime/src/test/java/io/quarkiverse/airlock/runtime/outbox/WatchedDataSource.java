package io.quarkiverse.airlock.runtime.outbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * A data source that shows each statement's SQL to a watcher before preparing it: to count the statements the outbox
 * runs, or to make some of them fail as if the connection were lost.
 */
final class WatchedDataSource {

    /** Sees each statement about to be prepared; throws to make it fail. */
    @FunctionalInterface
    interface Watcher {
        void preparing(String sql) throws SQLException;
    }

    private WatchedDataSource() {
    }

    static DataSource of(DataSource target, Watcher watcher) {
        return (DataSource) Proxy.newProxyInstance(WatchedDataSource.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Connection connection) {
                        return watched(connection, watcher);
                    }
                    return result;
                });
    }

    private static Connection watched(Connection target, Watcher watcher) {
        return (Connection) Proxy.newProxyInstance(WatchedDataSource.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        watcher.preparing((String) args[0]);
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

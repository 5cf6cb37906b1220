package org.chatalot.server.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A test-only JDBC driver in front of H2: {@code jdbc:faulty:…} opens {@code jdbc:h2:…} and behaves the same,
 * until a test arms a fault. Then the statement that matches throws what the test chose (an {@link Error}
 * kills whatever thread runs it, a {@link SQLException} is a failing database) inside the server's own
 * code: production wiring, configured through {@code DATABASE_URL} like any database.
 */
public final class FaultyJdbc implements Driver {
    public static final String PREFIX = "jdbc:faulty:";
    private static final FaultyJdbc DRIVER = new FaultyJdbc();
    private static final Set<String> EXECUTIONS = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeQuery", "executeBatch", "executeLargeBatch");
    private static final AtomicReference<Fault> FAULT = new AtomicReference<>();

    static {
        try {
            DriverManager.registerDriver(DRIVER);
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What to throw, and for which statement: its SQL starts with {@code sqlPrefix} and binds {@code value}. */
    private record Fault(String sqlPrefix, Object value, Supplier<Throwable> failure) {
    }

    private FaultyJdbc() {
    }

    /** The URL of an H2 file database in {@code dir}, through this driver, with the server's own settings. */
    public static String url(java.nio.file.Path dir) {
        return PREFIX + "file:" + dir.resolve("chatalot") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * From now on, every statement whose SQL starts with {@code sqlPrefix} (case-insensitive) and that binds
     * a parameter equal to {@code value} (any statement when null) throws {@code failure.get()} when run.
     */
    public static void failWhen(String sqlPrefix, Object value, Supplier<Throwable> failure) {
        FAULT.set(new Fault(sqlPrefix.toLowerCase(Locale.ROOT), value, failure));
    }

    public static void heal() {
        FAULT.set(null);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection h2 = DriverManager.getConnection("jdbc:h2:" + url.substring(PREFIX.length()), info);
        return proxy(Connection.class, h2, (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof PreparedStatement statement && args != null && args[0] instanceof String sql) {
                return watched(statement, sql);
            }
            return result;
        });
    }

    private static PreparedStatement watched(PreparedStatement statement, String sql) {
        String lower = sql.strip().toLowerCase(Locale.ROOT);
        boolean[] boundMatch = {false};
        return proxy(PreparedStatement.class, statement, (target, method, args) -> {
            Fault fault = FAULT.get();
            if (fault != null && lower.startsWith(fault.sqlPrefix())) {
                if (method.getName().startsWith("set") && args != null && args.length >= 2
                        && fault.value() != null && fault.value().equals(args[1])) {
                    boundMatch[0] = true;
                }
                if (EXECUTIONS.contains(method.getName()) && (fault.value() == null || boundMatch[0])) {
                    Throwable failure = fault.failure().get();
                    if (failure instanceof SQLException | failure instanceof RuntimeException
                            | failure instanceof Error) {
                        throw failure;
                    }
                    throw new IllegalStateException(failure);
                }
            }
            if (method.getName().equals("clearParameters")) {
                boundMatch[0] = false;
            }
            return invoke(target, method, args);
        });
    }

    private interface Call {
        Object on(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (self, method, args) -> {
            if (method.getName().equals("unwrap") && args[0] instanceof Class<?> wanted && wanted.isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor") && args[0] instanceof Class<?> wanted
                    && wanted.isInstance(target)) {
                return true;
            }
            return call.on(target, method, args);
        };
        return (T) Proxy.newProxyInstance(FaultyJdbc.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}

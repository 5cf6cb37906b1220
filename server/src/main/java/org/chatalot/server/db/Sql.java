package org.chatalot.server.db;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

/**
 * Runs named statements from {@code db/statements.yaml}. Query streams are always closed here, so a
 * repository can never leak a pooled connection.
 *
 * <p>Every write goes through here, so here it is guarded: below {@code MIN_FREE_DISK_MB} a write is refused
 * with {@code storage_full} before it starts, and its outcome is reported to {@link WriteFailures}, which
 * health reads. A write that fails because the disk is full anyway (the threshold set to 0, or another
 * program filling it) is answered as {@code storage_full} too.
 */
public final class Sql {
    private static final System.Logger LOG = System.getLogger(Sql.class.getName());
    private static final int H2_DUPLICATE_KEY = 23505;

    private final DbClient client;
    private final DiskSpace space;
    private final WriteFailures failures;

    Sql(DbClient client, DiskSpace space, WriteFailures failures) {
        this.client = client;
        this.space = space;
        this.failures = failures;
    }

    public <T> List<T> list(String statement, Function<DbRow, T> mapper, Object... params) {
        return on(client.execute()).list(statement, mapper, params);
    }

    public <T> Optional<T> one(String statement, Function<DbRow, T> mapper, Object... params) {
        return on(client.execute()).one(statement, mapper, params);
    }

    /** Runs an INSERT, UPDATE, DELETE or MERGE and returns the number of rows it touched. */
    public long update(String statement, Object... params) {
        return write(() -> on(client.execute()).update(statement, params));
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Function<Tx, T> work) {
        return write(() -> {
            DbTransaction transaction = client.transaction();
            T result;
            try {
                result = work.apply(on(transaction));
            } catch (RuntimeException | Error e) {
                try {
                    transaction.rollback();
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
            transaction.commit();
            return result;
        });
    }

    /** The room this database's writes need; the message writer checks it before queueing. */
    public DiskSpace space() {
        return space;
    }

    private <T> T write(Supplier<T> body) {
        space.requireRoom();
        T result;
        try {
            result = body.get();
        } catch (RuntimeException | Error e) {
            if (WriteFailures.isStorageFailure(e)) {
                failures.failed(e);
                if (space.isFull()) {
                    LOG.log(System.Logger.Level.WARNING, "A write failed on a full disk (" + space.describe() + "): "
                            + Database.rootMessage(e));
                    throw space.storageFull();
                }
            }
            throw e;
        }
        failures.succeeded();
        return result;
    }

    /** True when {@code e} is the database refusing a duplicate on the named unique constraint. */
    public static boolean isUniqueViolation(Throwable e, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && ("23505".equals(sql.getSQLState())
                    || sql.getErrorCode() == H2_DUPLICATE_KEY)) {
                return sql.getMessage() != null
                        && sql.getMessage().toUpperCase(java.util.Locale.ROOT).contains(
                                constraint.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return false;
    }

    private static Tx on(DbExecute execute) {
        return new Tx(execute);
    }

    /** The same operations bound to one execution context (a transaction, or auto-commit). */
    public static final class Tx {
        private final DbExecute execute;

        private Tx(DbExecute execute) {
            this.execute = execute;
        }

        public <T> List<T> list(String statement, Function<DbRow, T> mapper, Object... params) {
            try (Stream<DbRow> rows = execute.namedQuery(statement, params)) {
                return rows.map(mapper).toList();
            }
        }

        public <T> Optional<T> one(String statement, Function<DbRow, T> mapper, Object... params) {
            return execute.namedGet(statement, params).map(mapper);
        }

        public long update(String statement, Object... params) {
            return execute.namedDml(statement, params);
        }
    }
}

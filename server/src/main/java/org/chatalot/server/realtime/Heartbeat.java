package org.chatalot.server.realtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chatalot.model.ws.CloseCodes;
import org.chatalot.model.ws.WsErrorCodes;
import org.chatalot.server.call.CallService;

/**
 * The realtime clock, once started: WebSocket ping frames every interval (a socket that misses two is
 * closed), sockets that never authenticate are closed after 10 s, typing indicators and resume windows
 * expire, call participants whose socket stayed away past the grace leave their call, and writers stuck on a
 * dead connection are cut loose.
 */
public final class Heartbeat implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Heartbeat.class.getName());
    static final long AUTH_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long ABORT_GRACE_SECONDS = 5;

    private final SessionRegistry sessions;
    private final SessionEnds ends;
    private final Typing typing;
    private final CallService calls;
    private final Duration pingInterval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ws-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    public Heartbeat(SessionRegistry sessions, SessionEnds ends, Typing typing, CallService calls,
                     Duration pingInterval) {
        this.sessions = sessions;
        this.ends = ends;
        this.typing = typing;
        this.calls = calls;
        this.pingInterval = pingInterval;
    }

    /** Starts the pings and the expiry rounds; {@link #close} stops them. */
    public void start() {
        if (!pingInterval.isZero()) {
            scheduler.scheduleAtFixedRate(() -> guarded("pings", this::pingAll), pingInterval.toMillis(),
                    pingInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        scheduler.scheduleWithFixedDelay(() -> guarded("expiry", this::tick), 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Runs one round; a scheduled task that lets anything escape is silently never run again (no more pings,
     * no more expiry), so a failure is logged and the next round runs as usual.
     */
    private static void guarded(String what, Runnable round) {
        try {
            round.run();
        } catch (Throwable e) {
            LOG.log(System.Logger.Level.ERROR, "WebSocket " + what + " round failed; the next one runs as usual",
                    e);
        }
    }

    private void pingAll() {
        for (Connection connection : sessions.connections()) {
            if (!connection.isClosing() && !connection.ping()) {
                connection.abort(CloseCodes.PING_TIMEOUT, "two pings went unanswered");
            }
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (Connection connection : sessions.connections()) {
            if (connection.session() == null && !connection.isClosing()
                    && now - connection.openedAt > AUTH_TIMEOUT_NANOS) {
                connection.sendError(WsErrorCodes.AUTH_TIMEOUT, "no authenticate within 10 seconds", null);
                connection.close(CloseCodes.AUTH_TIMEOUT, "authentication timeout");
            }
        }
        typing.expire(now);
        calls.sweep();
        ends.expire(now);
    }

    /**
     * Gives a client the grace period to answer our close frame (and a socket that ended from our side to be
     * closed from theirs); after it, the connection is dropped.
     */
    void dropIfStillOpen(Connection connection, Thread reader) {
        afterGrace(() -> {
            if (reader.isAlive()) {
                connection.drop();
            }
        });
    }

    /** If the socket is still open after a grace period, its writer is blocked on the network: interrupt it. */
    void abortIfStuck(Connection connection, Thread writer) {
        afterGrace(() -> {
            if (sessions.connections().contains(connection)) {
                writer.interrupt();
            }
        });
    }

    /** Once the server is stopping there is no later: the listener closes every connection itself. */
    private void afterGrace(Runnable task) {
        try {
            scheduler.schedule(task, ABORT_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // shut down
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

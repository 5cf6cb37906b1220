package org.chatalot.admin.health;

import java.util.Locale;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.chatalot.admin.api.HealthProbe;
import org.chatalot.admin.api.PublicUrlCheck;
import org.chatalot.admin.common.Formats;
import org.chatalot.model.health.DetailedHealth;
import org.chatalot.model.health.Health;

/**
 * The dashboard's tiles as text: each has a value and a state ({@code ok}, {@code warn}, {@code bad},
 * {@code unknown}, or {@code stale}: greyed, showing the last value known before the server stopped answering)
 * that the view maps to a colour, and a note under the value ("last known 14:05").
 */
public final class HealthTiles {
    /** Free disk below this share of the total shows as a warning. */
    static final double LOW_DISK = 0.10;

    private final Tile server = new Tile();
    private final Tile database = new Tile();
    private final Tile disk = new Tile();
    private final Tile sockets = new Tile();
    private final Tile messages = new Tile();
    private final Tile version = new Tile();
    private final Tile uptime = new Tile();
    private final Tile publicUrl = new Tile();

    /** One tile: what it shows, how it is coloured and a note under the value. */
    public static final class Tile {
        private final StringProperty value = new SimpleStringProperty("—");
        private final StringProperty state = new SimpleStringProperty("unknown");
        private final StringProperty note = new SimpleStringProperty("");
        private final BooleanProperty shown = new SimpleBooleanProperty(true);

        public StringProperty valueProperty() {
            return value;
        }

        public StringProperty stateProperty() {
            return state;
        }

        public StringProperty noteProperty() {
            return note;
        }

        /** Whether the tile has anything to say at all (the public URL's does only if the server checks it). */
        public BooleanProperty shownProperty() {
            return shown;
        }

        void set(String text, String newState) {
            value.set(text);
            state.set(newState);
            note.set("");
        }

        /** Keeps the last value, greyed, saying when it was true; a tile never filled stays empty. */
        void stale(String when) {
            if ("—".equals(value.get())) {
                state.set("unknown");
                return;
            }
            state.set("stale");
            note.set("last known " + when);
        }
    }

    public Tile server() {
        return server;
    }

    public Tile database() {
        return database;
    }

    public Tile disk() {
        return disk;
    }

    public Tile sockets() {
        return sockets;
    }

    public Tile messages() {
        return messages;
    }

    public Tile version() {
        return version;
    }

    public Tile uptime() {
        return uptime;
    }

    /** The server's own look at its public URL through the proxy; hidden when it does not report one. */
    public Tile publicUrl() {
        return publicUrl;
    }

    void show(HealthProbe.Reading reading, DetailedHealth detail, Optional<PublicUrlCheck> check,
              String detailProblem) {
        Health health = reading.health();
        server.set(health.isOk() ? "Up" : "Degraded", health.isOk() ? "ok" : "bad");
        String dbLatency = detail == null ? "" : String.format(Locale.ROOT, " (%.1f ms)",
                detail.dbLatencyMs());
        database.set((health.dbHealthy() ? "Healthy" : "Not answering") + dbLatency, health.dbHealthy() ? "ok" : "bad");
        version.set(health.version(), "ok");
        uptime.set(Formats.uptime(health.uptimeSecs()), "ok");
        if (detail == null) {
            String why = detailProblem == null ? "n/a" : "n/a (admin health unavailable)";
            disk.set(why, "unknown");
            sockets.set(why, "unknown");
            messages.set(why, "unknown");
            return;
        }
        double free = detail.diskTotalBytes() == 0 ? 1 : (double) detail.diskFreeBytes() / detail.diskTotalBytes();
        disk.set(Formats.bytes(detail.diskFreeBytes()) + " free (" + Math.round(free * 100) + "%)",
                free < LOW_DISK ? "warn" : "ok");
        sockets.set(Integer.toString(detail.openSockets()), "ok");
        messages.set(detail.messagesLastMinute() + " / min", "ok");
        showPublicUrl(check);
    }

    /** "Up, certificate 41 days left", coloured by the check's status, with when the server ran it. */
    private void showPublicUrl(Optional<PublicUrlCheck> check) {
        publicUrl.shown.set(check.isPresent());
        check.ifPresent(seen -> {
            String proxy = seen.proxyStatusCode() == null ? "not reached"
                    : seen.proxyUp() ? "Up" : seen.proxyStatusCode() == 0 ? "No answer" : "HTTP " + seen.proxyStatusCode();
            String certificate = seen.secondsLeft() == null ? "" : seen.secondsLeft() < 0
                    ? ", certificate expired " + Formats.uptime(-seen.secondsLeft()) + " ago"
                    : ", certificate " + Formats.uptime(seen.secondsLeft()) + " left";
            publicUrl.set(proxy + certificate, switch (seen.status()) {
                case "ok" -> "ok";
                case "warn" -> "warn";
                default -> "bad";
            });
            publicUrl.note.set("checked by the server" + (seen.checkedAt() == null ? ""
                    : " " + Formats.dateTime(seen.checkedAt())));
        });
    }

    /** The server stopped answering: its tile says so, the others keep what was last known, greyed. */
    void showUnreachable(String lastAnswer) {
        server.set("Unreachable", "bad");
        for (Tile tile : new Tile[] {database, disk, sockets, messages, version, uptime, publicUrl}) {
            tile.stale(lastAnswer);
        }
    }
}

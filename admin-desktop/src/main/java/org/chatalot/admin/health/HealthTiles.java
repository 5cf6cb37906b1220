package org.chatalot.admin.health;

import java.util.Locale;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.chatalot.admin.api.HealthProbe;
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

    /** One tile: what it shows, how it is coloured and a note under the value. */
    public static final class Tile {
        private final StringProperty value = new SimpleStringProperty("—");
        private final StringProperty state = new SimpleStringProperty("unknown");
        private final StringProperty note = new SimpleStringProperty("");

        public StringProperty valueProperty() {
            return value;
        }

        public StringProperty stateProperty() {
            return state;
        }

        public StringProperty noteProperty() {
            return note;
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

    void show(HealthProbe.Reading reading, DetailedHealth detail, String detailProblem) {
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
    }

    /** The server stopped answering: its tile says so, the others keep what was last known, greyed. */
    void showUnreachable(String lastAnswer) {
        server.set("Unreachable", "bad");
        for (Tile tile : new Tile[] {database, disk, sockets, messages, version, uptime}) {
            tile.stale(lastAnswer);
        }
    }
}

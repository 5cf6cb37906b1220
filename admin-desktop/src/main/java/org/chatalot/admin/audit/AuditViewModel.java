package org.chatalot.admin.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.chatalot.admin.api.AuditQuery;
import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.model.admin.AuditEvent;
import org.chatalot.model.admin.AuditPage;

/**
 * The audit log, newest first, 100 entries a page with "load older". The actor filter takes a username or an id.
 * Export writes every entry matching the filters, not just the loaded page, so what an admin hands on is complete.
 */
public final class AuditViewModel extends ScreenModel {
    static final int PAGE_SIZE = 100;

    private final ObservableList<AuditEvent> entries = FXCollections.observableArrayList();
    private final StringProperty actor = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty("");
    private final StringProperty targetId = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final BooleanProperty hasOlder = new SimpleBooleanProperty();
    private UUID nextBefore;

    public AuditViewModel(TaskRunner runner, ApiAccess access) {
        super(runner, access);
    }

    public ObservableList<AuditEvent> entries() {
        return entries;
    }

    /** A username (as the log recorded it, any case) or a user id. */
    public StringProperty actorProperty() {
        return actor;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty targetIdProperty() {
        return targetId;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public BooleanProperty hasOlderProperty() {
        return hasOlder;
    }

    public void load() {
        query().ifPresent(query -> submit("Loading audit log", () -> api().audit(query), page -> {
            entries.setAll(page.entries());
            remember(page);
        }));
    }

    public void loadOlder() {
        if (nextBefore == null) {
            return;
        }
        query().ifPresent(query -> submit("Loading older entries", () -> api().audit(query.before(nextBefore)),
                page -> {
                    entries.addAll(page.entries());
                    remember(page);
                }));
    }

    /**
     * Saves the server's export of every entry matching the filters (not just the loaded page), streamed to
     * {@code target}. The server defuses spreadsheet formulas in CSV cells and audits the export itself.
     */
    public void export(ExportFormat format, Path target) {
        query().ifPresent(query -> submit("Exporting audit log", () -> api().exportAudit(query, format.wireName(),
                target), bytes -> tell("Exported the audit log to " + target.getFileName() + " ("
                + Formats.bytes(bytes) + ")")));
    }

    private void remember(AuditPage page) {
        nextBefore = page.nextBefore();
        hasOlder.set(nextBefore != null && !page.entries().isEmpty());
    }

    Optional<AuditQuery> query() {
        String who = blank(actor.get());
        UUID actorId = uuid(who);
        return Optional.of(new AuditQuery(actorId, actorId == null ? who : null, blank(action.get()),
                blank(targetId.get()), start(from.get()), start(to.get() == null ? null : to.get().plusDays(1)),
                null, PAGE_SIZE));
    }

    /** The action in a filter's text: "Account suspended (admin.user_suspended)" or a typed wire name. */
    public static String actionOf(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String stripped = text.strip();
        int open = stripped.lastIndexOf('(');
        return open >= 0 && stripped.endsWith(")") ? stripped.substring(open + 1, stripped.length() - 1) : stripped;
    }

    /** An id when the text is one; otherwise it is a username. */
    private static UUID uuid(String value) {
        if (value == null || !value.matches("[0-9a-fA-F-]{36}")) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant start(LocalDate day) {
        return day == null ? null : day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}

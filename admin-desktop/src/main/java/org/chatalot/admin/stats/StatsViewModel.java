package org.chatalot.admin.stats;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.chatalot.admin.common.Formats;
import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.model.admin.InstanceStats;

/**
 * The instance's numbers: accounts, people online, channels, messages and storage as tiles; people active and
 * messages per day over 30 days, and the ten users storing most, as chart data.
 */
public final class StatsViewModel extends ScreenModel {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);
    private static final double MIB = 1024.0 * 1024.0;

    private final StringProperty people = new SimpleStringProperty("—");
    private final StringProperty online = new SimpleStringProperty("—");
    private final StringProperty channels = new SimpleStringProperty("—");
    private final StringProperty messages = new SimpleStringProperty("—");
    private final StringProperty storage = new SimpleStringProperty("—");
    private final StringProperty peopleNote = new SimpleStringProperty("");
    private final StringProperty onlineNote = new SimpleStringProperty("");
    private final StringProperty storageNote = new SimpleStringProperty("");
    private final ObservableList<Bar> activePerDay = FXCollections.observableArrayList();
    private final ObservableList<Bar> messagesPerDay = FXCollections.observableArrayList();
    private final ObservableList<Bar> storagePerUser = FXCollections.observableArrayList();

    /** One bar: its label (a day, a username) and value. */
    public record Bar(String label, double value) {
    }

    public StatsViewModel(TaskRunner runner, ApiAccess access) {
        super(runner, access);
    }

    public StringProperty peopleProperty() {
        return people;
    }

    public StringProperty onlineProperty() {
        return online;
    }

    public StringProperty channelsProperty() {
        return channels;
    }

    public StringProperty messagesProperty() {
        return messages;
    }

    public StringProperty storageProperty() {
        return storage;
    }

    public StringProperty peopleNoteProperty() {
        return peopleNote;
    }

    public StringProperty onlineNoteProperty() {
        return onlineNote;
    }

    public StringProperty storageNoteProperty() {
        return storageNote;
    }

    /** People who sent at least one message, per day, oldest first. */
    public ObservableList<Bar> activePerDay() {
        return activePerDay;
    }

    public ObservableList<Bar> messagesPerDay() {
        return messagesPerDay;
    }

    /** MiB stored, the biggest users first. */
    public ObservableList<Bar> storagePerUser() {
        return storagePerUser;
    }

    public void load() {
        submit("Loading statistics", () -> api().stats(), this::show);
    }

    private void show(InstanceStats stats) {
        people.set(Long.toString(stats.usersTotal()));
        peopleNote.set(stats.usersActive() + " active, " + stats.usersSuspended() + " suspended");
        online.set(Long.toString(stats.onlineNow()));
        onlineNote.set(stats.openSockets() + " connections now");
        channels.set(Long.toString(stats.channelsTotal()));
        messages.set(String.format(Locale.ROOT, "%,d", stats.messagesTotal()));
        storage.set(Formats.bytes(stats.storageBytes()));
        storageNote.set(stats.filesTotal() + " files");
        activePerDay.setAll(days(stats.activeUsersPerDay()));
        messagesPerDay.setAll(days(stats.messagesPerDay()));
        storagePerUser.setAll(stats.topStorage() == null ? List.of() : stats.topStorage().stream()
                .map(user -> new Bar(user.username() == null ? "(deleted)" : user.username(), user.bytes() / MIB))
                .toList());
    }

    private static List<Bar> days(List<InstanceStats.DayCount> days) {
        return days == null ? List.of() : days.stream().map(day -> new Bar(DAY.format(day.day()), day.count()))
                .toList();
    }
}

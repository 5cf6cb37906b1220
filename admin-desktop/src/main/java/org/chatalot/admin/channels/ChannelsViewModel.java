package org.chatalot.admin.channels;

import java.util.Locale;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.model.admin.AdminChannel;
import org.chatalot.model.channel.ChannelKind;
import org.chatalot.model.channel.ChannelMember;

/**
 * Every channel of the instance, filtered by name as the admin types; its members; archive and unarchive (not
 * DMs); delete after confirmation. After an action the list reloads, so a row shows what the server now says.
 */
public final class ChannelsViewModel extends ScreenModel {
    private final ObservableList<AdminChannel> channels = FXCollections.observableArrayList();
    private final FilteredList<AdminChannel> shown = new FilteredList<>(channels);
    private final ObservableList<ChannelMember> members = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty("");

    public ChannelsViewModel(TaskRunner runner, ApiAccess access) {
        super(runner, access);
        filter.addListener((observable, was, text) -> shown.setPredicate(channel -> matches(channel, text)));
    }

    /** The channels that match the filter. */
    public ObservableList<AdminChannel> channels() {
        return shown;
    }

    public ObservableList<ChannelMember> members() {
        return members;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public void load() {
        submit("Loading channels", () -> api().channels(), channels::setAll);
    }

    public void loadMembers(AdminChannel channel) {
        members.clear();
        submit("Loading the members of " + label(channel), () -> api().channelMembers(channel.id()),
                members::setAll);
    }

    public void setArchived(AdminChannel channel, boolean archived) {
        if (channel.kind() == ChannelKind.DM) {
            fail("Direct messages cannot be archived; delete one if it must go.");
            return;
        }
        submit((archived ? "Archiving " : "Unarchiving ") + label(channel), () -> api().archiveChannel(channel.id(),
                archived), done -> {
                    tell(label(channel) + (archived ? " archived: read-only for everyone" : " unarchived"));
                    load();
                });
    }

    public void delete(AdminChannel channel) {
        submit("Deleting " + label(channel), () -> {
            api().deleteChannel(channel.id());
            return channel;
        }, deleted -> {
            tell(label(deleted) + " deleted");
            load();
        });
    }

    /** "#general", or "DM" for a direct message (they have no name). */
    public static String label(AdminChannel channel) {
        return channel.kind() == ChannelKind.DM ? "direct message" : "#" + channel.name();
    }

    public static String state(AdminChannel channel) {
        return channel.archivedAt() == null ? "active" : "archived";
    }

    private static boolean matches(AdminChannel channel, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String name = channel.name() == null ? "" : channel.name();
        return name.toLowerCase(Locale.ROOT).contains(text.strip().toLowerCase(Locale.ROOT));
    }
}

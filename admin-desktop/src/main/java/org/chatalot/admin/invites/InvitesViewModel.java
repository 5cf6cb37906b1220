package org.chatalot.admin.invites;

import java.net.URI;
import java.util.function.Supplier;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.chatalot.admin.common.ScreenModel;
import org.chatalot.admin.common.TaskRunner;
import org.chatalot.model.admin.CreateInviteRequest;
import org.chatalot.model.admin.Invite;

/** Invites: list, create with optional use and time limits, revoke; the link is what the admin sends people. */
public final class InvitesViewModel extends ScreenModel {
    private final ObservableList<Invite> invites = FXCollections.observableArrayList();
    private final StringProperty lastLink = new SimpleStringProperty("");
    private final Supplier<URI> serverUrl;

    public InvitesViewModel(TaskRunner runner, ApiAccess access, Supplier<URI> serverUrl) {
        super(runner, access);
        this.serverUrl = serverUrl;
    }

    public ObservableList<Invite> invites() {
        return invites;
    }

    /** The link of the invite created last, ready to copy. */
    public StringProperty lastLinkProperty() {
        return lastLink;
    }

    public void load() {
        submit("Loading invites", () -> api().invites(), invites::setAll);
    }

    /** Both limits optional: {@code null} means unlimited uses / never expires. */
    public void create(Integer maxUses, Integer expiresInHours) {
        if (maxUses != null && maxUses < 1 || expiresInHours != null && expiresInHours < 1) {
            fail("Uses and hours must be at least 1 (leave empty for no limit).");
            return;
        }
        submit("Creating invite", () -> api().createInvite(new CreateInviteRequest(maxUses, expiresInHours)),
                invite -> {
                    lastLink.set(link(invite));
                    tell("Invite " + invite.code() + " created");
                    load();
                });
    }

    /** A link went to the clipboard: say so, a copy button gives no sign of its own. */
    public void copied(String link) {
        tell("Copied " + link);
    }

    public void revoke(Invite invite) {
        if (invite.revokedAt() != null) {
            fail("Invite " + invite.code() + " is already revoked.");
            return;
        }
        submit("Revoking invite", () -> {
            api().revokeInvite(invite.code());
            return invite;
        }, revoked -> {
            tell("Invite " + revoked.code() + " revoked");
            load();
        });
    }

    /** The registration link for the web client, which reads the code from the {@code invite} parameter. */
    public String link(Invite invite) {
        String base = serverUrl.get().toString();
        return (base.endsWith("/") ? base : base + "/") + "?invite=" + invite.code();
    }
}

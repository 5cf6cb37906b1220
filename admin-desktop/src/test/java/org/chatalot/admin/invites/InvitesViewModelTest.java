package org.chatalot.admin.invites;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.chatalot.admin.testing.StubFixture;
import org.chatalot.model.admin.Invite;

class InvitesViewModelTest {

    @Test
    void createdInviteGetsALinkAndRevokedOneStopsBeingUsable() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            InvitesViewModel model = new InvitesViewModel(fixture.runner(), fixture.connection()::api,
                    () -> fixture.connection().profile().url());
            model.load();
            assertThat(model.invites()).hasSize(2);
            model.create(3, null);
            Invite created = model.invites().get(0);
            assertThat(created.maxUses()).isEqualTo(3);
            assertThat(model.lastLinkProperty().get()).isEqualTo(fixture.stub().url() + "/?invite=" + created.code());
            model.revoke(created);
            assertThat(model.invites().get(0).usable()).isFalse();
            assertThat(model.messageProperty().get()).contains("revoked");
        }
    }

    @Test
    void limitsBelowOneAreRefusedBeforeAnyRequest() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            InvitesViewModel model = new InvitesViewModel(fixture.runner(), fixture.connection()::api,
                    () -> fixture.connection().profile().url());
            model.create(0, null);
            assertThat(model.errorProperty().get()).contains("at least 1");
            assertThat(fixture.stub().requests()).noneMatch(r -> r.startsWith("POST /api/admin/invites"));
        }
    }
}

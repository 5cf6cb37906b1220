package org.chatalot.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.admin.api.JsonCodec;
import org.chatalot.admin.testing.StubFixture;
import org.chatalot.model.admin.AuditEvent;

class AuditViewModelTest {

    @Test
    void filtersPagesAndExportsEveryMatchingEntry(@TempDir Path dir) throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            AuditViewModel model = new AuditViewModel(fixture.runner(), fixture.connection()::api);
            model.load();
            assertThat(model.entries()).hasSize(12);
            model.actionProperty().set("auth.login");
            model.load();
            assertThat(model.entries()).hasSize(4).allMatch(e -> e.action().equals("auth.login"));
            assertThat(fixture.stub().requests()).last().asString().contains("action=auth.login");

            Path csv = dir.resolve("audit.csv");
            model.export(ExportFormat.CSV, csv);
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines).hasSize(5);
            assertThat(lines.get(0)).startsWith("id,at,actor_id,actor_name,action");
            assertThat(fixture.stub().requests()).last().asString()
                    .isEqualTo("GET /api/admin/audit/export?action=auth.login&format=csv");
            assertThat(model.messageProperty().get()).startsWith("Exported the audit log to audit.csv (");
            assertThat(dir.resolve("audit.csv.part")).doesNotExist();
        }
    }

    @Test
    void theJsonExportIsTheServersArrayOfEntries(@TempDir Path dir) throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            AuditViewModel model = new AuditViewModel(fixture.runner(), fixture.connection()::api);
            Path json = dir.resolve("audit.json");
            model.export(ExportFormat.JSON, json);
            AuditEvent[] entries = new JsonCodec().read(Files.readAllBytes(json), AuditEvent[].class);
            assertThat(entries).hasSize(12);
        }
    }

    @Test
    void theActorIsAUsernameOrAnIdAndActionsReadAsWords() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            AuditViewModel model = new AuditViewModel(fixture.runner(), fixture.connection()::api);
            model.load();
            String someone = model.entries().get(0).actorName();
            model.actorProperty().set(someone.toUpperCase(java.util.Locale.ROOT));
            model.load();
            assertThat(fixture.stub().requests()).last().asString()
                    .contains("actor=" + someone.toUpperCase(java.util.Locale.ROOT)).doesNotContain("actor_id");
            assertThat(model.entries()).isNotEmpty().allMatch(e -> e.actorName().equals(someone));

            String id = model.entries().get(0).actorId().toString();
            model.actorProperty().set(id);
            model.load();
            assertThat(fixture.stub().requests()).last().asString().contains("actor_id=" + id);
            assertThat(model.entries()).isNotEmpty().allMatch(e -> e.actorName().equals(someone));

            assertThat(AuditActions.label("admin.user_suspended")).isEqualTo("Account suspended");
            assertThat(AuditActions.label("brand.new_action")).as("a newer server's").isEqualTo("brand.new_action");
            assertThat(AuditViewModel.actionOf(AuditActions.choice("auth.login"))).isEqualTo("auth.login");
            assertThat(AuditViewModel.actionOf(" invite.created ")).isEqualTo("invite.created");
        }
    }

}

package org.chatalot.admin.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.admin.testing.StubFixture;

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
            model.export(AuditExport.Format.CSV, csv);
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines).hasSize(5);
            assertThat(lines.get(0)).startsWith("at,actor_id,actor_name,action");
            assertThat(model.messageProperty().get()).isEqualTo("Exported 4 entries to audit.csv");
        }
    }

    @Test
    void aMalformedActorIdIsExplainedNotSent() throws Exception {
        try (StubFixture fixture = new StubFixture()) {
            AuditViewModel model = new AuditViewModel(fixture.runner(), fixture.connection()::api);
            model.actorIdProperty().set("alice");
            model.load();
            assertThat(model.errorProperty().get()).contains("UUID");
            assertThat(fixture.stub().requests()).noneMatch(r -> r.contains("/api/admin/audit"));
        }
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreDefused() {
        assertThat(AuditExport.csv("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditExport.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditExport.csv(null)).isEmpty();
    }
}

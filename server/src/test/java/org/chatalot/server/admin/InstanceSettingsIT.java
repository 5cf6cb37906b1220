package org.chatalot.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.AuditPage;
import org.chatalot.model.admin.InstanceSettingsView;
import org.chatalot.model.auth.AuthConfig;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.model.auth.RegistrationMode;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/** Run-time settings: applied to the very next request, kept across restarts, checked field by field. */
class InstanceSettingsIT {
    @RegisterExtension
    static TestServer server = TestServer.create().with("MAX_FILE_SIZE_MB", "50");

    @Test
    void openingRegistrationLetsAWalkInRegisterAtOnceAndSurvivesARestart() {
        TestUsers users = server.users();
        RegisterRequest walkIn = new RegisterRequest("walk-in", null, null, TestUsers.PASSWORD, null, null);
        assertThat(users.post(null, "/api/auth/register", walkIn).statusCode()).isEqualTo(400);

        InstanceSettingsView after = users.expect(200, users.put(users.owner().accessToken(), "/api/admin/settings",
                new InstanceSettingsView(RegistrationMode.OPEN, null, null, null)), InstanceSettingsView.class);

        assertThat(after.registrationMode()).isEqualTo(RegistrationMode.OPEN);
        assertThat(users.post(null, "/api/auth/register", walkIn).statusCode()).isEqualTo(201);
        server.restart();
        assertThat(server.users().expect(200, server.get("/api/auth/config"), AuthConfig.class).registrationMode())
                .isEqualTo(RegistrationMode.OPEN);
        users.expect(200, users.put(users.owner().accessToken(), "/api/admin/settings",
                new InstanceSettingsView(RegistrationMode.INVITE_ONLY, null, null, null)), InstanceSettingsView.class);
    }

    @Test
    void limitsChangeWhatClientsAreToldAndFieldsLeftOutStay() {
        TestUsers users = server.users();
        String owner = users.owner().accessToken();

        InstanceSettingsView after = users.expect(200, users.put(owner, "/api/admin/settings",
                Map.of("max_file_size_mb", 20, "upload_quota_mb", 0, "audit_retention_days", 30)),
                InstanceSettingsView.class);
        AuthConfig config = users.expect(200, server.get("/api/auth/config"), AuthConfig.class);

        assertThat(after).isEqualTo(new InstanceSettingsView(RegistrationMode.INVITE_ONLY, 20, 0, 30));
        assertThat(config.maxFileSizeMb()).isEqualTo(20);
        assertThat(config.uploadQuotaMb()).isZero();
        AuditPage audit = users.expect(200, users.get(owner, "/api/admin/audit?action=admin.settings_changed"),
                AuditPage.class);
        assertThat(audit.entries().getFirst().details()).containsEntry("max_file_size_mb", "50 -> 20");
    }

    @Test
    void aBadValueNamesItsFieldAndChangesNothing() {
        TestUsers users = server.users();
        String owner = users.owner().accessToken();
        InstanceSettingsView before = users.expect(200, users.get(owner, "/api/admin/settings"),
                InstanceSettingsView.class);

        HttpResponse<String> tooBig = users.put(owner, "/api/admin/settings",
                Map.of("upload_quota_mb", 7, "max_file_size_mb", 51));
        HttpResponse<String> badMode = users.put(owner, "/api/admin/settings", Map.of("registration_mode", "maybe"));

        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("\"field\":\"max_file_size_mb\"").contains("1-50");
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(badMode.body()).contains("\"field\":\"registration_mode\"");
        assertThat(users.expect(200, users.get(owner, "/api/admin/settings"), InstanceSettingsView.class))
                .isEqualTo(before);
    }

    @Test
    void aFractionForAWholeNumberIsRefusedNotRoundedDown() {
        TestUsers users = server.users();
        String owner = users.owner().accessToken();
        InstanceSettingsView before = users.expect(200, users.get(owner, "/api/admin/settings"),
                InstanceSettingsView.class);

        HttpResponse<String> fraction = users.put(owner, "/api/admin/settings", "{\"upload_quota_mb\": 1.5}");
        HttpResponse<String> exponent = users.put(owner, "/api/admin/settings", "{\"audit_retention_days\": 3e1}");
        HttpResponse<String> huge = users.put(owner, "/api/admin/settings", "{\"audit_retention_days\": 99999999999}");

        for (HttpResponse<String> response : java.util.List.of(fraction, exponent)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("expected a whole number");
        }
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("out of range");
        assertThat(fraction.body()).contains("\"field\":\"upload_quota_mb\"");
        assertThat(exponent.body()).contains("\"field\":\"audit_retention_days\"");
        assertThat(huge.body()).contains("\"field\":\"audit_retention_days\"");
        assertThat(users.expect(200, users.get(owner, "/api/admin/settings"), InstanceSettingsView.class))
                .isEqualTo(before);
    }
}

package org.chatalot.server.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.InstanceStats;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.file.FileInfo;
import org.chatalot.model.file.FileUsage;
import org.chatalot.server.testing.ErrorAssertions;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;

/** The upload limits an admin sets while the server runs apply to the next upload, and admins see the usage. */
class AdminFileLimitsIT {
    private static final int KIB = 1024;

    @RegisterExtension
    static TestServer server = TestServer.create().with("MAX_FILE_SIZE_MB", "4").with("UPLOAD_QUOTA_MB", "0");

    private final FileClient files = new FileClient(server);

    @Test
    void limitsChangedByAnAdminApplyToTheNextUploadAndStoredBytesShowInTheAdminViews() throws Exception {
        TestUsers users = server.users();
        String owner = users.owner().accessToken();
        AuthTokens member = users.register("uploader");
        FileInfo stored = files.uploaded(member.accessToken(), "two.bin", FileClient.randomBytes(2048 * KIB, 1));

        users.expect(200, users.put(owner, "/api/admin/settings",
                Map.of("max_file_size_mb", 1, "upload_quota_mb", 3)), Map.class);

        ErrorAssertions.assertError(server, files.upload(member.accessToken(), "big.bin",
                FileClient.randomBytes(1100 * KIB, 2)), 413, "file_too_large", "1 MiB");
        assertThat(files.upload(member.accessToken(), "small.bin", FileClient.randomBytes(900 * KIB, 3))
                .statusCode()).isEqualTo(201);
        ErrorAssertions.assertError(server, files.upload(member.accessToken(), "over.bin",
                FileClient.randomBytes(200 * KIB, 4)), 413, "quota_exceeded", "3 MiB");
        FileUsage usage = users.expect(200, users.get(member.accessToken(), "/api/files/usage"), FileUsage.class);
        assertThat(usage).isEqualTo(new FileUsage(2948L * KIB, 2, 3L * 1024 * KIB, 1024L * KIB));

        InstanceStats stats = users.expect(200, users.get(owner, "/api/admin/stats"), InstanceStats.class);
        assertThat(stats.storageBytes()).isEqualTo(2948L * KIB);
        assertThat(stats.topStorage()).singleElement()
                .satisfies(top -> assertThat(top.username()).isEqualTo("uploader"));
        AdminUser uploader = users.expect(200, users.get(owner, "/api/admin/users/" + member.user().id()),
                AdminUser.class);
        assertThat(uploader.storageBytes()).isEqualTo(2948L * KIB);
        assertThat(stored.sizeBytes()).isEqualTo(2048L * KIB);

        HttpResponse<String> tooHigh = users.put(owner, "/api/admin/settings", Map.of("max_file_size_mb", 5));
        ErrorAssertions.assertError(server, tooHigh, 400, "validation_failed", "max_file_size_mb");
    }
}

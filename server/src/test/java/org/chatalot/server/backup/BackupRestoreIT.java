package org.chatalot.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.admin.BackupInfo;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.MessagePage;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.model.file.FileInfo;
import org.chatalot.server.cli.AdminCli;
import org.chatalot.server.config.ConfigLoader;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.server.testing.WsClient;

/**
 * A backup taken while people are chatting, restored: everything acknowledged before the backup started is
 * served again, with the uploaded files byte for byte, and what came after the backup is not.
 */
class BackupRestoreIT {
    private static final int SENDERS = 3;

    @RegisterExtension
    static TestServer server = TestServer.create()
            .with("WS_RATE_LIMIT_PER_SECOND", "100000").with("WS_RATE_LIMIT_BURST", "100000");

    @Test
    void aBackupTakenWhileMessagesFlowRestoresEveryAcknowledgedMessageAndFile() throws Exception {
        TestUsers users = server.users();
        String owner = users.owner().accessToken();
        Channel channel = users.expect(201, users.post(owner, "/api/channels",
                new CreateChannelRequest("backup-room", null, null, null)), Channel.class);
        Map<UUID, byte[]> files = upload(owner, channel.id());
        List<AuthTokens> senders = new ArrayList<>();
        for (int i = 0; i < SENDERS; i++) {
            AuthTokens sender = users.register("sender-" + i);
            users.post(sender.accessToken(), "/api/channels/" + channel.id() + "/join", "{}");
            senders.add(sender);
        }

        Set<UUID> acked = ConcurrentHashMap.newKeySet();
        Set<UUID> ackedBeforeBackup;
        BackupInfo backup;
        long backupMillis;
        int ackedDuringBackup;
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch warmedUp = new CountDownLatch(SENDERS);
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (AuthTokens sender : senders) {
                running.add(pool.submit(() -> send(sender, channel.id(), acked, stop, warmedUp)));
            }
            assertThat(warmedUp.await(20, TimeUnit.SECONDS)).isTrue();
            ackedBeforeBackup = Set.copyOf(acked);
            long started = System.nanoTime();
            backup = users.expect(201, users.post(owner, "/api/admin/backups", "{}"), BackupInfo.class);
            backupMillis = (System.nanoTime() - started) / 1_000_000;
            ackedDuringBackup = acked.size() - ackedBeforeBackup.size();
            stop.set(true);
            for (Future<?> future : running) {
                future.get(20, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("online backup with %d messages stored (%d more acknowledged while it ran) and %d files: "
                + "%d bytes in %d ms%n", ackedBeforeBackup.size(), ackedDuringBackup, files.size(), backup.sizeBytes(),
                backupMillis);
        assertThat(ackedDuringBackup).as("messages kept flowing during the backup").isPositive();

        Path archive = server.dataDir().resolve("backups").resolve(backup.name());
        assertThat(sha256(Files.readAllBytes(archive))).isEqualTo(backup.sha256());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(archive))).isEqualTo("rw-------");
        HttpResponse<byte[]> download = server.client().send(server.request("/api/admin/backups/" + backup.name())
                .header("Authorization", "Bearer " + owner).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(sha256(download.body())).isEqualTo(backup.sha256());
        assertThat(users.expect(200, users.get(owner, "/api/admin/backups"), BackupInfo[].class))
                .extracting(BackupInfo::name).contains(backup.name());
        UUID afterBackup = sendOne(senders.getFirst(), channel.id());
        Path aside = server.dataDir().resolve("aside-backup.zip");
        Files.copy(archive, aside);

        server.stop();
        int exit = restore(aside);
        server.start();

        assertThat(exit).isZero();
        Set<UUID> restored = history(owner, channel.id());
        assertThat(restored).containsAll(ackedBeforeBackup).doesNotContain(afterBackup);
        assertThat(acked).containsAll(restored);
        assertThat(ackedBeforeBackup).hasSizeGreaterThanOrEqualTo(SENDERS * 5);
        FileClient fileClient = new FileClient(server);
        for (Map.Entry<UUID, byte[]> file : files.entrySet()) {
            HttpResponse<byte[]> restoredFile = fileClient.download(owner, file.getKey());
            assertThat(restoredFile.statusCode()).as("file %s", file.getKey()).isEqualTo(200);
            assertThat(restoredFile.body()).as("file %s", file.getKey()).isEqualTo(file.getValue());
        }
    }

    @Test
    void restoreRefusesWhileTheServerHasTheDatabaseOpen() {
        var storage = ConfigLoader.load(Map.of("DATA_DIR", server.dataDir().toString())).config().storage();

        assertThatThrownBy(() -> new BackupRestore(storage, Clock.systemUTC()).restore(server.dataDir()
                .resolve("any.zip"))).isInstanceOf(BackupRestore.RestoreRefused.class).hasMessageContaining("in use");
    }

    @Test
    void downloadIsForOwnersAndNamesThatAreNotBackupsAreNotFound() {
        TestUsers users = server.users();
        String admin = users.admin("backup-admin").accessToken();
        BackupInfo backup = users.expect(201, users.post(admin, "/api/admin/backups", "{}"), BackupInfo.class);

        assertThat(users.get(admin, "/api/admin/backups/" + backup.name()).statusCode()).isEqualTo(403);
        assertThat(users.get(users.owner().accessToken(), "/api/admin/backups/..%2Fchatalot.mv.db").statusCode())
                .isEqualTo(404);
        assertThat(users.delete(admin, "/api/admin/backups/" + backup.name()).statusCode()).isEqualTo(204);
        assertThat(Files.exists(server.dataDir().resolve("backups").resolve(backup.name()))).isFalse();
    }

    /** Sends one message after another, each after the previous was acknowledged, until told to stop. */
    private static Void send(AuthTokens sender, UUID channelId, Set<UUID> acked, AtomicBoolean stop,
                             CountDownLatch warmedUp) {
        try (WsClient socket = WsClient.authenticated(server, sender.accessToken())) {
            for (int i = 0; !stop.get(); i++) {
                socket.send(new ClientMessage.SendMessage(channelId, "message " + i, null, null, null, "c" + i));
                String clientId = "c" + i;
                acked.add(UUID.fromString(socket.await("message_sent",
                        n -> n.get("client_id").asText().equals(clientId)).get("message_id").asText()));
                if (i == 5) {
                    warmedUp.countDown();
                }
            }
        }
        return null;
    }

    private static UUID sendOne(AuthTokens sender, UUID channelId) {
        try (WsClient socket = WsClient.authenticated(server, sender.accessToken())) {
            socket.send(new ClientMessage.SendMessage(channelId, "after the backup", null, null, null, "late"));
            return UUID.fromString(socket.await("message_sent").get("message_id").asText());
        }
    }

    private static Set<UUID> history(String token, UUID channelId) {
        Set<UUID> ids = new java.util.HashSet<>();
        UUID before = null;
        do {
            MessagePage page = server.users().expect(200, server.users().get(token, "/api/channels/" + channelId
                    + "/messages?limit=100" + (before == null ? "" : "&before=" + before)), MessagePage.class);
            page.messages().stream().map(Message::id).forEach(ids::add);
            before = page.nextBefore();
        } while (before != null);
        return ids;
    }

    /** A few files of random bytes, uploaded into the channel through the API. */
    private static Map<UUID, byte[]> upload(String token, UUID channelId) throws IOException {
        FileClient fileClient = new FileClient(server);
        Map<UUID, byte[]> files = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 5; i++) {
            byte[] content = FileClient.randomBytes(1000 + random.nextInt(200_000), i);
            HttpResponse<String> response = fileClient.uploadTo(token, channelId, "file-" + i + ".bin", content);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            files.put(server.json().readValue(response.body(), FileInfo.class).id(), content);
        }
        return files;
    }

    private static int restore(Path archive) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintWriter writer = new PrintWriter(out, true);
        int exit = AdminCli.run(Map.of("DATA_DIR", server.dataDir().toString(), "LOCAL_ADMIN_ADDR", "off"),
                new String[] {"restore", archive.toString()}, new BufferedReader(new StringReader("")), writer,
                writer);
        System.out.println(out);
        return exit;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

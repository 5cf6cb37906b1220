package org.chatalot.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.health.Health;
import org.chatalot.model.health.Readiness;
import org.chatalot.model.message.Message;
import org.chatalot.model.message.SendMessageRequest;
import org.chatalot.model.ws.ClientMessage;
import org.chatalot.server.Main;
import org.chatalot.server.common.CannotStart;
import org.chatalot.server.testing.ErrorAssertions;
import org.chatalot.server.testing.FileClient;
import org.chatalot.server.testing.SmallDisk;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.WsClient;
import org.chatalot.testing.JavaProcess;
import org.chatalot.testing.Poll;

/**
 * The server's data directory on a real small filesystem that the test fills: below MIN_FREE_DISK_MB every
 * write is refused with {@code storage_full} before the disk is full, health says so, and reads go on; a
 * write that fails on a really full disk turns health red; and a server started on a full disk says so in
 * one line and exits instead of dying in a migration. All but the first need a small filesystem of their own
 * (root, and a sandbox that lets them mount one) and are skipped with the reason where that is refused.
 */
class FullDiskIT {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path work;

    @Test
    void aThresholdAboveTheFreeSpaceStopsStartUpBeforeAnythingIsWritten() {
        Path data = work.resolve("data");
        TestServer server = TestServer.create().with("DATA_DIR", data.toString())
                .with("MIN_FREE_DISK_MB", "1999999999");

        assertThatThrownBy(server::start).isInstanceOf(CannotStart.class)
                .hasMessageContaining("DATA_DIR").hasMessageContaining(data.toString())
                .hasMessageContaining("MIN_FREE_DISK_MB is 1999999999");
        assertThat(data.resolve("chatalot.mv.db")).as("no database created").doesNotExist();
        assertThat(data.resolve("keys")).as("no keys generated").doesNotExist();
    }

    @Test
    void belowTheThresholdEveryWriteIsRefusedAsStorageFullAndHealthSaysSo() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(64)) {
            TestServer server = TestServer.create().with("DATA_DIR", disk.dir("data").toString())
                    .with("MIN_FREE_DISK_MB", "24");
            server.start();
            try {
                AuthTokens owner = server.users().owner();
                Channel channel = server.chat().publicChannel(owner, "filling");
                Message before = server.chat().send(owner, channel.id(), "before the disk filled");
                String messages = "/api/channels/" + channel.id() + "/messages";

                disk.fillLeaving(16 * MIB);
                HttpResponse<String> rest = server.users().post(owner.accessToken(), messages,
                        new SendMessageRequest("over REST", null, null, null));
                JsonNode socketRefusal;
                try (WsClient socket = WsClient.authenticated(server, owner.accessToken())) {
                    socket.send(new ClientMessage.SendMessage(channel.id(), "over the socket", null, null, null, "c1"));
                    socketRefusal = socket.await("error");
                }
                HttpResponse<String> edit = server.users().send(owner, "PATCH", "/api/messages/" + before.id(),
                        Map.of("content", "edited"));
                HttpResponse<String> newChannel = server.users().post(owner.accessToken(), "/api/channels",
                        new CreateChannelRequest("another", null, null, null));
                HttpResponse<String> history = server.users().get(owner.accessToken(), messages);
                HttpResponse<String> health = server.get("/api/health");
                HttpResponse<String> ready = server.get("/api/health/ready");
                long freeWhileRefusing = disk.free();

                ErrorAssertions.assertError(server, rest, 503, "storage_full", "disk");
                assertThat(socketRefusal.get("code").asText()).isEqualTo("storage_full");
                assertThat(socketRefusal.get("client_id").asText()).isEqualTo("c1");
                ErrorAssertions.assertError(server, edit, 503, "storage_full", "disk");
                ErrorAssertions.assertError(server, newChannel, 503, "storage_full", "disk");
                assertThat(history.statusCode()).as("reading goes on").isEqualTo(200);
                assertThat(history.body()).contains("before the disk filled").doesNotContain("over REST");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(server.read(health, Health.class).dbHealthy()).isFalse();
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(server.read(ready, Readiness.class).checks()).filteredOn(c -> c.name().equals("disk"))
                        .singleElement().satisfies(c -> {
                            assertThat(c.ok()).isFalse();
                            assertThat(c.detail()).contains("MIN_FREE_DISK_MB is 24");
                        });
                assertThat(freeWhileRefusing).as("refused before the disk was full").isGreaterThan(8 * MIB);

                disk.empty();
                assertThat(server.chat().send(owner, channel.id(), "after space came back").content())
                        .isEqualTo("after space came back");
                assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void aBackupThatWouldTakeTheDiskBelowTheThresholdIsRefusedWhileMessagesGoOn() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(64)) {
            TestServer server = TestServer.create().with("DATA_DIR", disk.dir("data").toString())
                    .with("MIN_FREE_DISK_MB", "16");
            server.start();
            try {
                AuthTokens owner = server.users().owner();
                Channel channel = server.chat().publicChannel(owner, "backed-up");
                byte[] sixteenMib = "sixteen mebibytes of text\n".repeat(16 * 1024 * 1024 / 26)
                        .getBytes(StandardCharsets.US_ASCII);
                new FileClient(server).uploaded(owner.accessToken(), "big.txt", sixteenMib);

                disk.fillLeaving(28 * MIB);
                HttpResponse<String> refused = server.users().post(owner.accessToken(), "/api/admin/backups", "{}");
                Message stillWorks = server.chat().send(owner, channel.id(), "messages still go through");
                disk.empty();
                HttpResponse<String> made = server.users().post(owner.accessToken(), "/api/admin/backups", "{}");

                ErrorAssertions.assertError(server, refused, 503, "storage_full", "disk");
                assertThat(stillWorks.content()).isEqualTo("messages still go through");
                assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
                try (var left = Files.list(disk.path().resolve("data/backups"))) {
                    assertThat(left.map(p -> p.getFileName().toString()))
                            .as("the refused backup left nothing behind").hasSize(2)
                            .allMatch(name -> name.startsWith("chatalot-backup-"));
                }
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void aWriteThatFailsOnAReallyFullDiskTurnsHealthRedUntilWritesWorkAgain() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(48)) {
            // No threshold: nothing stops the server from running into the wall.
            TestServer server = TestServer.create().with("DATA_DIR", disk.dir("data").toString())
                    .with("MIN_FREE_DISK_MB", "0");
            server.start();
            try {
                AuthTokens owner = server.users().owner();
                Channel channel = server.chat().publicChannel(owner, "walled");
                String messages = "/api/channels/" + channel.id() + "/messages";
                assertThat(server.get("/api/health").statusCode()).isEqualTo(200);

                disk.fill();
                HttpResponse<String> failed = server.users().post(owner.accessToken(), messages,
                        new SendMessageRequest("x".repeat(20_000), null, null, null));
                HttpResponse<String> health = server.get("/api/health");

                ErrorAssertions.assertError(server, failed, 503, "storage_full", "disk");
                assertThat(health.statusCode()).isEqualTo(503);
                assertThat(server.read(health, Health.class).dbHealthy()).isFalse();

                disk.empty();
                assertThat(Poll.until(() -> server.users().post(owner.accessToken(), messages,
                        new SendMessageRequest("room again", null, null, null)).statusCode() == 201,
                        Duration.ofSeconds(30))).as("writes work again once there is room").isTrue();
                assertThat(server.get("/api/health").statusCode()).isEqualTo(200);
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void aServerStartedOnAFullDiskSaysSoInOneLineAndExits() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(48)) {
            Path data = disk.dir("data");
            TestServer first = TestServer.create().with("DATA_DIR", data.toString());
            first.start();
            AuthTokens owner = first.users().owner();
            Channel channel = first.chat().publicChannel(owner, "kept");
            first.chat().send(owner, channel.id(), "written before the disk filled");
            first.stop();
            disk.fill();

            Map<String, String> env = Map.of("DATA_DIR", data.toString(), "LISTEN_ADDR", "127.0.0.1:0",
                    "LOCAL_ADMIN_ADDR", "127.0.0.1:0", "MIN_FREE_DISK_MB", "4");
            try (JavaProcess process = JavaProcess.start(Main.class.getName(), List.of(), env, List.of(), work)) {
                int exit = process.awaitExit(Duration.ofSeconds(60));
                String output = process.output();

                assertThat(exit).as(output).isEqualTo(2);
                assertThat(output).contains("DATA_DIR", data.toString(), "MIN_FREE_DISK_MB")
                        .doesNotContain("Exception", "\tat ", "Chatalot is listening");
                assertThat(output.lines().filter(l -> l.contains("ERROR"))).as(output).hasSize(1);
            }

            disk.empty();
            TestServer again = TestServer.create().with("DATA_DIR", data.toString());
            again.start();
            try {
                assertThat(again.chat().history(owner, channel.id(), "limit=10").messages())
                        .extracting(Message::content).containsExactly("written before the disk filled");
            } finally {
                again.stop();
            }
        }
    }
}

package org.chatalot.bench.chatalot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.chatalot.model.admin.CreateInviteRequest;
import org.chatalot.model.admin.Invite;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.LoginRequest;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.model.channel.AddMemberRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.CreateChannelRequest;
import org.chatalot.model.channel.DmChannel;
import org.chatalot.model.message.MessagePage;

/**
 * The REST calls the benchmarks need. Each call may name the client address it stands for
 * ({@code X-Forwarded-For}, believed from loopback as from a local proxy), so a storm of clients from many
 * addresses meets the per-address rate limits as it would in production.
 */
public final class Api {
    public static final String PASSWORD = "benchmark passphrase 2026";
    public static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int PAGE = 100;

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(URI base) {
        this.base = base;
    }

    public AuthTokens registerOwner(String setupCode) throws IOException, InterruptedException {
        return post(null, "/api/auth/register", new RegisterRequest("owner", null, null, PASSWORD, null, setupCode),
                AuthTokens.class);
    }

    /** Registers {@code count} members with one shared invite, each as if from its own address. */
    public List<AuthTokens> registerMembers(AuthTokens owner, String prefix, int count)
            throws IOException, InterruptedException {
        Invite invite = post(owner.accessToken(), "/api/admin/invites", new CreateInviteRequest(count, null),
                Invite.class);
        List<AuthTokens> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RegisterRequest request = new RegisterRequest(prefix + i, null, null, PASSWORD, invite.code(), null);
            members.add(JSON.readValue(expect2xx("/api/auth/register",
                    send(null, "/api/auth/register", request, clientAddress(i))), AuthTokens.class));
        }
        return members;
    }

    public Channel channel(AuthTokens owner, String name) throws IOException, InterruptedException {
        return post(owner.accessToken(), "/api/channels", new CreateChannelRequest(name, null, null, null),
                Channel.class);
    }

    public void join(AuthTokens member, UUID channelId) throws IOException, InterruptedException {
        post(member.accessToken(), "/api/channels/" + channelId + "/join", "{}", Channel.class);
    }

    public Channel directMessage(AuthTokens from, UUID toUser) throws IOException, InterruptedException {
        return post(from.accessToken(), "/api/dms", new AddMemberRequest(toUser), DmChannel.class).channel();
    }

    /** Counts the stored messages of a channel by paging through its history (bounded by {@code atMost}). */
    public long storedMessages(AuthTokens member, UUID channelId, long atMost) throws IOException,
            InterruptedException {
        long count = 0;
        UUID before = null;
        while (count < atMost) {
            String path = "/api/channels/" + channelId + "/messages?limit=" + PAGE + (before == null ? ""
                    : "&before=" + before);
            MessagePage page = JSON.readValue(expect2xx(path, get(member.accessToken(), path)), MessagePage.class);
            count += page.messages().size();
            if (page.nextBefore() == null) {
                return count;
            }
            before = page.nextBefore();
        }
        return count;
    }

    /** A login as from {@code address}; the status tells success, 429 or 503 apart. */
    public HttpResponse<String> login(String username, String address) throws IOException, InterruptedException {
        return send(null, "/api/auth/login", LoginRequest.of(username, PASSWORD), address);
    }

    public HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        return get(token, path, null);
    }

    /** A GET as from {@code address} ({@link #clientAddress}); from loopback itself when null. */
    public HttpResponse<String> get(String token, String path, String address) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (address != null) {
            request.header("X-Forwarded-For", address);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public <T> T post(String token, String path, Object body, Class<T> type) throws IOException,
            InterruptedException {
        return JSON.readValue(expect2xx(path, send(token, path, body, null)), type);
    }

    /** A TEST-NET-2 address per client number: only ever a header value, never a destination. */
    public static String clientAddress(int client) {
        return "198.51.100." + (1 + Math.floorMod(client, 250));
    }

    private HttpResponse<String> send(String token, String path, Object body, String address) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s
                        : JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (address != null) {
            request.header("X-Forwarded-For", address);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String expect2xx(String path, HttpResponse<String> response) throws IOException {
        if (response.statusCode() / 100 != 2) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}

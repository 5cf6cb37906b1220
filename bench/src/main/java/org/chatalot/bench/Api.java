package org.chatalot.bench;

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
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.CreateChannelRequest;

/** The REST calls a benchmark needs to set up users and channels. */
final class Api {
    static final String PASSWORD = "benchmark passphrase 2026";
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Api(URI base) {
        this.base = base;
    }

    AuthTokens registerOwner(String setupCode) throws IOException, InterruptedException {
        return post(null, "/api/auth/register", new RegisterRequest("owner", null, null, PASSWORD, null, setupCode),
                AuthTokens.class);
    }

    /** Registers {@code count} members with one shared invite. */
    List<AuthTokens> registerMembers(AuthTokens owner, String prefix, int count)
            throws IOException, InterruptedException {
        Invite invite = post(owner.accessToken(), "/api/admin/invites", new CreateInviteRequest(count, null),
                Invite.class);
        List<AuthTokens> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            members.add(post(null, "/api/auth/register",
                    new RegisterRequest(prefix + i, null, null, PASSWORD, invite.code(), null), AuthTokens.class));
        }
        return members;
    }

    Channel channel(AuthTokens owner, String name) throws IOException, InterruptedException {
        return post(owner.accessToken(), "/api/channels", new CreateChannelRequest(name, null, null, null),
                Channel.class);
    }

    void join(AuthTokens member, UUID channelId) throws IOException, InterruptedException {
        post(member.accessToken(), "/api/channels/" + channelId + "/join", "{}", Channel.class);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    <T> T post(String token, String path, Object body, Class<T> type) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readValue(response.body(), type);
    }
}

package org.chatalot.server.testing;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.chatalot.model.admin.AdminUser;
import org.chatalot.model.admin.CreateInviteRequest;
import org.chatalot.model.admin.Invite;
import org.chatalot.model.admin.TargetConfirmation;
import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.LoginRequest;
import org.chatalot.model.auth.RegisterRequest;
import org.chatalot.server.auth.Totp;

/**
 * Accounts for tests, made through the real API: the owner via the setup code the server wrote to its data
 * directory, everyone else via invites the owner creates.
 */
public final class TestUsers {
    public static final String PASSWORD = "correct horse battery staple";

    private final TestServer server;
    private AuthTokens owner;

    public TestUsers(TestServer server) {
        this.server = server;
    }

    /** The instance owner, registered on first use. */
    public synchronized AuthTokens owner() {
        if (owner == null) {
            String code;
            try {
                code = Files.readString(server.dataDir().resolve("setup-code")).strip();
            } catch (IOException e) {
                throw new IllegalStateException("no setup code: the owner already exists", e);
            }
            owner = expect(201, post(null, "/api/auth/register",
                    new RegisterRequest("owner", "The Owner", null, PASSWORD, null, code)), AuthTokens.class);
        }
        return owner;
    }

    /** A new member with the default password, registered with a fresh single-use invite. */
    public AuthTokens register(String username) {
        return expect(201, post(null, "/api/auth/register",
                new RegisterRequest(username, null, null, PASSWORD, invite(1).code(), null)), AuthTokens.class);
    }

    public Invite invite(Integer maxUses) {
        return expect(201, post(owner().accessToken(), "/api/admin/invites", new CreateInviteRequest(maxUses, null)),
                Invite.class);
    }

    public AuthTokens login(String username, String password) {
        return expect(200, post(null, "/api/auth/login", LoginRequest.of(username, password)), AuthTokens.class);
    }

    public HttpResponse<String> get(String token, String path) {
        return server.send(authorized(server.request(path), token).GET().build());
    }

    public HttpResponse<String> delete(String token, String path) {
        return server.send(authorized(server.request(path), token).DELETE().build());
    }

    /** DELETE with a JSON body (destructive admin actions repeat their target's id in it). */
    public HttpResponse<String> delete(String token, String path, Object body) {
        return server.send(authorized(server.request(path), token).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** A new member whom the owner then makes an admin. */
    public AuthTokens admin(String username) {
        AuthTokens member = register(username);
        UUID id = member.user().id();
        expect(200, post(owner().accessToken(), "/api/admin/users/" + id + "/admin",
                new TargetConfirmation(id, null)), AdminUser.class);
        return member;
    }

    public HttpResponse<String> post(String token, String path, Object body) {
        return server.send(authorized(server.request(path), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    public HttpResponse<String> put(String token, String path, Object body) {
        return server.send(authorized(server.request(path), token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** Any method with a JSON body (PATCH, …). */
    public HttpResponse<String> send(org.chatalot.model.auth.AuthTokens user, String method, String path,
                                     Object body) {
        return server.send(authorized(server.request(path), user.accessToken())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** Asserts the status (showing the body when it differs) and reads the body. */
    public <T> T expect(int status, HttpResponse<String> response, Class<T> type) {
        if (response.statusCode() != status) {
            throw new AssertionError("expected " + status + " but got " + response.statusCode() + ": "
                    + response.body());
        }
        return server.read(response, type);
    }

    private String json(Object body) {
        if (body instanceof String text) {
            return text;
        }
        try {
            return server.json().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder builder, String token) {
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /**
     * What an authenticator app shows for the base32 secret it was given, now or {@code stepOffset} 30-second
     * steps later. The secret is decoded here (RFC 4648) rather than by the server's own encoder, so a test
     * catches an encoder that writes what no app reads.
     */
    public static String totpCode(String base32Secret, int stepOffset) {
        return Totp.code(base32(base32Secret), Totp.step(Instant.now()) + stepOffset, 6);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replaceAll("[=\\s-]", "").toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            int value = alphabet.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: " + text);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}

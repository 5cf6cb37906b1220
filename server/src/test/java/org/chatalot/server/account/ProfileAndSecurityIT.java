package org.chatalot.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chatalot.server.testing.ErrorAssertions.assertError;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import io.nayuki.qrcodegen.QrCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.auth.Me;
import org.chatalot.model.auth.RefreshRequest;
import org.chatalot.model.auth.RevokedSessions;
import org.chatalot.model.auth.SessionInfo;
import org.chatalot.model.auth.TotpSetup;
import org.chatalot.model.auth.UpdateProfileRequest;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.ChannelMember;
import org.chatalot.model.user.PublicProfile;
import org.chatalot.server.testing.TestServer;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.server.testing.WsClient;

/** The account screens' server side: status text, the 2FA QR code, and signing out every other session. */
class ProfileAndSecurityIT {
    @RegisterExtension
    static TestServer server = TestServer.create();

    @Test
    void statusTextShowsInProfilesAndMemberListsAndIsCheckedLikeANameAndCleared() throws Exception {
        AuthTokens ola = server.users().register("ola.status");
        AuthTokens pia = server.users().register("pia.status");
        Channel channel = server.chat().publicChannel(ola, "status-room");
        server.chat().join(pia, channel.id());
        String hundred = "🌴".repeat(100);

        Me me = profile(ola, new UpdateProfileRequest(null, null, "  On holiday until Monday  "));
        assertThat(me.statusText()).isEqualTo("On holiday until Monday");
        assertThat(me.displayName()).as("left out, unchanged").isEqualTo("ola.status");
        PublicProfile seen = server.users().expect(200, server.users().get(pia.accessToken(), "/api/users/"
                + ola.user().id()), PublicProfile.class);
        assertThat(seen.statusText()).isEqualTo("On holiday until Monday");
        List<ChannelMember> members = server.json().readValue(server.users().get(pia.accessToken(),
                "/api/channels/" + channel.id() + "/members").body(), new TypeReference<>() { });
        assertThat(members).filteredOn(m -> m.user().id().equals(ola.user().id()))
                .extracting(m -> m.user().statusText()).containsExactly("On holiday until Monday");

        assertThat(profile(ola, new UpdateProfileRequest(null, null, hundred)).statusText()).isEqualTo(hundred);
        assertError(server, server.users().put(ola.accessToken(), "/api/account/profile",
                new UpdateProfileRequest(null, null, hundred + "x")), 400, "validation_failed", "status_text");
        assertError(server, server.users().put(ola.accessToken(), "/api/account/profile",
                new UpdateProfileRequest(null, null, "back \u202Eyadnom")), 400, "validation_failed", "status_text");
        assertThat(profile(ola, new UpdateProfileRequest(null, null, "")).statusText()).isNull();
    }

    @Test
    void totpSetupDrawsTheOtpauthUrlAsAnSvgWithNothingButShapes() throws Exception {
        AuthTokens quin = server.users().register("quin.qr");

        TotpSetup setup = server.users().expect(200, server.users().post(quin.accessToken(),
                "/api/account/totp/setup", "{}"), TotpSetup.class);

        assertThat(setup.otpauthUrl()).contains("secret=" + setup.secret());
        Element svg = parse(setup.qrSvg());
        assertThat(svg.getTagName()).isEqualTo("svg");
        Set<String> elements = new HashSet<>();
        walk(svg, node -> {
            elements.add(node.getNodeName());
            NamedNodeMap attributes = node.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                String name = attributes.item(i).getNodeName();
                assertThat(name).isIn("xmlns", "version", "viewBox", "width", "height", "shape-rendering", "d",
                        "fill");
                assertThat(attributes.item(i).getNodeValue()).doesNotContainIgnoringCase("url(")
                        .doesNotContainIgnoringCase("javascript");
            }
        });
        assertThat(elements).containsExactlyInAnyOrder("svg", "rect", "path");
        String path = ((Element) svg.getElementsByTagName("path").item(0)).getAttribute("d");
        assertThat(path).matches("[Mhvz0-9,-]+").isEqualTo(modules(setup.otpauthUrl()));
    }

    @Test
    void signingOutEverywhereElseKeepsOnlyThisSessionAndClosesTheOthersSockets() {
        AuthTokens here = server.users().register("rae.sessions");
        AuthTokens phone = server.users().login("rae.sessions", TestUsers.PASSWORD);
        AuthTokens laptop = server.users().login("rae.sessions", TestUsers.PASSWORD);
        try (WsClient phoneSocket = WsClient.authenticated(server, phone.accessToken());
             WsClient hereSocket = WsClient.authenticated(server, here.accessToken())) {

            RevokedSessions revoked = server.users().expect(200, server.users().post(here.accessToken(),
                    "/api/account/logout-others", "{}"), RevokedSessions.class);

            assertThat(revoked.revoked()).isEqualTo(2);
            assertThat(phoneSocket.await("force_logout").get("reason").asText()).isEqualTo("logout_others");
            assertThat(phoneSocket.awaitClose(Duration.ofSeconds(10))).isPositive();
            hereSocket.expectNone("force_logout", Duration.ofMillis(300));
        }
        List<SessionInfo> left = List.of(server.read(server.users().get(here.accessToken(),
                "/api/account/sessions"), SessionInfo[].class));
        assertThat(left).extracting(SessionInfo::id).containsExactly(here.sessionId());
        assertThat(left.getFirst().current()).isTrue();
        assertThat(server.users().post(null, "/api/auth/refresh", new RefreshRequest(laptop.refreshToken()))
                .statusCode()).isEqualTo(401);
        assertThat(server.users().get(phone.accessToken(), "/api/account/me").statusCode()).isEqualTo(401);
        assertThat(server.users().get(here.accessToken(), "/api/account/me").statusCode()).isEqualTo(200);
    }

    private static Me profile(AuthTokens who, UpdateProfileRequest request) {
        return server.users().expect(200, server.users().put(who.accessToken(), "/api/account/profile", request),
                Me.class);
    }

    private static Element parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static void walk(Node node, java.util.function.Consumer<Node> visit) {
        if (node.getNodeType() == Node.ELEMENT_NODE) {
            visit.accept(node);
        }
        assertThat(node.getNodeType()).as("only elements").isIn(Node.ELEMENT_NODE, Node.DOCUMENT_NODE);
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            walk(child, visit);
        }
    }

    /** The dark modules of the URL's QR code, as the path the SVG must draw. */
    private static String modules(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + 4).append(',').append(y + 4).append("h1v1h-1z");
                }
            }
        }
        return path.toString();
    }
}

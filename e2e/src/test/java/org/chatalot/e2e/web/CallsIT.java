package org.chatalot.e2e.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.model.auth.AuthTokens;
import org.chatalot.model.channel.Channel;
import org.chatalot.model.channel.Visibility;
import org.chatalot.server.testing.TestUsers;
import org.chatalot.server.testing.WsClient;
import org.chatalot.testing.FreePorts;

/**
 * Calls in the web client, in two Chromium contexts with fake cameras and microphones, through the
 * installer's nginx site with TLS: a video call started from the voice channel, media flowing both ways,
 * mute and camera seen by the other side, the call going on while one of them reads another channel and
 * across a dropped socket, and the hang-up; the call panel checked with axe-core and driven by keyboard; and
 * the words shown when the browser refuses the microphone or the page is not on HTTPS.
 */
class CallsIT {
    /** A TURN server nobody runs: the test checks the client hands the minted credentials to WebRTC. */
    static final String TURN_URL = "turn:127.0.0.1:" + FreePorts.next() + "?transport=udp";

    @RegisterExtension
    static final WebStack web = WebStack.create(server -> server
            .with("TURN_SECRET", "a-test-secret-shared-with-no-turn-server")
            .with("TURN_URLS", TURN_URL)).assertionTimeout(Duration.ofSeconds(45));

    static AuthTokens ann;
    static AuthTokens ben;
    static AuthTokens watcher;
    static Channel general;

    /**
     * Under the page, in the test only: every RTCPeerConnection is kept where the test can read its stats,
     * and only loopback candidates are used, so no packet leaves this machine (the client is unchanged).
     */
    static final String HARNESS = """
            (() => {
              const isLoopback = (line) => / (127\\.\\d+\\.\\d+\\.\\d+|::1) \\d+ typ /.test(line);
              const Original = window.RTCPeerConnection;
              window.testPeerConnections = [];
              window.RTCPeerConnection = function (...args) {
                const pc = new Original(...args);
                window.testPeerConnections.push(pc);
                return pc;
              };
              window.RTCPeerConnection.prototype = Original.prototype;
              // RTP bytes received so far on the open connections: [audio, video].
              window.testInboundBytes = async () => {
                const bytes = [0, 0];
                for (const pc of window.testPeerConnections) {
                  if (pc.connectionState === 'closed') continue;
                  (await pc.getStats()).forEach((r) => {
                    if (r.type === 'inbound-rtp') bytes[r.kind === 'video' ? 1 : 0] += r.bytesReceived || 0;
                  });
                }
                return bytes;
              };
              // Read a few times a second, so a test can wait on it (waitForFunction takes no promise).
              window.testBytes = [0, 0];
              setInterval(async () => {
                window.testBytes = await window.testInboundBytes();
              }, 200);
              const add = Original.prototype.addIceCandidate;
              Original.prototype.addIceCandidate = function (candidate) {
                if (candidate && candidate.candidate && !isLoopback(candidate.candidate)) {
                  return Promise.resolve();
                }
                return add.apply(this, arguments);
              };
              const setRemote = Original.prototype.setRemoteDescription;
              Original.prototype.setRemoteDescription = function (description) {
                if (description && description.sdp) {
                  const sdp = description.sdp.split('\\r\\n')
                    .filter((line) => !line.startsWith('a=candidate:') || isLoopback(line)).join('\\r\\n');
                  return setRemote.call(this, { type: description.type, sdp });
                }
                return setRemote.apply(this, arguments);
              };
            })();
            """;

    @BeforeAll
    static void start() {
        ann = web.users().register("ann");
        ben = web.users().register("ben");
        watcher = web.users().register("watcher");
        general = web.chat().publicChannel(ann, "general");
        for (AuthTokens user : List.of(ben, watcher)) {
            web.chat().join(user, general.id());
        }
    }

    /** A voice channel of its own for each test: a test that fails leaves nobody in another test's call. */
    private static Channel voiceChannel(String name) {
        Channel channel = web.chat().voiceChannel(ann, name, Visibility.PUBLIC);
        for (AuthTokens user : List.of(ben, watcher)) {
            web.chat().join(user, channel.id());
        }
        return channel;
    }

    @Test
    void aVideoCallStartedFromTheVoiceChannelGoesOnAcrossChannelsAndADroppedSocket() {
        Map<String, Object> measured = new LinkedHashMap<>();
        Channel huddle = voiceChannel("huddle");
        Page annPage = caller(false);
        List<WebSocketRoute> annSockets = new ArrayList<>();
        annPage.context().routeWebSocket(Pattern.compile("/ws$"), socket -> {
            socket.connectToServer();
            annSockets.add(socket);
        });
        List<String> annRequests = new ArrayList<>();
        annPage.onRequest(request -> annRequests.add(request.url()));
        Page benPage = caller(false);
        try (WsClient watching = WsClient.authenticated(web.server(), watcher.accessToken())) {
            ChatPage annChat = ChatPage.signIn(annPage, web.url("/c/" + huddle.id()), "ann", TestUsers.PASSWORD);
            ChatPage benChat = ChatPage.signIn(benPage, web.url("/c/" + huddle.id()), "ben", TestUsers.PASSWORD);
            org.assertj.core.api.Assertions.assertThat(annPage.locator("link[rel=modulepreload]").evaluateAll(
                    "links => links.map(l => l.href)").toString()).doesNotContain("call");
            org.assertj.core.api.Assertions.assertThat(annRequests).as("no call code before the first call")
                    .noneMatch(url -> url.contains("/core/call") || url.contains("/ui/calls"));

            // Ann starts the call from the channel's header; Ben sees her in it before joining.
            annChat.button("Join call").click();
            assertThat(callPanel(annPage).getByRole(AriaRole.STATUS)).hasText("You are the only one here");
            org.assertj.core.api.Assertions.assertThat(annRequests).as("call code loaded on first use")
                    .anyMatch(url -> url.endsWith("/core/call.js")).anyMatch(url -> url.endsWith("/ui/calls.js"))
                    .anyMatch(url -> url.endsWith("/ui/calls.css"));
            assertThat(inCallList(benChat)).containsText("ann");
            assertThat(benPage.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("In the call: ann")))
                    .isVisible();

            long joinClicked = System.nanoTime();
            benChat.button("Join call").click();
            assertThat(tile(annPage, ben)).hasAttribute("data-connection", "connected");
            assertThat(tile(benPage, ann)).hasAttribute("data-connection", "connected");
            measured.put("joinToConnectedMs", millisSince(joinClicked));
            assertThat(callPanel(benPage).getByRole(AriaRole.STATUS)).hasText("2 people in the call");

            // TURN credentials minted for each user reach their peer connections.
            JsonNode iceServers = web.server().json().valueToTree(annPage.evaluate(
                    "() => window.testPeerConnections[0].getConfiguration().iceServers"));
            org.assertj.core.api.Assertions.assertThat(iceServers.toString()).contains(TURN_URL)
                    .contains(":" + ann.user().id());

            // Both turn their cameras on: each receives the other's video and sound.
            for (Page page : List.of(annPage, benPage)) {
                Locator camera = button(page, "Camera");
                camera.click();
                assertThat(camera).hasAttribute("aria-pressed", "true");
            }
            assertThat(tile(benPage, ann)).hasAttribute("data-camera", "true");
            assertThat(tile(annPage, ben)).hasAttribute("data-camera", "true");
            for (Page page : List.of(annPage, benPage)) {
                AuthTokens other = page == annPage ? ben : ann;
                page.waitForFunction("el => el.querySelector('video').videoWidth > 0", tile(page, other)
                        .elementHandle());
                measured.put("rtpBytesPerSecond-" + (page == annPage ? "ann" : "ben"), rtpRate(page, 100_000));
                List<?> bytes = (List<?>) page.evaluate("() => window.testInboundBytes()");
                org.assertj.core.api.Assertions.assertThat(((Number) bytes.get(1)).longValue()).as("video bytes")
                        .isPositive();
                org.assertj.core.api.Assertions.assertThat(((Number) bytes.get(0)).longValue()).as("audio bytes")
                        .isPositive();
            }

            // The tiles fit the window: inside the panel at a desktop size, and again once the window is
            // as narrow as a phone (they are sized again when the space changes, not only when people come).
            tilesFit(annPage);
            annPage.setViewportSize(390, 760);
            tilesFit(annPage);
            annPage.setViewportSize(Browsers.DESKTOP_WIDTH, Browsers.DESKTOP_HEIGHT);
            tilesFit(annPage);

            // The speaking indicator: Ben's page hears Ann's fake microphone beep.
            assertThat(tile(benPage, ann)).hasAttribute("data-speaking", "true");
            Locator mute = button(annPage, "Mute microphone");
            mute.click();
            assertThat(mute).hasAttribute("aria-pressed", "true");
            assertThat(tile(benPage, ann)).containsText("muted");
            assertThat(inCallList(benChat).getByRole(AriaRole.IMG, new Locator.GetByRoleOptions().setName("muted")))
                    .hasCount(1);
            mute.click();
            assertThat(tile(benPage, ann)).not().containsText("muted");

            // Ann reads and writes elsewhere: the call goes on in the strip above the channel.
            annChat.open("general");
            assertThat(callPanel(annPage)).isVisible();
            annChat.send("still talking to Ben");
            annChat.expectDelivered("still talking to Ben");
            rtpRate(annPage, 50_000);
            assertThat(tile(benPage, ann)).hasAttribute("data-connection", "connected");
            // The user guide (a page of its own) keeps the call too, its sound and pictures still playing.
            annPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Account: ")))
                    .click();
            annChat.dialog().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("User guide")).click();
            assertThat(annPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                    .setName("Chatalot user guide"))).isVisible();
            assertThat(callPanel(annPage).getByRole(AriaRole.STATUS)).hasText("2 people in the call");
            annPage.waitForFunction("panel => [...panel.querySelectorAll('video')].every(v => !v.paused)"
                    + " && panel.querySelectorAll('video').length === 2", callPanel(annPage).elementHandle());
            rtpRate(annPage, 50_000);
            callPanel(annPage).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("#huddle")).click();
            assertThat(annPage.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("#huddle");

            // Ann's socket drops: it resumes within the grace, and she stays in the call (a mute sent on the
            // new socket reaches Ben; nobody saw her leave, as they would had she joined again).
            annSockets.get(annSockets.size() - 1).close(new WebSocketRoute.CloseOptions().setCode(4000)
                    .setReason("the network went away"));
            long dropped = System.nanoTime();
            annPage.waitForCondition(() -> annSockets.size() == 2);
            assertThat(callPanel(annPage).getByRole(AriaRole.STATUS)).hasText("2 people in the call");
            mute.click();
            assertThat(tile(benPage, ann)).containsText("muted");
            measured.put("socketDropToMuteSeenMs", millisSince(dropped));
            rtpRate(benPage, 50_000);
            org.assertj.core.api.Assertions.assertThat(watching.seen()).as("nobody saw Ann leave")
                    .noneMatch(event -> event.path("type").asText().equals("user_left_voice"));

            // Ann hangs up; Ben sees it at once.
            long hungUp = System.nanoTime();
            button(annPage, "Leave call").click();
            assertThat(tile(benPage, ann)).hasCount(0);
            measured.put("hangUpSeenMs", millisSince(hungUp));
            assertThat(callPanel(benPage).getByRole(AriaRole.STATUS)).hasText("You are the only one here");
            assertThat(callPanel(annPage)).hasCount(0);
            assertThat(inCallList(benChat)).not().containsText("ann");
            JsonNode left = watching.await("user_left_voice", event -> event.path("user_id").asText()
                    .equals(ann.user().id().toString()));
            org.assertj.core.api.Assertions.assertThat(left.get("reason").asText()).isEqualTo("left");
            button(benPage, "Leave call").click();
            assertThat(callPanel(benPage)).hasCount(0);
            System.out.println("call measured: " + measured);
            org.assertj.core.api.Assertions.assertThat(web.browsers().pageErrors()).isEmpty();
        }
    }

    @Test
    void theCallPanelPassesAxeAndEveryControlIsReachedByKeyboard() {
        Channel standup = voiceChannel("standup");
        ChatPage chat = ChatPage.signIn(caller(true), web.url("/c/" + standup.id()), "ben", TestUsers.PASSWORD);
        Page page = chat.page;
        chat.button("Join call").click();
        assertThat(callPanel(page).getByRole(AriaRole.STATUS)).hasText("You are the only one here");

        Locator mute = button(page, "Mute microphone");
        mute.focus();
        List<String> order = new ArrayList<>();
        for (String name : List.of("Camera", "Devices", "Leave call")) {
            page.keyboard().press("Tab");
            assertThat(button(page, name)).isFocused();
            order.add(name);
        }
        page.keyboard().press("Shift+Tab");
        page.keyboard().press("Enter");
        assertThat(button(page, "Devices")).hasAttribute("aria-expanded", "true");
        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Microphone"))).isFocused();
        assertThat(page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Microphone"))
                .getByRole(AriaRole.OPTION)).not().hasCount(1);
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Camera"))).isFocused();
        org.assertj.core.api.Assertions.assertThat(Axe.seriousOrCritical(page)).as("call panel, on the stage")
                .isEmpty();

        // Space toggles mute from the keyboard, as a click does.
        mute.focus();
        page.keyboard().press("Space");
        assertThat(mute).hasAttribute("aria-pressed", "true");
        chat.open("general");
        assertThat(callPanel(page)).isVisible();
        org.assertj.core.api.Assertions.assertThat(Axe.seriousOrCritical(page)).as("call panel, as a strip")
                .isEmpty();
        button(page, "Leave call").click();
        assertThat(callPanel(page)).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(order).containsExactly("Camera", "Devices", "Leave call");
    }

    @Test
    void aRefusedMicrophoneAndAPlainHttpPageAreExplained() {
        Channel quiet = voiceChannel("quiet");
        ChatPage refused = ChatPage.signIn(web.browsers().forCall(false, false), web.url("/c/" + quiet.id()), "watcher",
                TestUsers.PASSWORD);
        refused.button("Join call").click();
        assertThat(refused.page.getByRole(AriaRole.ALERT)).containsText("Chatalot may not use your microphone");
        refused.button("Join without microphone").click();
        assertThat(callPanel(refused.page).getByRole(AriaRole.STATUS)).hasText("You are the only one here");
        assertThat(button(refused.page, "Mute microphone")).hasAttribute("aria-pressed", "true");
        button(refused.page, "Leave call").click();
        assertThat(callPanel(refused.page)).hasCount(0);

        // Straight to the server over plain HTTP under a name that is not localhost: not a secure context.
        Page plain = web.browsers().desktop();
        ChatPage insecure = ChatPage.signIn(plain, "http://chat.test:" + web.front().serverPort + "/c/" + quiet.id(),
                "watcher", TestUsers.PASSWORD);
        org.assertj.core.api.Assertions.assertThat(plain.evaluate("() => isSecureContext")).isEqualTo(false);
        insecure.button("Join call").click();
        assertThat(plain.getByRole(AriaRole.ALERT)).containsText("Calls need a secure connection");
    }

    /** A person in a call, with the harness under their page; {@code audit}: axe-core may be injected. */
    private static Page caller(boolean audit) {
        Page page = web.browsers().forCall(true, audit);
        page.context().addInitScript(HARNESS);
        return page;
    }

    /** The docked call panel (there is one call at a time). */
    private static Locator callPanel(Page page) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(Pattern.compile("^Call in #")));
    }

    /** The tile of one person in the call panel (tiles carry the user id, for the panel's own drawing). */
    private static Locator tile(Page page, AuthTokens user) {
        return callPanel(page).getByRole(AriaRole.LIST, new Locator.GetByRoleOptions().setName("People in the call"))
                .locator("li[data-user-id=\"" + user.user().id() + "\"]");
    }

    /**
     * Waits until every tile of the call panel lies wholly inside the panel's tile area and the window, at
     * least 120 px wide (the layout follows a resize through a ResizeObserver, so this waits, never sleeps).
     */
    private static void tilesFit(Page page) {
        Locator tiles = callPanel(page).getByRole(AriaRole.LIST, new Locator.GetByRoleOptions()
                .setName("People in the call"));
        page.waitForFunction("""
                list => {
                  const box = list.getBoundingClientRect();
                  const inside = (r) => r.width >= 120 && r.left >= box.left - 1 && r.right <= box.right + 1
                    && r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.left >= 0 && r.top >= 0
                    && r.right <= innerWidth && r.bottom <= innerHeight;
                  return list.children.length === 2
                    && [...list.children].every((tile) => inside(tile.getBoundingClientRect()));
                }""", tiles.elementHandle());
    }

    /** Who the sidebar shows in the huddle's call. */
    private static Locator inCallList(ChatPage chat) {
        return chat.sidebar().getByRole(AriaRole.LIST, new Locator.GetByRoleOptions()
                .setName("In the call in huddle"));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * Waits until the page has received {@code atLeast} more bytes of RTP than now, and returns the rate it
     * came at (bytes a second): media is flowing, not merely connected.
     */
    @SuppressWarnings("unchecked")
    private static long rtpRate(Page page, long atLeast) {
        long start = total((List<Number>) page.evaluate("() => window.testInboundBytes()"));
        long began = System.nanoTime();
        page.waitForFunction("target => window.testBytes[0] + window.testBytes[1] >= target",
                (double) (start + atLeast));
        long received = total((List<Number>) page.evaluate("() => window.testInboundBytes()")) - start;
        org.assertj.core.api.Assertions.assertThat(received).isGreaterThanOrEqualTo(atLeast);
        return received * 1_000_000_000L / Math.max(1, System.nanoTime() - began);
    }

    private static long total(List<Number> bytes) {
        return bytes.stream().mapToLong(Number::longValue).sum();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}

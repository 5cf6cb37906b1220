package org.chatalot.bench.xmpp;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.chatalot.bench.room.FrameSocket;

/**
 * One XMPP-over-WebSocket session (RFC 7395): open, in-band registration, SASL PLAIN, bind, MUC join. During
 * the handshake frames are queued and matched step by step; afterwards they go to the measurement's consumer.
 */
final class XmppClient {
    static final String SUBPROTOCOL = "xmpp";
    private static final long STEP_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(20);
    private static final int INBOX_CAPACITY = 100_000;

    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>(INBOX_CAPACITY);
    private final FrameSocket socket;
    private final String domain;

    private XmppClient(URI uri, String domain) {
        this.domain = domain;
        this.socket = FrameSocket.open(uri, SUBPROTOCOL, frame -> inbox.offer(frame.toString()));
    }

    /** Registers {@code user} (an existing account is fine), logs in and binds a resource. */
    static XmppClient login(URI uri, String domain, String user, String password)
            throws IOException, InterruptedException {
        XmppClient xmpp = new XmppClient(uri, domain);
        xmpp.send(Stanzas.open(domain));
        xmpp.await(f -> Stanzas.isElement(f, "features"), "stream features");
        xmpp.send(Stanzas.register("reg", user, password));
        xmpp.await(f -> Stanzas.isResult(f, "reg"), "registration answer");
        xmpp.send(Stanzas.authPlain(user, password));
        String outcome = xmpp.await(f -> Stanzas.isElement(f, "success") || Stanzas.isElement(f, "failure"),
                "SASL outcome");
        if (!Stanzas.isElement(outcome, "success")) {
            throw new IOException("SASL PLAIN refused for " + user + ": " + outcome);
        }
        xmpp.send(Stanzas.open(domain));
        xmpp.await(f -> Stanzas.isElement(f, "features"), "stream features after SASL");
        xmpp.send(Stanzas.bind("bind", "bench"));
        xmpp.await(f -> Stanzas.isResult(f, "bind"), "resource binding");
        return xmpp;
    }

    /** Joins the room, unlocking it when this client created it. */
    void joinRoom(String roomJid, String nick) throws IOException, InterruptedException {
        send(Stanzas.joinRoom(roomJid, nick));
        String self = await(Stanzas::isSelfPresence, "own presence in " + roomJid);
        if (Stanzas.isNewRoom(self)) {
            send(Stanzas.instantRoom("cfg", roomJid));
            await(f -> Stanzas.isResult(f, "cfg"), "instant room configuration");
        }
    }

    /** From now on every frame goes to {@code frames}; what was queued during the handshake is dropped. */
    void measure(Consumer<CharSequence> frames) {
        socket.redirect(frames);
        inbox.clear();
    }

    void send(String stanza) {
        socket.send(stanza);
    }

    void close() {
        try {
            socket.send(Stanzas.close());
        } catch (RuntimeException alreadyGone) {
            // closing anyway
        }
        socket.close();
    }

    String domain() {
        return domain;
    }

    private String await(Predicate<String> wanted, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT_NANOS;
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline) {
            String frame = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && wanted.test(frame)) {
                return frame;
            }
            if (frame != null && seen.length() < 2000) {
                seen.append(frame).append('\n');
            }
        }
        throw new IOException("XMPP: no " + what + " within 20 s; got: " + seen);
    }
}

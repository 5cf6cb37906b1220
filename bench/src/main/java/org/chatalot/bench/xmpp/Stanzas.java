package org.chatalot.bench.xmpp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The XML the benchmark client sends, and the few checks it makes on what comes back. Names, passwords and
 * bodies are the benchmark's own ASCII ([a-z0-9:;]), so nothing needs escaping.
 */
final class Stanzas {
    static final String FRAMING = "urn:ietf:params:xml:ns:xmpp-framing";
    static final String MUC = "http://jabber.org/protocol/muc";
    /** RFC 7395 has no stream element to inherit a default namespace from: every stanza names it. */
    private static final String CLIENT = " xmlns=\"jabber:client\"";

    private Stanzas() {
    }

    /** RFC 7395 stream open (also sent again after SASL success). */
    static String open(String domain) {
        return "<open xmlns=\"" + FRAMING + "\" to=\"" + domain + "\" version=\"1.0\"/>";
    }

    static String close() {
        return "<close xmlns=\"" + FRAMING + "\"/>";
    }

    /** XEP-0077 in-band registration. */
    static String register(String id, String user, String password) {
        return "<iq" + CLIENT + " type=\"set\" id=\"" + id + "\"><query xmlns=\"jabber:iq:register\"><username>"
                + user + "</username><password>" + password + "</password></query></iq>";
    }

    /** SASL PLAIN: base64 of NUL user NUL password. */
    static String authPlain(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
        return "<auth xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\" mechanism=\"PLAIN\">" + credentials + "</auth>";
    }

    static String bind(String id, String resource) {
        return "<iq" + CLIENT + " type=\"set\" id=\"" + id + "\"><bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\">"
                + "<resource>" + resource + "</resource></bind></iq>";
    }

    /** Joins a MUC room, asking for no history so joining members are not sent old messages. */
    static String joinRoom(String roomJid, String nick) {
        return "<presence" + CLIENT + " to=\"" + roomJid + "/" + nick + "\"><x xmlns=\"" + MUC
                + "\"><history maxstanzas=\"0\"/></x></presence>";
    }

    /** Accepts the default configuration of a room we just created (an "instant room", XEP-0045 10.1.2). */
    static String instantRoom(String id, String roomJid) {
        return "<iq" + CLIENT + " type=\"set\" id=\"" + id + "\" to=\"" + roomJid + "\"><query xmlns=\"" + MUC
                + "#owner\"><x xmlns=\"jabber:x:data\" type=\"submit\"/></query></iq>";
    }

    static String groupchat(String roomJid, String body) {
        return "<message" + CLIENT + " to=\"" + roomJid + "\" type=\"groupchat\"><body>" + body
                + "</body></message>";
    }

    /** Whether an element has {@code name="value"} (either quote style: Prosody writes single quotes). */
    static boolean hasAttribute(CharSequence frame, String name, String value) {
        String text = frame.toString();
        return text.contains(name + "=\"" + value + "\"") || text.contains(name + "='" + value + "'");
    }

    static boolean isElement(CharSequence frame, String name) {
        String text = frame.toString();
        return text.startsWith("<" + name + " ") || text.startsWith("<" + name + ">")
                || text.startsWith("<" + name + "/") || text.startsWith("<stream:" + name);
    }

    /** Our own presence in the room (status 110): the join is complete. */
    static boolean isSelfPresence(CharSequence frame) {
        return isElement(frame, "presence") && hasAttribute(frame, "code", "110");
    }

    /** Status 201: we created the room, and it may stay locked until we accept a configuration. */
    static boolean isNewRoom(CharSequence frame) {
        return hasAttribute(frame, "code", "201");
    }

    /** A room message (an error bounce also carries the body, and must not count as a delivery). */
    static boolean isGroupchat(CharSequence frame) {
        return isElement(frame, "message") && hasAttribute(frame, "type", "groupchat");
    }

    static boolean isResult(CharSequence frame, String id) {
        return isElement(frame, "iq") && hasAttribute(frame, "id", id);
    }
}

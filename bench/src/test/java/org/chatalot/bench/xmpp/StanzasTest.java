package org.chatalot.bench.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class StanzasTest {

    @Test
    void saslPlainCarriesNulSeparatedCredentials() {
        String auth = Stanzas.authPlain("m7", "benchpass");
        String encoded = auth.substring(auth.indexOf('>') + 1, auth.indexOf("</auth>"));

        assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8))
                .isEqualTo("\0m7\0benchpass");
        assertThat(auth).contains("mechanism=\"PLAIN\"");
    }

    @Test
    void everyStanzaNamesTheClientNamespaceBecauseWebSocketFramingHasNoStreamToInheritItFrom() {
        List<String> stanzas = List.of(Stanzas.register("r", "u", "p"), Stanzas.bind("b", "bench"),
                Stanzas.joinRoom("bench@conference.localhost", "m1"),
                Stanzas.instantRoom("c", "bench@conference.localhost"),
                Stanzas.groupchat("bench@conference.localhost", "hi"));

        assertThat(stanzas).allSatisfy(s -> assertThat(s).contains("xmlns=\"jabber:client\""));
    }

    @Test
    void selfPresenceIsRecognisedInEitherQuoteStyle() {
        String prosody = "<presence from='bench@conference.localhost/m0'>"
                + "<x xmlns='http://jabber.org/protocol/muc#user'><status code='110'/><status code='201'/></x>"
                + "</presence>";
        String ejabberd = "<presence from=\"bench@conference.localhost/m0\"><x><status code=\"110\"/></x></presence>";
        String other = "<presence from='bench@conference.localhost/m3'><x><item role='participant'/></x></presence>";

        assertThat(Stanzas.isSelfPresence(prosody)).isTrue();
        assertThat(Stanzas.isNewRoom(prosody)).isTrue();
        assertThat(Stanzas.isSelfPresence(ejabberd)).isTrue();
        assertThat(Stanzas.isNewRoom(ejabberd)).isFalse();
        assertThat(Stanzas.isSelfPresence(other)).isFalse();
    }

    @Test
    void anErrorBounceIsNotARoomMessageThoughItCarriesTheBody() {
        String delivered = "<message type='groupchat' from='bench@conference.localhost/m0'><body>x</body></message>";
        String bounce = "<message type='error' from='bench@conference.localhost'><body>x</body><error/></message>";

        assertThat(Stanzas.isGroupchat(delivered)).isTrue();
        assertThat(Stanzas.isGroupchat(bounce)).isFalse();
    }

    @Test
    void resultsAreMatchedById() {
        assertThat(Stanzas.isResult("<iq type='result' id='bind'><bind/></iq>", "bind")).isTrue();
        assertThat(Stanzas.isResult("<iq type='result' id='reg'/>", "bind")).isFalse();
        assertThat(Stanzas.isElement("<stream:features xmlns:stream='x'><bind/></stream:features>", "features"))
                .isTrue();
    }
}

package org.chatalot.bench.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkerTest {

    @Test
    void markerIsFoundInsideAJsonEvent() {
        Marker sent = new Marker(3, 7, 123_456_789L);
        String event = "{\"seq\":9,\"type\":\"new_message\",\"message\":{\"content\":\"" + sent.text() + "\"}}";

        assertThat(Marker.find(event)).isEqualTo(sent);
    }

    @Test
    void markerIsFoundInsideAnXmppStanza() {
        String stanza = "<message from='bench@conference.localhost/m0' type='groupchat'><body>bench:0:12:99;</body>"
                + "</message>";

        assertThat(Marker.find(stanza)).isEqualTo(new Marker(0, 12, 99));
    }

    @Test
    void framesWithoutAMarkerGiveNull() {
        assertThat(Marker.find("{\"type\":\"message_sent\",\"client_id\":\"c-1\"}")).isNull();
        assertThat(Marker.find("<presence from='bench@conference.localhost/m1'/>")).isNull();
    }

    @Test
    void truncatedOrGarbledMarkersGiveNull() {
        assertThat(Marker.find("bench:1:2:345")).isNull();
        assertThat(Marker.find("bench:x:2:345;")).isNull();
    }
}

package org.chatalot.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.chatalot.bench.core.Marker;

class ReceiversTest {

    @Test
    void countsDeliveriesOfTheCurrentRoundToOthersOnly() {
        FanoutBench.Receivers receivers = new FanoutBench.Receivers(3);
        receivers.startRound(4);
        long now = System.nanoTime();

        receivers.onFrame(1, "<message type='groupchat'><body>" + new Marker(4, 0, now).text() + "</body></message>");
        receivers.onFrame(0, "<message type='groupchat'><body>" + new Marker(4, 0, now).text() + "</body></message>");
        receivers.onFrame(2, "{\"content\":\"" + new Marker(3, 0, now).text() + "\"}");
        receivers.onFrame(2, "{\"type\":\"presence\"}");

        assertThat(receivers.delivered()).isEqualTo(1);
        assertThat(receivers.sortedLatencies()).hasSize(1);
    }

    @Test
    void stoppingKeepsTheCountsAndANewRoundClearsThem() {
        FanoutBench.Receivers receivers = new FanoutBench.Receivers(2);
        receivers.startRound(0);
        receivers.onFrame(1, new Marker(0, 0, System.nanoTime()).text());

        receivers.stopRound();
        receivers.onFrame(1, new Marker(0, 0, System.nanoTime()).text());
        assertThat(receivers.delivered()).isEqualTo(1);

        receivers.startRound(1);
        assertThat(receivers.delivered()).isZero();
    }
}

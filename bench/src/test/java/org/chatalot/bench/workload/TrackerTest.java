package org.chatalot.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.chatalot.bench.core.Marker;

class TrackerTest {

    @Test
    void aMessageCountsOnlyOnceItIsBothStoredAndDeliveredAndTakesTheLaterOfTheTwo() {
        Tracker tracker = new Tracker(1, 2, 2);
        long sent = System.nanoTime();
        long millisecond = 1_000_000;
        tracker.sent(0, sent);
        tracker.sent(1, sent);

        // Delivered after 1 ms, stored (its message_sent) after 5 ms: it took 5 ms.
        tracker.onFrame(1, "{\"type\":\"new_message\",\"message\":{\"content\":\"" + new Marker(1, 0, sent).text()
                + "\"}}", sent + millisecond);
        tracker.onFrame(0, "{\"seq\":3,\"type\":\"message_sent\",\"client_id\":\"" + Tracker.clientId(1, 0)
                + "\",\"message_id\":\"x\"}", sent + 5 * millisecond);
        tracker.onFrame(1, "{\"type\":\"new_message\",\"message\":{\"content\":\"" + new Marker(1, 1, sent).text()
                + "\"}}", sent + 2 * millisecond);

        LatencyBench.Result result = tracker.result("DM", 2, 10, 2, "0");
        assertThat(result.expected()).isEqualTo(2);
        assertThat(result.complete()).isEqualTo(1);
        assertThat(result.p99Ms()).isGreaterThanOrEqualTo(5.0);
    }

    @Test
    void perMessageAMessageIsDoneAtItsLastReceiverOrNeverWhenOneIsMissing() {
        Tracker tracker = new Tracker(1, 2, 3);
        long sent = System.nanoTime() - 1_000_000_000L;
        tracker.sent(0, sent);
        tracker.sent(1, sent);
        for (int message = 0; message < 2; message++) {
            tracker.onFrame(0, "{\"type\":\"message_sent\",\"client_id\":\"" + Tracker.clientId(1, message)
                    + "\"}");
            tracker.onFrame(1, "{\"content\":\"" + new Marker(1, message, sent).text() + "\"}");
        }
        tracker.onFrame(2, "{\"content\":\"" + new Marker(1, 0, sent).text() + "\"}");

        TailReport.Sent[] messages = tracker.perMessage();

        assertThat(messages[0].clientId()).isEqualTo(Tracker.clientId(1, 0));
        assertThat(messages[0].done()).isEqualTo(Math.max(messages[0].acked(), messages[0].lastDelivery()));
        assertThat(messages[0].latency()).isGreaterThanOrEqualTo(1_000_000_000L);
        assertThat(messages[1].done()).as("receiver 2 never had message 1").isZero();
        assertThat(tracker.tail()).contains("over 10 ms: 3 of 3 deliveries, 2 of 2 messages");
    }

    @Test
    void deliveriesOfAnotherRoundAreIgnored() {
        Tracker tracker = new Tracker(2, 1, 2);
        tracker.sent(0, System.nanoTime());
        tracker.onFrame(0, "{\"type\":\"message_sent\",\"client_id\":\"" + Tracker.clientId(1, 0) + "\"}");
        tracker.onFrame(1, "{\"content\":\"" + new Marker(1, 0, 1).text() + "\"}");

        assertThat(tracker.result("DM", 2, 10, 1, "0").complete()).isZero();
    }
}

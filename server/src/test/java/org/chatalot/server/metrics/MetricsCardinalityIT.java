package org.chatalot.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.chatalot.server.testing.TestServer;

/**
 * Nothing a client sends can add metric series: not made-up method names, not paths, not query strings. A
 * first batch of strange requests may add the few series for what they are answered with; a second batch of
 * entirely different strange requests adds none.
 */
class MetricsCardinalityIT {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
            "TRACE", "CONNECT", "OTHER");

    @RegisterExtension
    static TestServer server = TestServer.create();

    private final Random random = new Random(7);

    @Test
    void madeUpMethodsAndPathsDoNotAddSeries() {
        strangeRequests(60);
        Set<String> afterFirst = chatalotSeries();
        strangeRequests(60);
        Set<String> afterSecond = chatalotSeries();

        assertThat(afterSecond).as("series added by the second batch").isEqualTo(afterFirst);
        assertThat(afterSecond).allSatisfy(series -> {
            if (series.contains("method=\"")) {
                String method = series.replaceAll(".*method=\"([^\"]*)\".*", "$1");
                assertThat(METHODS).contains(method);
            }
        });
    }

    private void strangeRequests(int count) {
        for (int i = 0; i < count; i++) {
            String method = randomWord(3 + random.nextInt(8));
            String path = switch (i % 4) {
                case 0 -> "/api/" + randomWord(6).toLowerCase() + "/" + random.nextLong();
                case 1 -> "/" + randomWord(10).toLowerCase() + ".html?q=" + random.nextLong();
                case 2 -> "/api/health?" + randomWord(5) + "=" + random.nextInt();
                default -> "/ws/" + randomWord(4);
            };
            server.send(server.request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
        }
    }

    /** Every chatalot_* series (name and labels) the loopback listener's scrape shows. */
    private static Set<String> chatalotSeries() {
        String body = server.send(HttpRequest.newBuilder(server.localUri("/metrics")).GET().build()).body();
        Set<String> series = new TreeSet<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("chatalot_")) {
                series.add(line.substring(0, line.lastIndexOf(' ')));
            }
        }
        return series;
    }

    private String randomWord(int length) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('A' + random.nextInt(26)));
        }
        return word.toString();
    }
}

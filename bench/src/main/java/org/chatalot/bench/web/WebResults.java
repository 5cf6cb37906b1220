package org.chatalot.bench.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * W8's figures, summarised from what the browser script measured, with the budgets of the web client and
 * the section of docs/performance.md they make.
 */
public record WebResults(String machine, int bigChannel, int trafficRate,
                         Load cold, Load warm, Stats switchMs, Stats echoMs, Stats interactionMs,
                         int interactionRounds, int messagesWhileInteracting,
                         double maxHeapMb, int maxDomNodes, int maxMessagesInPage, int pagesUp, int pagesDown,
                         List<String> coldFiles, Upload upload) {

    /**
     * The file sent through the composer: its size, time, progress updates, longest gap, where that gap began (the
     * share of the file the bar showed; NaN before the bar appeared), the gap from the bar's last move to the
     * server's answer, server memory.
     */
    public record Upload(long bytes, double ms, int updates, double maxGapMs, double maxGapFrom, double lastGapMs,
                         double serverPeakGrowthMiB) {
    }

    /** One kind of page load: medians over the runs (requests: the most any run made). */
    public record Load(double firstMessageMs, int pageRequests, double pageKb, int apiRequests, double apiKb,
                       int fromCache) {
    }

    public record Stats(int count, double p50, double p75, double p95, double p98, double max) {
        static Stats of(List<Double> values) {
            List<Double> sorted = values.stream().sorted().toList();
            return new Stats(sorted.size(), at(sorted, 0.50), at(sorted, 0.75), at(sorted, 0.95), at(sorted, 0.98),
                    sorted.isEmpty() ? 0 : sorted.getLast());
        }

        private static double at(List<Double> sorted, double quantile) {
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(quantile * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    static WebResults from(JsonNode measured, int bigChannel, int trafficRate, String machine) {
        List<Double> heaps = new ArrayList<>();
        List<Integer> nodes = new ArrayList<>();
        List<Integer> inPage = new ArrayList<>();
        for (JsonNode sample : measured.at("/big/samples")) {
            heaps.add(sample.get("heapBytes").asDouble() / (1024 * 1024));
            nodes.add(sample.get("domNodes").asInt());
            inPage.add(sample.get("messagesInPage").asInt());
        }
        List<String> files = new ArrayList<>();
        measured.at("/cold/0/files").forEach(file -> files.add(file.asText()));
        return new WebResults(machine, bigChannel, trafficRate, load(measured.get("cold")), load(measured.get("warm")),
                Stats.of(numbers(measured.get("switchMs"))), Stats.of(numbers(measured.get("echoMs"))),
                Stats.of(numbers(measured.get("interactions"))), measured.path("interactionRounds").asInt(),
                measured.path("messagesWhileInteracting").asInt(),
                heaps.stream().max(Comparator.naturalOrder()).orElse(0.0),
                nodes.stream().max(Comparator.naturalOrder()).orElse(0),
                inPage.stream().max(Comparator.naturalOrder()).orElse(0),
                measured.at("/big/pagesUp").asInt(), measured.at("/big/pagesDown").asInt(), files,
                measured.has("upload") ? new Upload(measured.at("/upload/bytes").asLong(), measured.at("/upload/ms")
                        .asDouble(), measured.at("/upload/updates").asInt(), measured.at("/upload/maxGapMs").asDouble(),
                        numberOrNaN(measured.at("/upload/maxGapFrom")), numberOrNaN(measured.at("/upload/lastGapMs")),
                        measured.at("/upload/serverPeakGrowthMiB").asDouble()) : null);
    }

    /** A number the script measured; NaN where it wrote null or nothing (results of an older script). */
    private static double numberOrNaN(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static Load load(JsonNode runs) {
        return new Load(Stats.of(field(runs, "firstMessageMs")).p50(),
                (int) Stats.of(field(runs, "pageRequests")).max(), Stats.of(field(runs, "pageBytes")).p50() / 1024,
                (int) Stats.of(field(runs, "apiRequests")).max(), Stats.of(field(runs, "apiBytes")).p50() / 1024,
                (int) Stats.of(field(runs, "fromCache")).p50());
    }

    private static List<Double> field(JsonNode runs, String name) {
        return StreamSupport.stream(runs.spliterator(), false).map(run -> run.get(name).asDouble()).toList();
    }

    private static List<Double> numbers(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asDouble).toList();
    }

    /** The W8 section of docs/performance.md: the budgets table, then the detail. */
    public String section() {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(machine).append(". Headless Chromium (Debian's) → nginx (TLS 1.3, HTTP/2) → ")
                .append("the server, all on loopback; the browser signs in once, then every load below comes back through the refresh cookie.\n\n");
        md.append("| budget | measured | target | |\n|---|---|---|---|\n");
        row(md, "first load: page and code, compressed", fmt(cold.pageKb()) + " KB", "≤ 150 KB", cold.pageKb() <= 150);
        row(md, "first load: requests for the page and code", cold.pageRequests() + " (+ " + cold.apiRequests()
                + " API, 1 WebSocket)", "≤ 15", cold.pageRequests() <= 15);
        row(md, "time to first message, cold cache (median)", ms(cold.firstMessageMs()), "≤ 1,500 ms",
                cold.firstMessageMs() <= 1500);
        row(md, "time to first message, warm cache (median)", ms(warm.firstMessageMs()), "≤ 800 ms",
                warm.firstMessageMs() <= 800);
        row(md, "channel switch from cache (p95 of " + switchMs.count() + ")", ms(switchMs.p95()), "≤ 100 ms",
                switchMs.p95() <= 100);
        row(md, "local echo (p95 of " + echoMs.count() + ")", ms(echoMs.p95()), "≤ 50 ms", echoMs.p95() <= 50);
        row(md, "interaction latency, INP-like (p98 of " + interactionMs.count() + ") while " + trafficRate
                + " msg/s arrive", ms(interactionMs.p98()), "≤ 100 ms", interactionMs.p98() <= 100);
        row(md, "JS heap, " + String.format(Locale.ROOT, "%,d", bigChannel) + "-message channel to the top and back",
                fmt(maxHeapMb) + " MB", "≤ 60 MB", maxHeapMb <= 60);
        row(md, "DOM nodes, same walk", String.format(Locale.ROOT, "%,d", maxDomNodes), "≤ 15,000",
                maxDomNodes <= 15_000);
        if (upload != null) {
            String size = String.format(Locale.ROOT, "%,d MB", upload.bytes() / 1_000_000);
            row(md, "a " + size + " upload from the composer: longest time without progress", ms(upload.maxGapMs()),
                    "≤ 500 ms", upload.maxGapMs() <= 500);
            row(md, "same upload: server memory growth (peak RSS)", fmt(upload.serverPeakGrowthMiB()) + " MiB",
                    "≤ 32 MiB", upload.serverPeakGrowthMiB() <= 32);
        }
        md.append("\nDetail:\n\n");
        md.append("- Cold load: ").append(fmt(cold.pageKb())).append(" KB for the page and its code in ")
                .append(cold.pageRequests()).append(" requests, ").append(fmt(cold.apiKb())).append(" KB of API in ")
                .append(cold.apiRequests()).append(" requests. Warm load: ").append(warm.pageRequests())
                .append(" requests for the page (").append(warm.fromCache())
                .append(" files from the cache, unchanged since they carry the version in their URL), ")
                .append(warm.apiRequests()).append(" API.\n");
        md.append("- Channel switch p50 ").append(ms(switchMs.p50())).append(", max ").append(ms(switchMs.max()))
                .append("; local echo p50 ").append(ms(echoMs.p50())).append(", max ").append(ms(echoMs.max()))
                .append(".\n");
        md.append("- Interactions (typing, Enter, Ctrl+K and Esc, the members panel) in ").append(interactionRounds)
                .append(" rounds while ").append(messagesWhileInteracting).append(" messages arrived: p75 ")
                .append(ms(interactionMs.p75())).append(", max ").append(ms(interactionMs.max()))
                .append(" (Event Timing entries over 16 ms, the worst per interaction).\n");
        md.append("- The big channel: ").append(pagesUp).append(" pages up to its first message and ")
                .append(pagesDown).append(" back down; at most ").append(maxMessagesInPage)
                .append(" messages were in the page at once (the rest is dropped as the reader moves away).\n");
        if (upload != null) {
            md.append("- Upload: ").append(String.format(Locale.ROOT, "%,d", upload.bytes())).append(" bytes chosen in the ")
                    .append("composer's file input, sent by the client (XMLHttpRequest) through nginx in ")
                    .append(ms(upload.ms())).append("; the progress bar moved ").append(upload.updates())
                    .append(" times (read every frame); its longest time without progress began ")
                    .append(Double.isNaN(upload.maxGapFrom()) ? "before the bar appeared"
                            : String.format(Locale.ROOT, "with the bar at %.0f %%", upload.maxGapFrom() * 100))
                    .append(", and from its last move to the server's answer took ").append(ms(upload.lastGapMs()))
                    .append("; the server's peak memory is its resident set, the stricter measure of the heap ")
                    .append("budget.\n");
        }
        md.append("- Files of a cold load: ").append(String.join(", ", coldFiles.stream()
                .map(file -> "`" + file + "`").toList())).append(".\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String what, String measured, String target, boolean met) {
        md.append("| ").append(what).append(" | ").append(measured).append(" | ").append(target).append(" | ")
                .append(met ? "met" : "**missed**").append(" |\n");
    }

    private static String ms(double value) {
        return String.format(Locale.ROOT, "%,.0f ms", value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

package org.chatalot.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void aSectionIsReplacedInPlaceAndTheProseAroundItIsKept() {
        String doc = "# Perf\n\nintro\n\n<!-- bench:fanout -->\nold\n<!-- /bench:fanout -->\n\noutro\n";

        String updated = Report.replaceSection(doc, "fanout", "new table\n");

        assertThat(updated).isEqualTo("# Perf\n\nintro\n\n<!-- bench:fanout -->\nnew table\n<!-- /bench:fanout -->"
                + "\n\noutro\n");
    }

    @Test
    void aMissingSectionIsAppended() {
        assertThat(Report.replaceSection("# Perf\n", "idle", "x")).isEqualTo("# Perf\n\n<!-- bench:idle -->\nx\n"
                + "<!-- /bench:idle -->\n");
    }

    @Test
    void chartsArePngsWithOneLinePerServer(@TempDir Path dir) throws Exception {
        List<Path> charts = Charts.fanout(Fixtures.ladders(), dir, "test");

        assertThat(charts).hasSize(2);
        for (Path chart : charts) {
            BufferedImage image = ImageIO.read(chart.toFile());
            assertThat(image.getWidth()).isEqualTo(900);
            assertThat(image.getHeight()).isEqualTo(520);
        }
        assertThat(Charts.chart("t", "y", Fixtures.ladders(), r -> r.p99Ms(), "s", true).getXYPlot().getDataset()
                .getSeriesCount()).isEqualTo(3);
    }

    @Test
    void publishingWritesTheJsonAndTheSections(@TempDir Path repo) throws Exception {
        new Publisher(new Report(repo)).publish(Fixtures.results(Fixtures.ladders()), "suite", true, 10);

        assertThat(repo.resolve("bench/results/suite.json")).content().contains("\"suite\" : \"suite\"",
                "\"deliveredPerSecond\"");
        assertThat(repo.resolve("docs/performance.md")).content().contains("<!-- bench:summary -->",
                "<!-- bench:fanout -->", "**ejabberd 23.01**");
        assertThat(Files.exists(repo.resolve("docs/images/fanout-delivered.png"))).isTrue();
    }
}

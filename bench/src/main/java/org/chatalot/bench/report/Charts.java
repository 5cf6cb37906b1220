package org.chatalot.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import org.chatalot.bench.workload.Rung;

/** The fan-out charts: delivered/s and p99 latency against the offered rate, one line per server. */
public final class Charts {
    private static final String X_LABEL = "offered messages per second (each goes to every other member)";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0x7f7f7f), new Color(0xd62728),
        new Color(0x2ca02c), new Color(0x9467bd)};

    private Charts() {
    }

    /** Writes {@code fanout-delivered.png} and {@code fanout-p99.png} into {@code dir}; returns their paths. */
    public static List<Path> fanout(Map<String, List<Rung>> ladders, Path dir, String subtitle) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        Path delivered = dir.resolve("fanout-delivered.png");
        Path p99 = dir.resolve("fanout-p99.png");
        write(chart("Fan-out: deliveries per second", "delivered per second", ladders,
                Rung::deliveredPerSecond, subtitle, false), delivered);
        write(chart("Fan-out: p99 send→deliver latency", "p99 latency (ms, log scale)", ladders, Rung::p99Ms,
                subtitle, true), p99);
        return List.of(delivered, p99);
    }

    static JFreeChart chart(String title, String yLabel, Map<String, List<Rung>> ladders,
                            ToDoubleFunction<Rung> value, String subtitle, boolean logarithmic) {
        XYSeriesCollection data = new XYSeriesCollection();
        ladders.forEach((server, rungs) -> {
            XYSeries series = new XYSeries(server);
            for (Rung rung : rungs) {
                double y = value.applyAsDouble(rung);
                if (Double.isFinite(y) && (!logarithmic || y > 0)) {
                    series.add(rung.offeredMessagesPerSecond(), y);
                }
            }
            data.addSeries(series);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, X_LABEL, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.addSubtitle(new TextTitle(subtitle));
        style(chart.getXYPlot(), data.getSeriesCount(), logarithmic ? yLabel : null);
        return chart;
    }

    private static void style(XYPlot plot, int series, String logLabel) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series; i++) {
            renderer.setSeriesPaint(i, COLORS[i % COLORS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        if (logLabel != null) {
            LogarithmicAxis axis = new LogarithmicAxis(logLabel);
            axis.setAllowNegativesFlag(false);
            axis.setStrictValuesFlag(false);
            plot.setRangeAxis(axis);
        }
    }

    private static void write(JFreeChart chart, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        System.out.println("wrote " + file);
    }
}

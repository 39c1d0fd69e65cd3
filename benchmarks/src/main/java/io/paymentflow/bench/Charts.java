package io.paymentflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The end-to-end benchmark's PNG, drawn by XChart: completed against offered events/s (with the
 * line where they are equal), and latency percentiles against offered load on a log axis.
 */
final class Charts {

  private static final int WIDTH = 620;
  private static final int HEIGHT = 420;

  private Charts() {}

  static void write(List<LoadResult> results, String title, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    double[] offered = results.stream().mapToDouble(LoadResult::offeredPerSecond).toArray();

    XYChart throughput = chart(title + ": throughput", "completed events/s");
    throughput.addSeries("offered = completed", offered, offered).setMarker(SeriesMarkers.NONE);
    throughput.addSeries(
        "completed",
        offered,
        results.stream().mapToDouble(LoadResult::completedPerSecond).toArray());

    XYChart latency = chart(title + ": event to row", "latency ms (log)");
    latency.getStyler().setYAxisLogarithmic(true);
    latency.addSeries(
        "p50", offered, positive(results.stream().mapToDouble(LoadResult::p50Millis).toArray()));
    latency.addSeries(
        "p95", offered, positive(results.stream().mapToDouble(LoadResult::p95Millis).toArray()));
    latency.addSeries(
        "p99", offered, positive(results.stream().mapToDouble(LoadResult::p99Millis).toArray()));

    BitmapEncoder.saveBitmap(List.of(throughput, latency), 1, 2, png.toString(), BitmapFormat.PNG);
  }

  private static XYChart chart(String title, String yTitle) {
    XYChart chart =
        new XYChartBuilder()
            .width(WIDTH)
            .height(HEIGHT)
            .title(title)
            .xAxisTitle("offered events/s")
            .yAxisTitle(yTitle)
            .build();
    chart.getStyler().setLegendPosition(LegendPosition.InsideNW);
    chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(13f));
    return chart;
  }

  /** A log axis cannot draw 0 or NaN (a step where nothing landed): draw 1 ms instead. */
  private static double[] positive(double[] values) {
    double[] drawn = values.clone();
    for (int i = 0; i < drawn.length; i++) {
      if (!(drawn[i] >= 1)) {
        drawn[i] = 1;
      }
    }
    return drawn;
  }
}

package io.paymentflow.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A two-panel PNG: completed events/s against offered load, and latency percentiles against offered
 * load. Plain Java2D, headless, so the harness needs no plotting library.
 */
final class LineChart {

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 420;
  private static final int MARGIN = 60;

  private LineChart() {}

  static void write(List<LoadResult> results, String title, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, MARGIN, 22);
    double maxOffered = results.stream().mapToDouble(LoadResult::offeredPerSecond).max().orElse(1);
    double maxRate =
        Math.max(
            maxOffered,
            results.stream().mapToDouble(LoadResult::completedPerSecond).max().orElse(1));
    double maxLatency = results.stream().mapToDouble(LoadResult::p99Millis).max().orElse(1);
    int panel = (WIDTH - 3 * MARGIN) / 2;
    panel(g, MARGIN, panel, "events/s completed vs offered", maxOffered, maxRate);
    series(
        g,
        MARGIN,
        panel,
        maxOffered,
        maxRate,
        results,
        r -> r.offeredPerSecond(),
        Color.LIGHT_GRAY,
        "offered");
    series(
        g,
        MARGIN,
        panel,
        maxOffered,
        maxRate,
        results,
        LoadResult::completedPerSecond,
        Color.BLUE,
        "completed");
    int right = 2 * MARGIN + panel;
    panel(g, right, panel, "event-to-row latency (ms) vs offered", maxOffered, maxLatency);
    series(
        g,
        right,
        panel,
        maxOffered,
        maxLatency,
        results,
        LoadResult::p50Millis,
        Color.GREEN.darker(),
        "p50");
    series(
        g,
        right,
        panel,
        maxOffered,
        maxLatency,
        results,
        LoadResult::p95Millis,
        Color.ORANGE,
        "p95");
    series(
        g, right, panel, maxOffered, maxLatency, results, LoadResult::p99Millis, Color.RED, "p99");
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static void panel(
      Graphics2D g, int x, int width, String label, double maxX, double maxY) {
    int top = 50;
    int bottom = HEIGHT - MARGIN;
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1));
    g.drawLine(x, bottom, x + width, bottom);
    g.drawLine(x, top, x, bottom);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(label, x, top - 8);
    g.drawString("0", x - 12, bottom + 14);
    g.drawString(String.format("%.0f", maxY), x - 50, top + 4);
    g.drawString(String.format("offered %.0f/s", maxX), x + width - 80, bottom + 30);
  }

  private static void series(
      Graphics2D g,
      int x,
      int width,
      double maxX,
      double maxY,
      List<LoadResult> results,
      java.util.function.ToDoubleFunction<LoadResult> y,
      Color color,
      String name) {
    int top = 50;
    int bottom = HEIGHT - MARGIN;
    g.setColor(color);
    g.setStroke(new BasicStroke(2));
    int prevX = -1;
    int prevY = -1;
    for (LoadResult r : results) {
      int px = x + (int) (width * r.offeredPerSecond() / maxX);
      int py = bottom - (int) ((bottom - top) * y.applyAsDouble(r) / maxY);
      g.fillOval(px - 3, py - 3, 6, 6);
      if (prevX >= 0) {
        g.drawLine(prevX, prevY, px, py);
      }
      prevX = px;
      prevY = py;
    }
    if (prevX >= 0) {
      g.drawString(name, prevX + 6, prevY);
    }
  }
}

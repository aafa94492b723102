package org.lowmag.infer;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The legend of a heatmap, drawn (Java2D, headless-safe, the logical {@code SansSerif} font) in a
 * white margin right of the map, which stays at the top left with its geometry unchanged. From the
 * top: the slide name (bold) and the class; a vertical {@link Viridis} colour bar, high at the top,
 * with ticks at 0, 1/4, 1/2, 3/4 and 1 of its range labelled with the values they stand for; and
 * what the colours show and on which scale ({@link HeatmapScale}). Sizes follow the map: the font
 * is {@code f = clamp(round(max(width, height) / 64), 12, 28)} px and the bar {@code 10 f} px tall;
 * the image grows below the map (white) when the legend is taller than the map. The margin is as
 * wide as its text, a title longer than {@link #MAX_TITLE_FONTS} {@code f} cut short with "...".
 */
final class HeatmapLegend {

    /** Ticks, as fractions of the bar's range. */
    static final double[] TICKS = {0, 0.25, 0.5, 0.75, 1};

    /** Titles wider than this many font sizes are cut short with "...". */
    static final int MAX_TITLE_FONTS = 20;

    private static final Color INK = new Color(0x202020);
    private static final Color RULE = new Color(0xC8C8C8);

    private HeatmapLegend() {}

    /**
     * @param map the coloured map, placed at {@code (0, 0)}
     * @param slideName the slide, for the title
     * @param className the class the map shows
     * @param scale what the colours show
     * @param low the value of viridis' first stop
     * @param high the value of its last stop
     * @return the map with the legend right of it
     */
    static BufferedImage attach(
            BufferedImage map,
            String slideName,
            String className,
            HeatmapScale scale,
            double low,
            double high) {
        int f = fontPx(map.getWidth(), map.getHeight());
        Font plain = new Font(Font.SANS_SERIF, Font.PLAIN, f);
        Font bold = new Font(Font.SANS_SERIF, Font.BOLD, Math.round(f * 1.15f));
        List<String> ticks = tickLabels(scale, low, high);
        List<String> caption = caption(scale, low, high);
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D m = scratch.createGraphics();
        try {
            FontMetrics pm = m.getFontMetrics(plain);
            FontMetrics bm = m.getFontMetrics(bold);
            String subtitle = "class: " + className;
            int titleWidth = Math.max(bm.stringWidth(slideName), pm.stringWidth(subtitle));
            Layout l = layout(f, map, pm, bm, titleWidth, ticks, caption);
            String title = ellipsize(slideName, bm, l.textWidth());
            subtitle = ellipsize(subtitle, pm, l.textWidth());
            BufferedImage out =
                    new BufferedImage(l.width(), l.height(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, l.width(), l.height());
                g.drawImage(map, 0, 0, null);
                g.setColor(RULE);
                g.drawLine(map.getWidth(), 0, map.getWidth(), l.height() - 1);
                g.setRenderingHint(
                        RenderingHints.KEY_TEXT_ANTIALIASING,
                        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(INK);
                int y = f + bm.getAscent();
                g.setFont(bold);
                g.drawString(title, l.left(), y);
                y += bm.getDescent() + pm.getAscent() + f / 4;
                g.setFont(plain);
                g.drawString(subtitle, l.left(), y);
                drawBar(g, l, pm, ticks);
                y = l.barTop() + l.barHeight() + f + pm.getAscent();
                for (String line : caption) {
                    g.drawString(line, l.left(), y);
                    y += pm.getHeight();
                }
            } finally {
                g.dispose();
            }
            return out;
        } finally {
            m.dispose();
        }
    }

    /**
     * Where things go.
     *
     * @param width image width
     * @param height image height
     * @param left x of the legend's content
     * @param textWidth widest text allowed
     * @param barTop y of the bar's top row
     * @param barWidth bar width
     * @param barHeight bar height
     * @param font font size
     */
    private record Layout(
            int width,
            int height,
            int left,
            int textWidth,
            int barTop,
            int barWidth,
            int barHeight,
            int font) {}

    private static Layout layout(
            int f,
            BufferedImage map,
            FontMetrics pm,
            FontMetrics bm,
            int titleWidth,
            List<String> ticks,
            List<String> caption) {
        int barWidth = Math.round(f * 1.2f);
        int barHeight = 10 * f;
        int widest = 0;
        for (String t : ticks) {
            widest = Math.max(widest, pm.stringWidth(t));
        }
        int content = barWidth + f / 3 + f / 3 + widest;
        for (String line : caption) {
            content = Math.max(content, pm.stringWidth(line));
        }
        int textWidth = Math.max(content, Math.min(titleWidth, MAX_TITLE_FONTS * f));
        int barTop = f + bm.getHeight() + f / 4 + pm.getHeight() + f;
        int legendHeight =
                barTop + barHeight + f + caption.size() * pm.getHeight() + pm.getDescent() + f;
        int left = map.getWidth() + f;
        return new Layout(
                left + textWidth + f,
                Math.max(map.getHeight(), legendHeight),
                left,
                textWidth,
                barTop,
                barWidth,
                barHeight,
                f);
    }

    /** The bar, row {@code r} coloured {@code Viridis(1 - (r + 0.5) / height)}, with its ticks. */
    private static void drawBar(Graphics2D g, Layout l, FontMetrics pm, List<String> ticks) {
        for (int r = 0; r < l.barHeight(); r++) {
            g.setColor(new Color(Viridis.rgb(1 - (r + 0.5) / l.barHeight())));
            g.drawLine(l.left(), l.barTop() + r, l.left() + l.barWidth() - 1, l.barTop() + r);
        }
        g.setColor(INK);
        g.drawRect(l.left(), l.barTop(), l.barWidth() - 1, l.barHeight() - 1);
        int tick = l.font() / 3;
        int x = l.left() + l.barWidth();
        for (int i = 0; i < TICKS.length; i++) {
            int y = tickY(l.barTop(), l.barHeight(), TICKS[i]);
            g.drawLine(x, y, x + tick, y);
            g.drawString(ticks.get(i), x + 2 * tick, y + (pm.getAscent() - pm.getDescent()) / 2);
        }
    }

    /**
     * @param barTop y of the bar's top row
     * @param barHeight its height
     * @param t a fraction of the range
     * @return the row of the tick: {@code barTop + round((1 - t)(barHeight - 1))}
     */
    static int tickY(int barTop, int barHeight, double t) {
        return barTop + (int) Math.round((1 - t) * (barHeight - 1));
    }

    /**
     * @param width map width
     * @param height map height
     * @return the font size in pixels: {@code clamp(round(max(width, height) / 64), 12, 28)}
     */
    static int fontPx(int width, int height) {
        return (int) Math.min(28, Math.max(12, Math.round(Math.max(width, height) / 64.0)));
    }

    static List<String> tickLabels(HeatmapScale scale, double low, double high) {
        List<String> out = new ArrayList<>();
        for (double t : TICKS) {
            out.add(
                    scale == HeatmapScale.FIXED
                            ? number(t)
                            : value(low + t * (high - low), high - low));
        }
        return out;
    }

    static List<String> caption(HeatmapScale scale, double low, double high) {
        if (scale == HeatmapScale.FIXED) {
            return List.of("local probability", "fixed scale: 0 to 1");
        }
        return List.of(
                "class activation (CAM)",
                "stretched to this slide:",
                value(low, high - low) + " to " + value(high, high - low));
    }

    /**
     * @param v a value of a stretched range
     * @param range the range's width
     * @return {@code v} with {@code clamp(2 - floor(log10(range)), 0, 6)} decimals (3 when the
     *     range is empty), so ticks differ in their last two digits; never {@code -0.00}
     */
    static String value(double v, double range) {
        int decimals =
                range > 0 ? (int) Math.min(6, Math.max(0, 2 - Math.floor(Math.log10(range)))) : 3;
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0\\.?0*") ? s.substring(1) : s;
    }

    /** {@code 0}, {@code 0.25}, {@code 0.5}, {@code 1}: no trailing zeros. */
    private static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String ellipsize(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String s = text;
        while (!s.isEmpty() && fm.stringWidth(s + "...") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "...";
    }
}

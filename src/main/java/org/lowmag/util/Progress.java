package org.lowmag.util;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line text progress bar with count, rate and ETA, written to stderr. On a terminal the line
 * is redrawn in place; otherwise (logs, CI) a new line is printed at most every few seconds.
 *
 * <p>Thread-safe: workers may call {@link #step()} concurrently.
 */
public final class Progress implements AutoCloseable {

    private static final int BAR_WIDTH = 28;
    private static final long REDRAW_NANOS_TTY = 200_000_000L;
    private static final long REDRAW_NANOS_LOG = 5_000_000_000L;

    private final String label;
    private final long total;
    private final String unit;
    private final PrintStream out;
    private final boolean tty;
    private final long startNanos;
    private long done;
    private long lastDraw;
    private String suffix = "";
    private boolean closed;

    /**
     * @param label what is being done ("prepare", "epoch 3/10")
     * @param total how many units in all (0 or less when unknown)
     * @param unit the unit's name ("slides", "tissues")
     */
    public Progress(String label, long total, String unit) {
        this(label, total, unit, System.err, System.console() != null);
    }

    Progress(String label, long total, String unit, PrintStream out, boolean tty) {
        this.label = label;
        this.total = total;
        this.unit = unit;
        this.out = out;
        this.tty = tty;
        this.startNanos = System.nanoTime();
        this.lastDraw = startNanos;
    }

    /** Counts one unit done. */
    public void step() {
        step(1);
    }

    /**
     * Counts units done.
     *
     * @param n how many
     */
    public synchronized void step(long n) {
        done += n;
        long now = System.nanoTime();
        long gap = tty ? REDRAW_NANOS_TTY : REDRAW_NANOS_LOG;
        if (now - lastDraw >= gap || (total > 0 && done >= total)) {
            lastDraw = now;
            draw(now, false);
        }
    }

    /**
     * Sets a short text shown after the bar (e.g. the running loss).
     *
     * @param text the text
     */
    public synchronized void setSuffix(String text) {
        this.suffix = text == null ? "" : text;
    }

    /**
     * @return the units done so far
     */
    public synchronized long done() {
        return done;
    }

    /** Prints the final line. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        draw(System.nanoTime(), true);
    }

    private void draw(long now, boolean last) {
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder();
        line.append(label).append(' ');
        if (total > 0) {
            int filled = (int) Math.min(BAR_WIDTH, Math.round(BAR_WIDTH * (double) done / total));
            line.append('[')
                    .append("#".repeat(filled))
                    .append("-".repeat(BAR_WIDTH - filled))
                    .append("] ");
            line.append(done).append('/').append(total).append(' ').append(unit);
        } else {
            line.append(done).append(' ').append(unit);
        }
        line.append(String.format(Locale.ROOT, " %.2f %s/s", rate, unit));
        if (last) {
            line.append(" in ").append(formatSeconds(seconds));
        } else if (total > 0 && rate > 0) {
            line.append(" ETA ").append(formatSeconds((total - done) / rate));
        }
        if (!suffix.isEmpty()) {
            line.append(' ').append(suffix);
        }
        if (tty) {
            out.print("\r\033[K" + line + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    /**
     * Formats a duration as {@code 1h02m03s}, {@code 2m03s} or {@code 4.2s}.
     *
     * @param seconds the duration
     * @return the text
     */
    public static String formatSeconds(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1fs", seconds);
        }
        long s = Math.round(seconds);
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, (s % 3600) / 60, s % 60);
    }
}

package org.lowmag.prepare;

import org.lowmag.slide.SlideMetadata;

/**
 * How one magnification of one tissue is read from a slide's pyramid: which level, which rectangle
 * of it, and the output size the Lanczos resize makes of it.
 *
 * <p>For a tissue box {@code (x, y, w, h)} in level-0 pixels, a slide at {@code S}x and a wanted
 * {@code M}x:
 *
 * <pre>
 *   d      = max(1, S / M)                                 (downsample from level 0)
 *   level  = coarsest level with downsample &lt;= 1.01 d      (SlideMetadata#levelForDownsample)
 *   dsX    = W0 / W_level,  dsY = H0 / H_level             (the level's downsample per axis)
 *   levelX = round(x / dsX),  levelW = max(1, round((x + w) / dsX) - levelX)   (same for y)
 *   outW   = max(1, round(w / d)),  outH = max(1, round(h / d))
 * </pre>
 *
 * The remaining factor {@code levelW / outW ~ d / dsX} is resampled with Lanczos-3; it is 1 (an
 * exact copy) when a level has exactly the wanted downsample.
 *
 * @param magnification the wanted magnification
 * @param downsample {@code d}, level-0 pixels per output pixel
 * @param level the level read
 * @param levelX left edge of the rectangle, in level pixels
 * @param levelY top edge, in level pixels
 * @param levelWidthPx rectangle width in level pixels
 * @param levelHeightPx rectangle height in level pixels
 * @param outWidthPx output width
 * @param outHeightPx output height
 */
public record LevelRead(
        double magnification,
        double downsample,
        int level,
        long levelX,
        long levelY,
        int levelWidthPx,
        int levelHeightPx,
        int outWidthPx,
        int outHeightPx) {

    /** Validates. */
    public LevelRead {
        if (level < 0
                || levelWidthPx < 1
                || levelHeightPx < 1
                || outWidthPx < 1
                || outHeightPx < 1) {
            throw new IllegalArgumentException(
                    "bad level read: level "
                            + level
                            + ", "
                            + levelWidthPx
                            + "x"
                            + levelHeightPx
                            + " -> "
                            + outWidthPx
                            + "x"
                            + outHeightPx);
        }
    }

    /**
     * Plans the read of one magnification.
     *
     * @param meta the slide
     * @param x box left edge, level-0 pixels
     * @param y box top edge, level-0 pixels
     * @param widthL0 box width, level-0 pixels
     * @param heightL0 box height, level-0 pixels
     * @param slideMag the slide's level-0 magnification
     * @param mag the wanted magnification
     * @return the plan
     * @throws org.lowmag.util.LowMagException when {@code mag} is above the slide's (beyond 1%)
     */
    public static LevelRead plan(
            SlideMetadata meta,
            long x,
            long y,
            long widthL0,
            long heightL0,
            double slideMag,
            double mag) {
        double d = TissueCutter.downsample(slideMag, mag);
        int level = meta.levelForDownsample(d);
        double dsX = meta.levelDownsampleX(level);
        double dsY = meta.levelDownsampleY(level);
        long lx = Math.round(x / dsX);
        long ly = Math.round(y / dsY);
        long lw = Math.max(1, Math.round((x + widthL0) / dsX) - lx);
        long lh = Math.max(1, Math.round((y + heightL0) / dsY) - ly);
        return new LevelRead(
                mag,
                d,
                level,
                lx,
                ly,
                Math.toIntExact(lw),
                Math.toIntExact(lh),
                Math.toIntExact(Math.max(1, Math.round(widthL0 / d))),
                Math.toIntExact(Math.max(1, Math.round(heightL0 / d))));
    }

    /**
     * @param other another read
     * @return whether both read the same rectangle of the same level (so one pass serves both)
     */
    public boolean sameSource(LevelRead other) {
        return level == other.level
                && levelX == other.levelX
                && levelY == other.levelY
                && levelWidthPx == other.levelWidthPx
                && levelHeightPx == other.levelHeightPx;
    }
}

package org.lowmag.slide;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a slide file says about itself.
 *
 * @param path the file
 * @param widthPx level-0 width in pixels
 * @param heightPx level-0 height in pixels
 * @param levelWidthsPx width of each pyramid level, finest first
 * @param levelHeightsPx height of each pyramid level, finest first
 * @param downsamples level-0 pixels per level pixel, for each level (first is 1)
 * @param mppX micrometres per level-0 pixel horizontally, when recorded
 * @param mppY micrometres per level-0 pixel vertically, when recorded
 * @param objectivePower the scanner's objective magnification (e.g. 20), when recorded
 * @param vendor the format or scanner vendor ({@code aperio}, {@code generic-tiff}, ...)
 * @param associatedImages names of associated images ({@code thumbnail}, {@code label}, {@code
 *     macro})
 * @param properties raw key/value properties of the file
 */
public record SlideMetadata(
        String path,
        long widthPx,
        long heightPx,
        List<Long> levelWidthsPx,
        List<Long> levelHeightsPx,
        List<Double> downsamples,
        OptionalDouble mppX,
        OptionalDouble mppY,
        OptionalDouble objectivePower,
        String vendor,
        List<String> associatedImages,
        Map<String, String> properties) {

    /** Validates and copies. */
    public SlideMetadata {
        levelWidthsPx = List.copyOf(levelWidthsPx);
        levelHeightsPx = List.copyOf(levelHeightsPx);
        downsamples = List.copyOf(downsamples);
        associatedImages = List.copyOf(associatedImages);
        properties = Map.copyOf(properties);
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException(
                    path + ": slide size must be positive, got " + widthPx + "x" + heightPx);
        }
        if (downsamples.isEmpty()
                || downsamples.size() != levelWidthsPx.size()
                || downsamples.size() != levelHeightsPx.size()) {
            throw new IllegalArgumentException(path + ": inconsistent pyramid level lists");
        }
    }

    /**
     * @return number of pyramid levels
     */
    public int levelCount() {
        return downsamples.size();
    }

    /**
     * The level to read a downsample from: the coarsest level whose downsample is at most {@code
     * downsample * 1.01} (1% slack for scanners' rounded level sizes), so the full-resolution level
     * is never chosen when a coarser level is at least as fine.
     *
     * @param downsample level-0 pixels per output pixel, at least 1
     * @return the level index
     */
    public int levelForDownsample(double downsample) {
        if (!(downsample >= 1) || Double.isInfinite(downsample)) {
            throw new IllegalArgumentException(
                    "downsample must be a finite number >= 1, got " + downsample);
        }
        return LevelChooser.choose(downsamples, downsample);
    }

    /**
     * @param level a level
     * @return level-0 pixels per level pixel horizontally: {@code widthPx / levelWidthsPx[level]}
     */
    public double levelDownsampleX(int level) {
        return widthPx / (double) levelWidthsPx.get(level);
    }

    /**
     * @param level a level
     * @return level-0 pixels per level pixel vertically: {@code heightPx / levelHeightsPx[level]}
     */
    public double levelDownsampleY(int level) {
        return heightPx / (double) levelHeightsPx.get(level);
    }
}

package org.lowmag.infer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.slide.RegionRequest;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;
import org.lowmag.tissue.TissueBox;

/**
 * Reads one tissue at the model's magnification following a {@link ReadPlan}: the box is widened to
 * whole pixels of the planned level, {@code [floor(x / ds), ceil((x + w) / ds))} (same for y), read
 * at exactly that level's downsample {@code ds} (so the reader copies level pixels without
 * averaging), then resized with Lanczos-3 by {@code f = d / ds} to {@code max(1, round(levelWidth /
 * f))} pixels a side: the convention of the training images ({@link LanczosResampler#downsample}).
 */
public final class TissueReader {

    private final SlideReader reader;
    private final ReadPlan plan;
    private final LanczosResampler resampler;

    /**
     * @param reader the open slide
     * @param plan the read plan for this slide
     * @param resampler the Lanczos resampler
     */
    public TissueReader(SlideReader reader, ReadPlan plan, LanczosResampler resampler) {
        this.reader = reader;
        this.plan = plan;
        this.resampler = resampler;
    }

    /**
     * @param box a tissue box in level-0 pixels
     * @return the region read from the planned level (level-0 coordinates, level downsample)
     */
    public RegionRequest levelRequest(TissueBox box) {
        return levelRequest(reader.metadata(), plan, box);
    }

    /**
     * @param meta the slide
     * @param plan the read plan
     * @param box a tissue box in level-0 pixels
     * @return the region read from the planned level (level-0 coordinates, level downsample)
     */
    static RegionRequest levelRequest(SlideMetadata meta, ReadPlan plan, TissueBox box) {
        double ds = plan.levelDownsample();
        long levelW = meta.levelWidthsPx().get(plan.level());
        long levelH = meta.levelHeightsPx().get(plan.level());
        long lx0 = (long) Math.floor(box.x() / ds);
        long ly0 = (long) Math.floor(box.y() / ds);
        long lx1 =
                Math.max(lx0 + 1, Math.min(levelW, (long) Math.ceil((box.x() + box.width()) / ds)));
        long ly1 =
                Math.max(
                        ly0 + 1, Math.min(levelH, (long) Math.ceil((box.y() + box.height()) / ds)));
        long x = Math.round(lx0 * ds);
        long y = Math.round(ly0 * ds);
        long w = Math.max(1, Math.round((lx1 - lx0) * ds));
        long h = Math.max(1, Math.round((ly1 - ly0) * ds));
        return new RegionRequest(x, y, w, h, ds);
    }

    /**
     * @param box a tissue box in level-0 pixels
     * @return the tissue at the model's magnification, RGB
     * @throws IOException when the slide cannot be read
     */
    public BufferedImage read(TissueBox box) throws IOException {
        BufferedImage level = reader.readRegion(levelRequest(box));
        if (plan.levelIsExact()) {
            return level;
        }
        return resampler.downsample(level, plan.lanczosFactor());
    }
}

package org.lowmag.infer;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.lowmag.slide.SlideMetadata;

/**
 * Everything predicted for one slide, ready to be written.
 *
 * @param slide the slide file
 * @param name the output name (file name without extension)
 * @param backend the reader backend used
 * @param metadata the slide's metadata
 * @param plan how it was read
 * @param thumbnail the overview tissue was detected on (and heatmaps drawn over)
 * @param tissues each tissue's prediction, by id
 * @param outlines each tissue's outline in level-0 pixels, a closed ring of {@code {x, y}}
 * @param slideLabel the aggregated label
 * @param heatmaps one heatmap per class (empty unless asked for)
 * @param detectSeconds time to open the slide, read its thumbnail and find the tissue
 * @param seconds wall time for the slide
 */
public record SlideResult(
        Path slide,
        String name,
        String backend,
        SlideMetadata metadata,
        ReadPlan plan,
        BufferedImage thumbnail,
        List<TissueResult> tissues,
        List<List<double[]>> outlines,
        SlideLabelRule.SlideLabel slideLabel,
        List<BufferedImage> heatmaps,
        double detectSeconds,
        double seconds) {

    /** Copies the lists. */
    public SlideResult {
        tissues = List.copyOf(tissues);
        outlines = List.copyOf(outlines);
        heatmaps = List.copyOf(heatmaps);
    }

    /**
     * @return time spent reading and resampling tissues, summed over tissues
     */
    public double readSeconds() {
        return tissues.stream().mapToDouble(TissueResult::readSeconds).sum();
    }

    /**
     * @return time spent classifying tissues, summed over tissues
     */
    public double inferSeconds() {
        return tissues.stream().mapToDouble(TissueResult::inferSeconds).sum();
    }
}

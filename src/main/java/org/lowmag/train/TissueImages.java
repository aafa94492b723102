package org.lowmag.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.lowmag.dataset.AugmentParams;
import org.lowmag.dataset.Augmentation;
import org.lowmag.dataset.ChannelStats;
import org.lowmag.dataset.Dataset;
import org.lowmag.dataset.Padder;
import org.lowmag.dataset.RgbImage;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.util.LowMagException;
import org.lowmag.util.Seeds;

/**
 * The images of a list of tissues at one magnification, decoded through a cache, checked against
 * the size limit, padded as the model pads small inputs ({@link Padder}) and (for training)
 * augmented with a seed derived from {@code (seed, epoch, tissue)}.
 */
public final class TissueImages {

    private final List<Path> files;
    private final List<TissueRecord> tissues;
    private final ImageCache cache;
    private final Padder padder;

    /**
     * @param dataset the dataset
     * @param tissues the tissues (indices refer to this list)
     * @param mag the magnification
     * @param cache decoded-image cache
     * @param padder how inputs smaller than the network's stride are padded
     * @param maxTissuePixels larger tissues are refused with their id and size
     */
    public TissueImages(
            Dataset dataset,
            List<TissueRecord> tissues,
            double mag,
            ImageCache cache,
            Padder padder,
            long maxTissuePixels) {
        this(
                Collections.nCopies(tissues.size(), dataset),
                tissues,
                mag,
                cache,
                padder,
                maxTissuePixels);
    }

    /**
     * @param datasets the dataset of each tissue
     * @param tissues the tissues (indices refer to this list)
     * @param mag the magnification
     * @param cache decoded-image cache
     * @param padder how inputs smaller than the network's stride are padded
     * @param maxTissuePixels larger tissues are refused with their id and size
     */
    public TissueImages(
            List<Dataset> datasets,
            List<TissueRecord> tissues,
            double mag,
            ImageCache cache,
            Padder padder,
            long maxTissuePixels) {
        this.tissues = List.copyOf(tissues);
        this.cache = cache;
        this.padder = padder;
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < this.tissues.size(); i++) {
            TissueRecord t = this.tissues.get(i);
            Dataset ds = datasets.get(i);
            TissueRecord.TissueImage img =
                    t.image(mag)
                            .orElseThrow(
                                    () ->
                                            new LowMagException(
                                                    "tissue "
                                                            + t.id()
                                                            + " has no image at "
                                                            + mag
                                                            + "x in "
                                                            + ds.dir()));
            long px = (long) img.widthPx() * img.heightPx();
            if (px > maxTissuePixels) {
                throw new LowMagException(
                        "tissue "
                                + t.id()
                                + " is "
                                + img.widthPx()
                                + "x"
                                + img.heightPx()
                                + " px at "
                                + mag
                                + "x, above the limit of "
                                + maxTissuePixels
                                + " pixels (--max-tissue-pixels); raise the limit if memory"
                                + " allows (about 1 GB per 4 Mpx for training the paper"
                                + " network) or prepare at a lower magnification");
            }
            paths.add(ds.dir().resolve(img.path()));
        }
        this.files = List.copyOf(paths);
    }

    private TissueImages(TissueImages other, Padder padder) {
        this.tissues = other.tissues;
        this.cache = other.cache;
        this.files = other.files;
        this.padder = padder;
    }

    /**
     * @param padder another padding
     * @return the same tissues padded that way (sharing the cache)
     */
    public TissueImages withPadder(Padder padder) {
        return new TissueImages(this, padder);
    }

    /**
     * @return the tissues
     */
    public List<TissueRecord> tissues() {
        return tissues;
    }

    /**
     * @return number of tissues
     */
    public int size() {
        return tissues.size();
    }

    /**
     * @return per-channel statistics of the (unaugmented, unpadded) images, for standardisation
     */
    public ChannelStats channelStats() {
        ChannelStats stats = new ChannelStats();
        for (Path f : files) {
            stats.add(cache.get(f));
        }
        return stats;
    }

    /**
     * @param i tissue index
     * @return the image as stored (decoded through the cache)
     */
    private RgbImage unpadded(int i) {
        return cache.get(files.get(i));
    }

    /**
     * @param i tissue index
     * @return the padded image, not augmented
     */
    public RgbImage plain(int i) {
        return padder.apply(cache.get(files.get(i)));
    }

    /**
     * The augmentation drawn for a tissue in an epoch (identical for every magnification, so a
     * teacher's and a student's views of one tissue get the same one).
     *
     * @param aug the augmentation settings
     * @param seed the run's seed
     * @param epoch the epoch
     * @param tissue the tissue index
     * @return the drawn parameters
     */
    public static AugmentParams draw(Augmentation aug, long seed, int epoch, int tissue) {
        return aug.sample(Seeds.mix(seed, 0xa06, epoch, tissue));
    }

    /**
     * One tissue augmented, then padded: the padding is never colour-jittered, flipped or rotated
     * with the tissue (the same order as {@link #augmented(List, Augmentation, long, int)}).
     *
     * @param i tissue index
     * @param params the augmentation drawn for it
     * @return the augmented, padded image
     */
    public RgbImage augmented(int i, AugmentParams params) {
        return padder.apply(params.apply(unpadded(i)));
    }

    /**
     * Loads and augments several tissues in parallel; each is padded after its augmentation, so the
     * padding is never colour-jittered.
     *
     * @param indices tissue indices
     * @param aug the augmentation settings
     * @param seed the run's seed
     * @param epoch the epoch
     * @return the augmented images, in order
     */
    public List<RgbImage> augmented(List<Integer> indices, Augmentation aug, long seed, int epoch) {
        return IntStream.range(0, indices.size())
                .parallel()
                .mapToObj(
                        j -> {
                            int i = indices.get(j);
                            return augmented(i, draw(aug, seed, epoch, i));
                        })
                .toList();
    }
}

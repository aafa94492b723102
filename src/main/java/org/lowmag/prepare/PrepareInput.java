package org.lowmag.prepare;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.synthetic.SyntheticDatasetWriter;

/**
 * Where {@code lowmag prepare} reads its tissues: a folder of images (each one tissue) or a folder
 * of whole-slide images listed with their labels. Each lists its items, cuts them ({@link
 * PrepareJob.ItemCutter}) and describes itself for {@code dataset.json}'s {@code sources}.
 */
public sealed interface PrepareInput {

    /**
     * @return descriptions of the input for {@code dataset.json}
     * @throws IOException when the input cannot be read
     */
    List<String> sources() throws IOException;

    /**
     * Prepares the dataset from this input ({@link PrepareJob}).
     *
     * @param cfg the settings
     * @return the outcome
     * @throws IOException when the input cannot be listed or the manifest written
     */
    PrepareJob.Result prepare(PrepareConfig cfg) throws IOException;

    /**
     * A folder of images, in class sub-folders or listed by a manifest; every image is one tissue,
     * whose full resolution is the settings' source magnification ({@code --source-mag}).
     *
     * @param dir the image folder
     * @param manifest CSV {@code image,label,group} (null: class sub-folders)
     */
    record Images(Path dir, Path manifest) implements PrepareInput {

        /**
         * @return {@code images:DIR} and {@code manifest:CSV} (empty without one)
         */
        @Override
        public List<String> sources() {
            return List.of(
                    "images:" + dir.toAbsolutePath(),
                    "manifest:" + (manifest == null ? "" : manifest.toAbsolutePath()));
        }

        @Override
        public PrepareJob.Result prepare(PrepareConfig cfg) throws IOException {
            double source =
                    cfg.scale()
                            .sourceMag()
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "--images needs --source-mag: plain images"
                                                            + " record no magnification"));
            List<PrepareItem> items = ImageFolderInput.list(dir, manifest);
            try (LanczosResampler resampler = new LanczosResampler(1)) {
                TissueCutter cutter =
                        new TissueCutter(cfg.out(), cfg.magnifications(), resampler, cfg.force());
                return PrepareJob.run(
                        cfg, items, new ImageTissueCutter(cutter, source), sources(), "images");
            }
        }
    }

    /**
     * A folder of whole-slide images listed by a label CSV; slides the CSV does not list are
     * ignored (and named on standard error). Tissue is found on each slide's overview ({@link
     * SlideTissueCutter}).
     *
     * @param dir the slide folder
     * @param labels CSV {@code slide,patient,label}
     */
    record Slides(Path dir, Path labels) implements PrepareInput {

        /**
         * @return {@code slides:DIR}, {@code labels:CSV} and, when {@code DIR} is a data set
         *     written by {@code lowmag synthesize}, {@code synthetic:DIR/synthetic.json} (what the
         *     experiment report reads to say the data are synthetic)
         * @throws IOException when the folder cannot be read
         */
        @Override
        public List<String> sources() throws IOException {
            List<String> sources = new ArrayList<>();
            sources.add("slides:" + dir.toAbsolutePath());
            sources.add("labels:" + labels.toAbsolutePath());
            SyntheticDatasetWriter.descriptionOf(dir)
                    .ifPresent(f -> sources.add("synthetic:" + f.toAbsolutePath()));
            return sources;
        }

        @Override
        public PrepareJob.Result prepare(PrepareConfig cfg) throws IOException {
            List<PrepareItem> items = items();
            try (LanczosResampler resampler = new LanczosResampler(1)) {
                SlideTissueCutter cutter = SlideTissueCutter.of(cfg, resampler);
                PrepareJob.Result result = PrepareJob.run(cfg, items, cutter, sources(), "slides");
                return result.withSlides(cutter.reports());
            }
        }

        /**
         * Lists the slides the labels CSV names ({@link SlideListInput}), naming on standard error
         * the slide files of the folder it leaves out.
         *
         * @return the slides, sorted by id
         * @throws IOException when the CSV or the folder cannot be read
         */
        public List<PrepareItem> items() throws IOException {
            SlideListInput.Listing listing = SlideListInput.list(dir, labels);
            if (!listing.ignored().isEmpty()) {
                List<String> ignored = listing.ignored();
                System.err.printf(
                        "ignored %d slide file(s) in %s that %s does not list: %s%s%n",
                        ignored.size(),
                        dir,
                        labels.getFileName(),
                        String.join(", ", ignored.subList(0, Math.min(5, ignored.size()))),
                        ignored.size() > 5 ? ", ..." : "");
            }
            return listing.items();
        }
    }
}

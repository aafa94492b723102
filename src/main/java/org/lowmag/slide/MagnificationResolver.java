package org.lowmag.slide;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.lowmag.util.LowMagException;

/**
 * Decides the magnification of a slide's level 0 from what the slide records and what the user
 * passed ({@code --source-mag M} or {@code --source-mpp U}).
 *
 * <p>Precedence: a per-slide value (a slide list CSV, matched by file name) first, then a user
 * value (it corrects a missing or wrong scanner record; {@code lowmag info} shows both), then the
 * slide's um/px (mean of x and y), then its objective power. See {@link ScanMagnification} for the
 * conversion {@code magnification = 10 / mpp}.
 *
 * @param sourceMag the user's {@code --source-mag}, if given
 * @param sourceMpp the user's {@code --source-mpp}, if given
 * @param perSlide values for single slides, by file name (empty: none)
 */
public record MagnificationResolver(
        OptionalDouble sourceMag,
        OptionalDouble sourceMpp,
        Map<String, ScanMagnification> perSlide) {

    /**
     * Without per-slide values.
     *
     * @param sourceMag the user's {@code --source-mag}, if given
     * @param sourceMpp the user's {@code --source-mpp}, if given
     */
    public MagnificationResolver(OptionalDouble sourceMag, OptionalDouble sourceMpp) {
        this(sourceMag, sourceMpp, Map.of());
    }

    /**
     * @param bySlideFileName per-slide values (a slide list CSV) by slide file name
     * @return this resolver with them, which win over the flags and the slide's own record
     */
    public MagnificationResolver withPerSlide(Map<String, ScanMagnification> bySlideFileName) {
        return new MagnificationResolver(sourceMag, sourceMpp, bySlideFileName);
    }

    /** Validates: positive finite values, at most one of the two. */
    public MagnificationResolver {
        perSlide = Map.copyOf(perSlide);
        check("--source-mag", sourceMag);
        check("--source-mpp", sourceMpp);
        if (sourceMag.isPresent() && sourceMpp.isPresent()) {
            throw new IllegalArgumentException(
                    "give either --source-mag or --source-mpp, not both (--source-mag "
                            + sourceMag.getAsDouble()
                            + ", --source-mpp "
                            + sourceMpp.getAsDouble()
                            + ")");
        }
    }

    /**
     * @return a resolver without user values
     */
    public static MagnificationResolver slideOnly() {
        return new MagnificationResolver(OptionalDouble.empty(), OptionalDouble.empty());
    }

    private static void check(String flag, OptionalDouble value) {
        if (value.isPresent()
                && !(value.getAsDouble() > 0 && Double.isFinite(value.getAsDouble()))) {
            throw new IllegalArgumentException(
                    flag + " must be a positive number, got " + value.getAsDouble());
        }
    }

    /**
     * @param metadata a slide
     * @return what the slide itself records: um/px first, else objective power
     */
    public static Optional<ScanMagnification> recorded(SlideMetadata metadata) {
        if (metadata.mppX().isPresent() || metadata.mppY().isPresent()) {
            double x = metadata.mppX().orElse(metadata.mppY().orElse(0));
            double y = metadata.mppY().orElse(x);
            return Optional.of(
                    ScanMagnification.ofMpp((x + y) / 2, ScanMagnification.Source.SLIDE_MPP));
        }
        if (metadata.objectivePower().isPresent()) {
            return Optional.of(
                    new ScanMagnification(
                            metadata.objectivePower().getAsDouble(),
                            ScanMagnification.Source.SLIDE_OBJECTIVE_POWER));
        }
        return Optional.empty();
    }

    /**
     * @param metadata a slide
     * @return the slide's per-slide value (slide list) when given, else the user's flag, else the
     *     slide's record, else empty
     */
    public Optional<ScanMagnification> resolve(SlideMetadata metadata) {
        ScanMagnification listed = perSlide.get(Path.of(metadata.path()).getFileName().toString());
        if (listed != null) {
            return Optional.of(listed);
        }
        if (sourceMpp.isPresent()) {
            return Optional.of(
                    ScanMagnification.ofMpp(
                            sourceMpp.getAsDouble(), ScanMagnification.Source.USER_MPP));
        }
        if (sourceMag.isPresent()) {
            return Optional.of(
                    new ScanMagnification(
                            sourceMag.getAsDouble(), ScanMagnification.Source.USER_MAGNIFICATION));
        }
        return recorded(metadata);
    }

    /**
     * @param metadata a slide
     * @return the magnification to use
     * @throws LowMagException when neither the user nor the slide gives one
     */
    public ScanMagnification require(SlideMetadata metadata) {
        return resolve(metadata)
                .orElseThrow(
                        () ->
                                new LowMagException(
                                        "slide "
                                                + metadata.path()
                                                + " records neither um/px nor objective power:"
                                                + " pass --source-mag or --source-mpp"));
    }
}

package org.lowmag.prepare;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.TissueRecord;
import org.lowmag.slide.MagnificationResolver;
import org.lowmag.util.LowMagException;

/**
 * A rerun of {@code prepare} into a folder resumes only with the settings its images were cut with:
 * another source magnification or other magnifications would leave tissues of two scales under one
 * magnification while {@code dataset.json} names only the new one.
 */
class PrepareRerunTest {

    @TempDir Path out;

    private static final List<PrepareItem> ITEMS = items();

    private static List<PrepareItem> items() {
        List<PrepareItem> l = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            l.add(new PrepareItem("img" + i, Path.of("img" + i + ".png"), "g" + i, "c" + (i % 2)));
        }
        return l;
    }

    private PrepareJob.Result run(double sourceMag, List<Double> mags, long seed, boolean force)
            throws IOException {
        return run(sourceMag, mags, seed, force, it -> cut(it, sourceMag));
    }

    private PrepareJob.Result run(
            double sourceMag,
            List<Double> mags,
            long seed,
            boolean force,
            PrepareJob.ItemCutter cutter)
            throws IOException {
        PrepareConfig cfg =
                new PrepareConfig(
                        out,
                        mags,
                        List.of(34, 33, 33),
                        0,
                        seed,
                        force,
                        new MagnificationResolver(
                                OptionalDouble.of(sourceMag), OptionalDouble.empty()),
                        new PrepareInput.Images(Path.of("/data/imgs"), null));
        return PrepareJob.run(cfg, ITEMS, cutter, List.of("images:/data/imgs"), "images");
    }

    private static PrepareJob.Cut cut(PrepareItem it, double sourceMag) {
        TissueRecord t =
                new TissueRecord(
                        it.id(),
                        it.file().toString(),
                        it.group(),
                        it.label(),
                        "",
                        Map.of("10", new TissueRecord.TissueImage("x.png", 4, 4)));
        return new PrepareJob.Cut(List.of(t), sourceMag);
    }

    @Test
    void aRerunWithAnotherSourceMagnificationIsRefusedWithWhatDiffers() throws IOException {
        run(10, List.of(10.0), 0, false);
        LowMagException e =
                assertThrows(LowMagException.class, () -> run(20, List.of(10.0), 0, false));
        assertTrue(e.getMessage().contains("source_mag was 10.0, now 20.0"), e::getMessage);
        assertTrue(e.getMessage().contains("--force"), e::getMessage);
        e = assertThrows(LowMagException.class, () -> run(10, List.of(10.0, 5.0), 0, false));
        assertTrue(e.getMessage().contains("magnifications was [\"10\"]"), e::getMessage);
    }

    @Test
    void theSameSettingsOrOnlyAnotherSplitResume() throws IOException {
        run(10, List.of(10.0), 0, false);
        assertDoesNotThrow(() -> run(10, List.of(10.0), 0, false));
        assertDoesNotThrow(() -> run(10, List.of(10.0), 7, false));
    }

    @Test
    void aKilledRunResumesOnlyWithItsSettings() {
        PrepareJob.ItemCutter dies =
                it -> {
                    throw new ArithmeticException("killed");
                };
        assertThrows(ArithmeticException.class, () -> run(10, List.of(10.0), 0, false, dies));
        assertTrue(Files.isRegularFile(out.resolve(PrepareSettings.FILE)), "recorded up front");
        assertThrows(LowMagException.class, () -> run(20, List.of(10.0), 0, false));
        assertDoesNotThrow(() -> run(10, List.of(10.0), 0, false));
    }

    @Test
    void forceRewritesWithNewSettingsAndAnUnfinishedForceNeedsForceAgain() throws IOException {
        run(10, List.of(10.0), 0, false);
        PrepareJob.ItemCutter dies =
                it -> {
                    throw new ArithmeticException("killed");
                };
        assertThrows(ArithmeticException.class, () -> run(20, List.of(10.0), 0, true, dies));
        LowMagException e =
                assertThrows(LowMagException.class, () -> run(20, List.of(10.0), 0, false));
        assertTrue(e.getMessage().contains("rerun it with --force"), e::getMessage);
        assertDoesNotThrow(() -> run(20, List.of(10.0), 0, true));
        assertDoesNotThrow(() -> run(20, List.of(10.0), 0, false));
    }
}

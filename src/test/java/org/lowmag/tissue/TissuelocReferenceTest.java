package org.lowmag.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares with the masks tissueloc produced for three real H&amp;E overviews in {@code
 * ../shared/data/slides/tissueloc} (skipped when that folder is absent).
 *
 * <p>The reference masks match tissueloc's own test script ({@code test_locate_tissue.py}:
 * smoothing sigma 5, threshold 0.8) at its hole-filled stage, before small pieces are removed: with
 * those settings the detector reproduces them to IoU 0.9999 (the 60-80 differing pixels all lie
 * within 2e-4 of the threshold). With tissueloc's library defaults (sigma 13, minimum 10000 px) the
 * masks are smoother and lose the specks: IoU 0.956, 0.932, 0.967. LowMag's defaults ({@link
 * TissueParams#defaults()}: sigma 5, pieces of at least 0.1% of the overview) must reach 0.95 on
 * each.
 */
class TissuelocReferenceTest {

    private static final Path DIR = Path.of("..", "shared", "data", "slides", "tissueloc");

    private static double iou(String name, TissueParams params) throws IOException {
        Path jpg = DIR.resolve(name + ".jpg");
        assumeTrue(
                Files.isRegularFile(jpg),
                "real data absent: " + jpg.toAbsolutePath() + " (see shared/data/README.md)");
        BufferedImage img = ImageIO.read(jpg.toFile());
        TissueMask ref =
                TissueMask.fromImage(ImageIO.read(DIR.resolve(name + ".mask.png").toFile()), 1, 1);
        double iou = new TissueDetector(params).detect(img).mask().iou(ref);
        System.out.printf(Locale.ROOT, "tissueloc %s %s IoU %.4f%n", name, params, iou);
        return iou;
    }

    @ParameterizedTest
    @ValueSource(strings = {"20181218042458", "20181218042533", "20181218042607"})
    void reproducesTheReferenceMasks(String name) throws IOException {
        TissueParams script = TissueParams.tissueloc().withSmoothSigmaPx(5).withMinTissueSizePx(0);
        double iou = iou(name, script);
        assertTrue(iou >= 0.995, name + ": IoU " + iou);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20181218042458", "20181218042533", "20181218042607"})
    void lowmagDefaultsReach095(String name) throws IOException {
        double iou = iou(name, TissueParams.defaults());
        assertTrue(iou >= 0.95, name + ": IoU " + iou);
    }

    /**
     * The coarsest overview {@link SlideTissue} analyses is a level of a fifth of the analysis
     * size: the reference overview shrunk 5 times by area averaging (383 x 202 px, as a scanner's
     * level), analysed with the defaults and sigma {@code 5 * 383 / 1916}, its mask read back at
     * the reference's size by nearest neighbour, keeps IoU 0.97 and every piece found at full size
     * (5, 4, 3). Measured 0.975-0.988 (0.963-0.976 shrunk 8 times, where one piece of five is lost;
     * benchmarks/fullsize/OverviewScaleIoU.java).
     */
    @ParameterizedTest
    @ValueSource(strings = {"20181218042458", "20181218042533", "20181218042607"})
    void aFifthSizeLevelStaysAbove097(String name) throws IOException {
        Path jpg = DIR.resolve(name + ".jpg");
        assumeTrue(Files.isRegularFile(jpg), "real data absent: " + jpg.toAbsolutePath());
        BufferedImage img = ImageIO.read(jpg.toFile());
        TissueMask ref =
                TissueMask.fromImage(ImageIO.read(DIR.resolve(name + ".mask.png").toFile()), 1, 1);
        int w = Math.round(img.getWidth() / 5f), h = Math.round(img.getHeight() / 5f);
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.drawImage(img.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        TissueParams full = TissueParams.defaults();
        TissueParams p = full.withSmoothSigmaPx(full.smoothSigmaPx() * w / img.getWidth());
        TissueDetection d = new TissueDetector(p).detect(small);
        assertEquals(new TissueDetector(full).detect(img).boxes().size(), d.boxes().size(), name);
        TissueMask m = d.mask();
        long inter = 0, union = 0;
        for (int y = 0; y < ref.heightPx(); y++) {
            int sy = Math.min(h - 1, (int) ((y + 0.5) * h / ref.heightPx()));
            for (int x = 0; x < ref.widthPx(); x++) {
                boolean r = ref.isTissue(x, y);
                boolean s = m.isTissue(Math.min(w - 1, (int) ((x + 0.5) * w / ref.widthPx())), sy);
                inter += r && s ? 1 : 0;
                union += r || s ? 1 : 0;
            }
        }
        double iou = inter / (double) union;
        System.out.printf(Locale.ROOT, "tissueloc %s shrunk 5x IoU %.4f%n", name, iou);
        assertTrue(iou >= 0.97, name + ": IoU " + iou);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20181218042458", "20181218042533", "20181218042607"})
    void libraryDefaultsStayClose(String name) throws IOException {
        double iou = iou(name, TissueParams.tissueloc());
        assertTrue(iou >= 0.92, name + ": IoU " + iou);
    }

    @ParameterizedTest
    @ValueSource(strings = {"20181218042458", "20181218042533", "20181218042607"})
    void scriptSmoothingWithSpeckRemovalStaysAbove095(String name) throws IOException {
        TissueParams p = TissueParams.tissueloc().withSmoothSigmaPx(5);
        double iou = iou(name, p);
        assertTrue(iou >= 0.95, name + ": IoU " + iou);
    }
}

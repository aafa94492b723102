import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.lowmag.tissue.TissueDetection;
import org.lowmag.tissue.TissueDetector;
import org.lowmag.tissue.TissueMask;
import org.lowmag.tissue.TissueParams;

/**
 * How coarse a pyramid level tissue detection can use: each of tissueloc's three reference
 * overviews ({@code ../shared/data/slides/tissueloc}, 1916 x 1010 px, with the masks tissueloc made
 * on them) is shrunk by a factor {@code k} with area averaging (as a scanner's pyramid level is
 * made), its tissue found with LowMag's default parameters, and the mask, read back at the
 * reference's size by nearest neighbour ({@code ref (x, y) -> small (floor((x + 0.5) w / W),
 * floor((y + 0.5) h / H))}), compared with tissueloc's:
 *
 * <pre>
 *   IoU = |small ∩ reference| / |small ∪ reference|
 * </pre>
 *
 * <p>Smoothing: column "scaled below half" scales sigma only on an overview of longer side {@code
 * side} under half the slide's, {@code sigma' = sigma * side / slideSide} (SlideTissue's rule
 * before 2026-12-07); column "always scaled" applies it at every {@code k > 1}, as {@code
 * SlideTissue.find} now does. Also printed: the tissue pieces found with each rule (the
 * reference has 5, 4 and 3) and the detection's time (always scaled) on the shrunk overview (after 3 warm-up calls, median of 5).
 *
 * <p>Benchmark helper, run as a single-file program on the built jar: {@code java
 * -Djava.awt.headless=true -cp target/lowmag.jar benchmarks/fullsize/OverviewScaleIoU.java [DIR]}.
 */
public class OverviewScaleIoU {

    private static final String[] NAMES = {"20181218042458", "20181218042533", "20181218042607"};
    private static final double[] FACTORS = {1, 2, 3, 4, 4.26, 5, 6, 8};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/slides/tissueloc");
        System.out.println("| overview | k | side px | IoU (scaled below half) | IoU (always scaled) | pieces (below half / always) | ms |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (String name : NAMES) {
            BufferedImage img = ImageIO.read(dir.resolve(name + ".jpg").toFile());
            TissueMask ref =
                    TissueMask.fromImage(
                            ImageIO.read(dir.resolve(name + ".mask.png").toFile()), 1, 1);
            int fullSide = Math.max(img.getWidth(), img.getHeight());
            for (double k : FACTORS) {
                BufferedImage small = shrink(img, k);
                int side = Math.max(small.getWidth(), small.getHeight());
                TissueParams base = TissueParams.defaults();
                TissueParams scaled = base.withSmoothSigmaPx(base.smoothSigmaPx() * side / fullSide);
                TissueParams asFind = 2L * side < fullSide ? scaled : base;
                TissueDetection d = new TissueDetector(asFind).detect(small);
                double iouFind = iou(d.mask(), ref);
                TissueDetection ds = k > 1 ? new TissueDetector(scaled).detect(small) : d;
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %.2f | %d | %.4f | %.4f | %d / %d | %.1f |%n",
                        name, k, side, iouFind, iou(ds.mask(), ref), d.boxes().size(),
                        ds.boxes().size(), millis(scaled, small));
            }
        }
    }

    private static BufferedImage shrink(BufferedImage img, double k) {
        int w = (int) Math.round(img.getWidth() / k);
        int h = (int) Math.round(img.getHeight() / k);
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.drawImage(img.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return small;
    }

    private static double iou(TissueMask small, TissueMask ref) {
        int w = small.widthPx(), h = small.heightPx(), rw = ref.widthPx(), rh = ref.heightPx();
        long inter = 0, union = 0;
        for (int y = 0; y < rh; y++) {
            int sy = Math.min(h - 1, (int) ((y + 0.5) * h / rh));
            for (int x = 0; x < rw; x++) {
                boolean r = ref.isTissue(x, y);
                boolean s = small.isTissue(Math.min(w - 1, (int) ((x + 0.5) * w / rw)), sy);
                inter += r && s ? 1 : 0;
                union += r || s ? 1 : 0;
            }
        }
        return union == 0 ? 1 : inter / (double) union;
    }

    private static double millis(TissueParams p, BufferedImage img) {
        TissueDetector det = new TissueDetector(p);
        for (int i = 0; i < 3; i++) {
            det.detect(img);
        }
        double[] t = new double[5];
        for (int i = 0; i < t.length; i++) {
            long t0 = System.nanoTime();
            det.detect(img);
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(t);
        return t[t.length / 2];
    }
}

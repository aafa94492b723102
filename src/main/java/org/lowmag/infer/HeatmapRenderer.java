package org.lowmag.infer;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lowmag.tissue.ConnectedComponents;

/**
 * Draws each class's activation map over the slide thumbnail, one image per class, with a legend
 * ({@link HeatmapLegend}) in a margin right of the map.
 *
 * <p>For tissue {@code t} with thumbnail box {@code (ax, ay, aw, ah)} and tissue image {@code iw x
 * ih}, thumbnail pixel {@code (ax + i, ay + j)} of the tissue's mask samples {@code CAM_k} at
 * tissue-image point {@code ((i + 0.5) iw / aw, (j + 0.5) ih / ah)} ({@link TissueCam#sample},
 * bilinear). The value coloured is, by {@link HeatmapScale}:
 *
 * <ul>
 *   <li>{@code FIXED} (default): the local probability {@code n = p_k = exp(CAM_k + b_k) / sum_j
 *       exp(CAM_j + b_j)}, on the fixed range 0 to 1;
 *   <li>{@code STRETCH}: {@code n = (CAM_k - min_k) / (max_k - min_k)} over all tissues of the
 *       slide (0 when the class's map is constant).
 * </ul>
 *
 * {@code n} is coloured with {@link Viridis} and blended {@code out = (1 - ALPHA) thumbnail + ALPHA
 * colour} on tissue pixels; the rest of the thumbnail is unchanged. The map keeps the thumbnail's
 * geometry: pixel {@code (x, y)} of the image is pixel {@code (x, y)} of the thumbnail for {@code x
 * < thumbnail width}, {@code y < thumbnail height}.
 */
public final class HeatmapRenderer {

    /** Opacity of the colour over tissue. */
    public static final double ALPHA = 0.55;

    private HeatmapRenderer() {}

    /**
     * One class's map before its legend.
     *
     * @param image the thumbnail with the coloured tissues, thumbnail-sized
     * @param low the value coloured as viridis' first stop
     * @param high the value coloured as its last stop
     */
    record ClassMap(BufferedImage image, double low, double high) {}

    /**
     * @param thumbnail the overview the tissues were detected on
     * @param labels the labelled tissue mask (same size; label = tissue id)
     * @param tissues the tissues, each with its CAM
     * @param classes the class names
     * @param slideName the slide's name, for the title
     * @param scale what the colours show
     * @return one RGB image per class: the map at the top left, thumbnail-sized, and the legend
     *     right of it
     */
    public static List<BufferedImage> render(
            BufferedImage thumbnail,
            ConnectedComponents labels,
            List<TissueResult> tissues,
            List<String> classes,
            String slideName,
            HeatmapScale scale) {
        List<ClassMap> maps = colour(thumbnail, labels, tissues, classes.size(), scale);
        List<BufferedImage> out = new ArrayList<>(maps.size());
        for (int k = 0; k < maps.size(); k++) {
            ClassMap m = maps.get(k);
            out.add(
                    HeatmapLegend.attach(
                            m.image(), slideName, classes.get(k), scale, m.low(), m.high()));
        }
        return out;
    }

    /**
     * @param thumbnail the overview the tissues were detected on
     * @param labels the labelled tissue mask (same size)
     * @param tissues the tissues, each with its CAM
     * @param classes number of classes
     * @param scale what the colours show
     * @return one thumbnail-sized map per class, without legend
     */
    static List<ClassMap> colour(
            BufferedImage thumbnail,
            ConnectedComponents labels,
            List<TissueResult> tissues,
            int classes,
            HeatmapScale scale) {
        if (thumbnail.getWidth() != labels.widthPx()
                || thumbnail.getHeight() != labels.heightPx()) {
            throw new IllegalArgumentException(
                    "thumbnail "
                            + thumbnail.getWidth()
                            + "x"
                            + thumbnail.getHeight()
                            + " and mask "
                            + labels.widthPx()
                            + "x"
                            + labels.heightPx()
                            + " differ");
        }
        double[] min = new double[classes];
        double[] max = new double[classes];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        List<double[][]> values = new ArrayList<>();
        for (TissueResult t : tissues) {
            double[][] v = sample(labels, t, classes);
            if (scale == HeatmapScale.FIXED) {
                toProbabilities(v, t.cam().bias());
            }
            for (int k = 0; k < classes; k++) {
                for (double x : v[k]) {
                    if (!Double.isNaN(x)) {
                        min[k] = Math.min(min[k], x);
                        max[k] = Math.max(max[k], x);
                    }
                }
            }
            values.add(v);
        }
        List<ClassMap> out = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            boolean none = min[k] > max[k];
            double low = scale == HeatmapScale.FIXED || none ? 0 : min[k];
            double high = scale == HeatmapScale.FIXED ? 1 : none ? 0 : max[k];
            BufferedImage img = copy(thumbnail);
            for (int i = 0; i < tissues.size(); i++) {
                paint(img, tissues.get(i), values.get(i)[k], low, high);
            }
            out.add(new ClassMap(img, low, high));
        }
        return out;
    }

    /**
     * CAM values over the tissue's thumbnail box, NaN off the tissue's mask: {@code [K][aw*ah]}.
     */
    private static double[][] sample(ConnectedComponents labels, TissueResult t, int classes) {
        TissueCam cam = t.cam();
        if (cam == null) {
            throw new IllegalArgumentException("tissue " + t.box().id() + " has no CAM");
        }
        int ax = t.box().analysisX();
        int ay = t.box().analysisY();
        int aw = t.box().analysisWidth();
        int ah = t.box().analysisHeight();
        double[][] v = new double[classes][aw * ah];
        for (int j = 0; j < ah; j++) {
            double y = (j + 0.5) * cam.imageHeightPx() / ah;
            for (int i = 0; i < aw; i++) {
                boolean in = labels.labelAt(ax + i, ay + j) == t.box().id();
                double x = (i + 0.5) * cam.imageWidthPx() / aw;
                for (int k = 0; k < classes; k++) {
                    v[k][j * aw + i] = in ? cam.sample(k, x, y) : Double.NaN;
                }
            }
        }
        return v;
    }

    /**
     * Replaces CAM values by local probabilities in place: at each position {@code p_k = exp(CAM_k
     * + b_k - m) / sum_j exp(CAM_j + b_j - m)} with {@code m = max_j (CAM_j + b_j)}.
     *
     * @param v {@code [K][positions]}, NaN off the tissue
     * @param bias the FC bias {@code [K]}
     */
    static void toProbabilities(double[][] v, float[] bias) {
        int classes = v.length;
        double[] z = new double[classes];
        for (int p = 0; p < v[0].length; p++) {
            if (Double.isNaN(v[0][p])) {
                continue;
            }
            double m = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                z[k] = v[k][p] + bias[k];
                m = Math.max(m, z[k]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                z[k] = Math.exp(z[k] - m);
                sum += z[k];
            }
            for (int k = 0; k < classes; k++) {
                v[k][p] = z[k] / sum;
            }
        }
    }

    private static void paint(
            BufferedImage img, TissueResult t, double[] v, double low, double high) {
        int ax = t.box().analysisX();
        int ay = t.box().analysisY();
        int aw = t.box().analysisWidth();
        double range = high - low;
        for (int p = 0; p < v.length; p++) {
            if (Double.isNaN(v[p])) {
                continue;
            }
            double n = range > 0 ? (v[p] - low) / range : 0;
            int x = ax + p % aw;
            int y = ay + p / aw;
            img.setRGB(x, y, blend(img.getRGB(x, y), Viridis.rgb(n)));
        }
    }

    /**
     * @param base packed RGB under the colour
     * @param colour packed RGB colour
     * @return {@code round((1 - ALPHA) base + ALPHA colour)} per channel
     */
    static int blend(int base, int colour) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int b = (base >> shift) & 255;
            int c = (colour >> shift) & 255;
            out |= (int) Math.round((1 - ALPHA) * b + ALPHA * c) << shift;
        }
        return out;
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage img =
                new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return img;
    }
}

package org.lowmag.infer;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.lowmag.dataset.Padder;
import org.lowmag.dataset.RgbImage;
import org.lowmag.model.Logits;

/**
 * Classifies a tissue too large for one forward pass in tiles, and pools their logits.
 *
 * <p>The tissue is padded whole, as a single pass would pad it ({@link ModelRunner#info()}'s
 * padder), and the padded image is cut along the network's stride grid (cells of {@code s = 32} px)
 * into tiles of side at most {@code t = s floor(floor(sqrt(N)) / s)} px, so that a tile has at most
 * {@code N = maxTissuePx} pixels: a side of {@code L} px spans {@code c = ceil(L / s)} cells and is
 * cut into {@code n = ceil(c / (t / s))} tiles at {@code b_i = min(L, s floor(i c / n))}, {@code i
 * = 0..n} (as even as the grid allows). Each tile is classified on its own ({@link
 * ModelRunner#classifyAll}; same-size tiles share passes of at most {@link
 * ModelRunner#MAX_BATCH_PIXELS}).
 *
 * <p><b>Pooling:</b> the area-weighted mean of the tiles' logits, then the softmax: {@code z_k =
 * sum_t a_t z_{t,k} / sum_t a_t}, {@code p = softmax(z)}, with {@code a_t} the tile's pixels.
 * Logits, not probabilities, because the network ends in global average pooling and a linear FC
 * layer: a tissue's logit is {@code z_k = W_k . mean_cells(F) + b_k}, so the cell-weighted mean of
 * the tiles' logits is that same formula over all the tiles' feature cells. It differs from the
 * single pass's logit only through the features themselves: GroupNorm's statistics are each tile's
 * own, and a feature whose receptive field crosses a tile border sees the convolution's zero
 * padding instead of the neighbour tile. A mean of probabilities would instead average the tiles'
 * confidences, a different function of the features.
 *
 * <p><b>Heatmaps:</b> the tiles' class-activation maps are stitched on the same grid into one map
 * of the whole tissue, placed by the whole tissue's padding ({@link TissueCam}); the placement is
 * exact when every tile side is a multiple of the stride (the default {@code --pad-to multiple}),
 * else within a tile's own padding.
 */
public final class TiledInference {

    private TiledInference() {}

    /**
     * Classifies tissues: those within {@code large.maxTissuePx()} pixels (or all, unless {@code
     * large.tile()}) together as {@link ModelRunner#classifyAll} does, the others each in tiles.
     *
     * @param runner the model
     * @param images tissues at the model's magnification
     * @param withCam whether to compute the class-activation maps
     * @param large the limit of one pass, and whether larger tissues are tiled
     * @return each tissue's result, in order
     */
    public static List<ModelRunner.Result> classifyAll(
            ModelRunner runner, List<BufferedImage> images, boolean withCam, LargeTissues large) {
        List<Integer> whole = new ArrayList<>();
        List<BufferedImage> wholeImages = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            BufferedImage img = images.get(i);
            if (!large.tile() || (long) img.getWidth() * img.getHeight() <= large.maxTissuePx()) {
                whole.add(i);
                wholeImages.add(img);
            }
        }
        List<ModelRunner.Result> out = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            out.add(null);
        }
        List<ModelRunner.Result> wholeResults =
                wholeImages.isEmpty() ? List.of() : runner.classifyAll(wholeImages, withCam);
        for (int j = 0; j < whole.size(); j++) {
            out.set(whole.get(j), wholeResults.get(j));
        }
        for (int i = 0; i < images.size(); i++) {
            if (out.get(i) == null) {
                out.set(i, classifyTiled(runner, images.get(i), withCam, large.maxTissuePx()));
            }
        }
        return out;
    }

    /**
     * @param runner the model
     * @param image a tissue at the model's magnification
     * @param withCam whether to compute (and stitch) the class-activation maps
     * @param maxTilePx most pixels of one tile
     * @return the pooled result (see the class comment)
     */
    public static ModelRunner.Result classifyTiled(
            ModelRunner runner, BufferedImage image, boolean withCam, long maxTilePx) {
        Padder padder = runner.info().padder();
        int cell = runner.info().arch().totalStride();
        RgbImage rgb = RgbImage.of(image);
        RgbImage padded = padder.apply(rgb);
        int tileSide = tileSidePx(maxTilePx, cell);
        int[] xs = cuts(padded.widthPx(), cell, tileSide);
        int[] ys = cuts(padded.heightPx(), cell, tileSide);
        List<RgbImage> tiles = new ArrayList<>();
        for (int j = 0; j + 1 < ys.length; j++) {
            for (int i = 0; i + 1 < xs.length; i++) {
                tiles.add(crop(padded, xs[i], ys[j], xs[i + 1] - xs[i], ys[j + 1] - ys[j]));
            }
        }
        List<ModelRunner.Result> results = runner.classifyRgb(tiles, withCam);
        double[] areas = new double[tiles.size()];
        List<float[]> logits = new ArrayList<>(tiles.size());
        for (int t = 0; t < tiles.size(); t++) {
            areas[t] = (double) tiles.get(t).widthPx() * tiles.get(t).heightPx();
            logits.add(results.get(t).logits());
        }
        float[] z = pool(logits, areas);
        TissueCam cam =
                withCam
                        ? stitch(
                                results,
                                xs.length - 1,
                                ys.length - 1,
                                rgb.widthPx(),
                                rgb.heightPx(),
                                padded.widthPx(),
                                padded.heightPx())
                        : null;
        return new ModelRunner.Result(z, Logits.softmax(z), cam, tiles.size());
    }

    /**
     * The area-weighted mean of logits: {@code z_k = sum_t a_t z_{t,k} / sum_t a_t}.
     *
     * @param logits each tile's logits
     * @param areas each tile's weight (its pixels), positive
     * @return the pooled logits
     */
    static float[] pool(List<float[]> logits, double[] areas) {
        int k = logits.get(0).length;
        double[] sum = new double[k];
        double total = 0;
        for (int t = 0; t < logits.size(); t++) {
            for (int c = 0; c < k; c++) {
                sum[c] += areas[t] * logits.get(t)[c];
            }
            total += areas[t];
        }
        float[] z = new float[k];
        for (int c = 0; c < k; c++) {
            z[c] = (float) (sum[c] / total);
        }
        return z;
    }

    /**
     * @param maxTilePx most pixels of a tile
     * @param cellPx the grid's cell
     * @return the longest tile side {@code t = s floor(floor(sqrt(N)) / s)}, at least one cell
     */
    static int tileSidePx(long maxTilePx, int cellPx) {
        int side = (int) Math.min(Integer.MAX_VALUE, (long) Math.floor(Math.sqrt(maxTilePx)));
        return Math.max(cellPx, side / cellPx * cellPx);
    }

    /**
     * @param sidePx the side to cut
     * @param cellPx the grid's cell
     * @param tileSidePx the longest tile side, a multiple of the cell
     * @return the cut positions {@code b_0 = 0 < b_1 < ... < b_n = sidePx}
     */
    static int[] cuts(int sidePx, int cellPx, int tileSidePx) {
        long cells = ((long) sidePx + cellPx - 1) / cellPx;
        long perTile = tileSidePx / cellPx;
        int n = (int) ((cells + perTile - 1) / perTile);
        int[] b = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            b[i] = (int) Math.min(sidePx, cellPx * (i * cells / n));
        }
        return b;
    }

    private static RgbImage crop(RgbImage img, int x0, int y0, int w, int h) {
        byte[][] planes = new byte[3][w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(
                        img.planes()[c], (y0 + y) * img.widthPx() + x0, planes[c], y * w, w);
            }
        }
        return new RgbImage(w, h, planes);
    }

    /** The tiles' maps (row-major over {@code nx x ny} tiles) as one map of the tissue. */
    private static TissueCam stitch(
            List<ModelRunner.Result> tiles,
            int nx,
            int ny,
            int imageWidthPx,
            int imageHeightPx,
            int paddedWidthPx,
            int paddedHeightPx) {
        int[] col = new int[nx + 1];
        int[] row = new int[ny + 1];
        int inputW = 0;
        int inputH = 0;
        for (int i = 0; i < nx; i++) {
            TissueCam c = tiles.get(i).cam();
            col[i + 1] = col[i] + c.mapWidth();
            inputW += c.inputWidthPx();
        }
        for (int j = 0; j < ny; j++) {
            TissueCam c = tiles.get(j * nx).cam();
            row[j + 1] = row[j] + c.mapHeight();
            inputH += c.inputHeightPx();
        }
        TissueCam first = tiles.get(0).cam();
        int classes = first.maps().length;
        float[][] maps = new float[classes][row[ny] * col[nx]];
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                TissueCam c = tiles.get(j * nx + i).cam();
                for (int k = 0; k < classes; k++) {
                    for (int y = 0; y < c.mapHeight(); y++) {
                        System.arraycopy(
                                c.maps()[k],
                                y * c.mapWidth(),
                                maps[k],
                                (row[j] + y) * col[nx] + col[i],
                                c.mapWidth());
                    }
                }
            }
        }
        return new TissueCam(
                maps,
                first.bias(),
                row[ny],
                col[nx],
                imageWidthPx,
                imageHeightPx,
                inputW,
                inputH,
                (paddedWidthPx - imageWidthPx) / 2,
                (paddedHeightPx - imageHeightPx) / 2);
    }
}

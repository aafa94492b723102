package org.lowmag.slide;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;

/**
 * Turns a {@link RegionRequest} into pixels: picks the level with {@link LevelChooser}, reads it in
 * blocks through a {@link LevelPixelSource}, and area-averages the remaining factor with {@link
 * AreaWeights}. Output pixel {@code (i, j)} covers level-0 {@code [x + i * w / W, x + (i + 1) * w /
 * W)} horizontally (W = output width) and likewise vertically. Blocks keep memory bounded: each
 * reads at most about {@link #MAX_SOURCE_BLOCK} source pixels a side. Blocks are rendered in
 * parallel ({@link BlockTasks}: the rendering returns, also after a failure, only when every block
 * has ended) into disjoint parts of the output, so the pixels do not depend on the order; sources
 * must be thread-safe, as every reader's is.
 */
final class RegionRenderer {

    /** Largest output a request may ask for, in pixels (1 GiB of RGB ints). */
    static final long MAX_OUTPUT_PIXELS = 1L << 28;

    /** Source pixels per block side, at most (before the +2 edge pixels). */
    static final int MAX_SOURCE_BLOCK = 4096;

    private static final int MAX_OUTPUT_BLOCK = 1024;

    private RegionRenderer() {}

    /**
     * @param metadata the slide (size, downsamples, path for messages)
     * @param request the region
     * @param source the level pixels
     * @return the region, {@code TYPE_INT_RGB}
     * @throws IOException when reading fails
     * @throws IllegalArgumentException when the region misses the slide or is too large
     */
    static BufferedImage render(
            SlideMetadata metadata, RegionRequest request, LevelPixelSource source)
            throws IOException {
        checkRegion(metadata, request);
        int outW = request.widthPx();
        int outH = request.heightPx();
        int level = LevelChooser.choose(metadata.downsamples(), request.downsample());
        double dsX = source.downsampleX(level);
        double dsY = source.downsampleY(level);
        double stepX = request.widthL0() / (double) outW / dsX;
        double stepY = request.heightL0() / (double) outH / dsY;
        AreaWeights wx = AreaWeights.compute(request.x() / dsX, stepX, outW);
        AreaWeights wy = AreaWeights.compute(request.y() / dsY, stepY, outH);
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        int[] outPixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int blockW = blockSize(stepX);
        int blockH = blockSize(stepY);
        int blocksAcross = (outW + blockW - 1) / blockW;
        int blocks = blocksAcross * ((outH + blockH - 1) / blockH);
        BlockTasks.runAll(
                blocks,
                b -> {
                    int bx = (b % blocksAcross) * blockW;
                    int by = (b / blocksAcross) * blockH;
                    int bw = Math.min(blockW, outW - bx);
                    int bh = Math.min(blockH, outH - by);
                    renderBlock(source, level, wx, wy, bx, by, bw, bh, outPixels, outW);
                });
        return out;
    }

    /** Rejects regions that miss the slide or whose output is too large. */
    static void checkRegion(SlideMetadata metadata, RegionRequest request) {
        boolean overlaps =
                request.x() < metadata.widthPx()
                        && request.x() + request.widthL0() > 0
                        && request.y() < metadata.heightPx()
                        && request.y() + request.heightL0() > 0;
        if (!overlaps) {
            throw new IllegalArgumentException(
                    String.format(
                            "region x=%d y=%d %dx%d (level-0 pixels) lies entirely outside the"
                                    + " slide %s (%dx%d)",
                            request.x(),
                            request.y(),
                            request.widthL0(),
                            request.heightL0(),
                            metadata.path(),
                            metadata.widthPx(),
                            metadata.heightPx()));
        }
        long pixels = (long) request.widthPx() * request.heightPx();
        if (pixels > MAX_OUTPUT_PIXELS) {
            throw new IllegalArgumentException(
                    "region output "
                            + request.widthPx()
                            + "x"
                            + request.heightPx()
                            + " pixels is larger than the limit of "
                            + MAX_OUTPUT_PIXELS
                            + " pixels: read it in pieces or at a larger downsample");
        }
    }

    private static int blockSize(double step) {
        int fit = (int) Math.floor((MAX_SOURCE_BLOCK - 2) / Math.max(step, 1e-3));
        return Math.max(1, Math.min(MAX_OUTPUT_BLOCK, fit));
    }

    private static void renderBlock(
            LevelPixelSource source,
            int level,
            AreaWeights wx,
            AreaWeights wy,
            int bx,
            int by,
            int bw,
            int bh,
            int[] out,
            int outW)
            throws IOException {
        int srcX0 = wx.first(bx);
        int srcY0 = wy.first(by);
        int srcW = maxEnd(wx, bx, bw) - srcX0;
        int srcH = maxEnd(wy, by, bh) - srcY0;
        int[] src = source.readLevel(level, srcX0, srcY0, srcW, srcH);
        if (wx.isIdentity() && wy.isIdentity()) {
            for (int j = 0; j < bh; j++) {
                System.arraycopy(src, j * srcW, out, (by + j) * outW + bx, bw);
            }
            return;
        }
        float[][] rows = horizontalPass(src, srcX0, srcW, srcH, wx, bx, bw);
        verticalPass(rows, srcY0, wy, by, bh, bx, bw, out, outW);
    }

    /** Resamples each source row: returns R, G, B planes of {@code srcH x bw}. */
    private static float[][] horizontalPass(
            int[] src, int srcX0, int srcW, int srcH, AreaWeights wx, int bx, int bw) {
        float[][] planes = new float[3][srcH * bw];
        for (int row = 0; row < srcH; row++) {
            int rowBase = row * srcW - srcX0;
            for (int i = 0; i < bw; i++) {
                int oi = bx + i;
                int k0 = wx.first(oi);
                float sr = 0;
                float sg = 0;
                float sb = 0;
                for (int k = 0, n = wx.count(oi); k < n; k++) {
                    int p = src[rowBase + k0 + k];
                    float w = wx.weight(oi, k);
                    sr += w * ((p >> 16) & 0xFF);
                    sg += w * ((p >> 8) & 0xFF);
                    sb += w * (p & 0xFF);
                }
                planes[0][row * bw + i] = sr;
                planes[1][row * bw + i] = sg;
                planes[2][row * bw + i] = sb;
            }
        }
        return planes;
    }

    /** Resamples the columns of the planes into rows {@code by .. by + bh} of the output. */
    private static void verticalPass(
            float[][] planes,
            int srcY0,
            AreaWeights wy,
            int by,
            int bh,
            int bx,
            int bw,
            int[] out,
            int outW) {
        for (int j = 0; j < bh; j++) {
            int oj = by + j;
            int k0 = wy.first(oj) - srcY0;
            int n = wy.count(oj);
            for (int i = 0; i < bw; i++) {
                float sr = 0;
                float sg = 0;
                float sb = 0;
                for (int k = 0; k < n; k++) {
                    int idx = (k0 + k) * bw + i;
                    float w = wy.weight(oj, k);
                    sr += w * planes[0][idx];
                    sg += w * planes[1][idx];
                    sb += w * planes[2][idx];
                }
                out[oj * outW + bx + i] = (clamp(sr) << 16) | (clamp(sg) << 8) | clamp(sb);
            }
        }
    }

    private static int maxEnd(AreaWeights w, int from, int count) {
        int end = Integer.MIN_VALUE;
        for (int i = from; i < from + count; i++) {
            end = Math.max(end, w.end(i));
        }
        return end;
    }

    private static int clamp(float v) {
        int q = Math.round(v);
        return q < 0 ? 0 : Math.min(255, q);
    }
}

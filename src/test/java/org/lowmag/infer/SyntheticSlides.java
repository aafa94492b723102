package org.lowmag.infer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.ModelInfo;
import org.lowmag.model.Normalization;
import org.lowmag.slide.RegionRequest;
import org.lowmag.slide.SlideMetadata;
import org.lowmag.slide.SlideReader;
import org.lowmag.slide.SlideReaders;
import org.lowmag.slide.SyntheticTiffs;

/**
 * Test fixtures: a tiled pyramidal TIFF (JDK writer, Deflate, 128 px tiles) of {@link #WIDTH} x
 * {@link #HEIGHT} px with three levels (downsamples 1, 2, 4) showing two pink tissue ellipses on
 * white; a reader that records every region request; and untrained models.
 */
public final class SyntheticSlides {

    public static final int WIDTH = 1024;
    public static final int HEIGHT = 768;
    static final int LEVELS = 3;

    /** Ellipses {cx, cy, rx, ry} in level-0 pixels. */
    static final int[][] BLOBS = {{280, 380, 170, 230}, {730, 380, 180, 160}};

    private SyntheticSlides() {}

    /**
     * @param file the TIFF to write
     * @return the file
     * @throws IOException when writing fails
     */
    public static Path write(Path file) throws IOException {
        ImageWriter writer = SyntheticTiffs.jdkWriter();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int level = 0; level < LEVELS; level++) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setTilingMode(ImageWriteParam.MODE_EXPLICIT);
                param.setTiling(128, 128, 0, 0);
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("Deflate");
                writer.writeToSequence(new IIOImage(level(level), null, null), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return file;
    }

    private static BufferedImage level(int level) {
        int s = 1 << level;
        BufferedImage img = new BufferedImage(WIDTH / s, HEIGHT / s, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(new Color(200, 120, 170));
            for (int[] b : BLOBS) {
                g.fill(
                        new Ellipse2D.Double(
                                (b[0] - b[2]) / (double) s,
                                (b[1] - b[3]) / (double) s,
                                2.0 * b[2] / s,
                                2.0 * b[3] / s));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Saves an untrained (He-initialised) 2-class "paper" model at a magnification. */
    public static Path model(Path dir, double magnification) throws IOException {
        ModelInfo info =
                new ModelInfo(
                        ModelInfo.FORMAT_VERSION,
                        "paper",
                        List.of("benign", "tumour"),
                        magnification,
                        Normalization.IDENTITY,
                        "untrained",
                        7L,
                        Map.of(),
                        Map.of());
        org.lowmag.model.Engines.seed(7);
        try (LowMagModel m = LowMagModel.create(info)) {
            m.save(dir);
        }
        return dir;
    }

    /** Opens slides with {@link SlideReaders#open} and records every region request. */
    static final class RecordingOpener implements SlidePredictor.SlideOpener {
        final List<RegionRequest> requests = new ArrayList<>();

        @Override
        public SlideReader open(Path path) throws IOException {
            SlideReader inner = SlideReaders.open(path);
            return new SlideReader() {
                @Override
                public SlideMetadata metadata() {
                    return inner.metadata();
                }

                @Override
                public int[] readLevelPixels(
                        int level, long xPx, long yPx, int widthPx, int heightPx)
                        throws IOException {
                    return inner.readLevelPixels(level, xPx, yPx, widthPx, heightPx);
                }

                @Override
                public BufferedImage readRegion(RegionRequest request) throws IOException {
                    synchronized (requests) {
                        requests.add(request);
                    }
                    return inner.readRegion(request);
                }

                @Override
                public BufferedImage readAssociatedImage(String name) throws IOException {
                    return inner.readAssociatedImage(name);
                }

                @Override
                public String backend() {
                    return inner.backend();
                }

                @Override
                public void close() throws IOException {
                    inner.close();
                }
            };
        }
    }
}

package org.lowmag.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.tiff.PyramidTiffWriter;

/**
 * Checks that OpenSlide (libopenslide.so.0, called through a few JNA lines) opens the writer's
 * output as an Aperio slide. Skipped where the library is not installed.
 */
class PyramidTiffOpenSlideTest {

    /** The few OpenSlide C functions this test needs. */
    interface OpenSlideC extends Library {
        Pointer openslide_open(String filename);

        String openslide_get_error(Pointer osr);

        int openslide_get_level_count(Pointer osr);

        void openslide_get_level_dimensions(Pointer osr, int level, long[] w, long[] h);

        String openslide_get_property_value(Pointer osr, String name);

        void openslide_read_region(
                Pointer osr, int[] dest, long x, long y, int level, long w, long h);

        void openslide_close(Pointer osr);
    }

    private static OpenSlideC openslide;

    @TempDir Path dir;

    @BeforeAll
    static void load() {
        try {
            NativeLibrary.getInstance("openslide");
            openslide = Native.load("openslide", OpenSlideC.class);
        } catch (UnsatisfiedLinkError e) {
            Assumptions.assumeTrue(false, "libopenslide not installed: " + e.getMessage());
        }
    }

    @Test
    void openSlideReadsTheFileAsAnAperioSlide() throws IOException {
        BufferedImage img = TiffTestImages.pattern(1500, 1100);
        Path file = dir.resolve("slide.svs");
        PyramidTiffWriter.builder()
                .setMpp(0.5, 0.5)
                .optTitle("LowMag synthetic")
                .build()
                .write(file, img);
        Pointer osr = openslide.openslide_open(file.toString());
        assertNotNull(osr, "OpenSlide did not recognise the file");
        try {
            assertNull(openslide.openslide_get_error(osr));
            assertEquals("aperio", openslide.openslide_get_property_value(osr, "openslide.vendor"));
            assertEquals("0.5", openslide.openslide_get_property_value(osr, "openslide.mpp-x"));
            assertEquals("0.5", openslide.openslide_get_property_value(osr, "openslide.mpp-y"));
            assertEquals(
                    "20", openslide.openslide_get_property_value(osr, "openslide.objective-power"));
            // 1500x1100 -> 375x275: two levels
            assertEquals(2, openslide.openslide_get_level_count(osr));
            long[] w = new long[1];
            long[] h = new long[1];
            openslide.openslide_get_level_dimensions(osr, 1, w, h);
            assertEquals(375, w[0]);
            assertEquals(275, h[0]);
            int[] argb = new int[64 * 48];
            openslide.openslide_read_region(osr, argb, 700, 500, 0, 64, 48);
            assertNull(openslide.openslide_get_error(osr));
            BufferedImage read = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            read.setRGB(0, 0, 64, 48, argb, 0, 64);
            double[] d = TiffTestImages.diff(img.getSubimage(700, 500, 64, 48), read);
            assertTrue(d[0] < 2.5, "mean |diff| " + d[0]);
            openslide.openslide_read_region(osr, argb, 0, 0, 1, 64, 48);
            read.setRGB(0, 0, 64, 48, argb, 0, 64);
            BufferedImage l1 = TiffTestImages.areaAverage(img, 4).getSubimage(0, 0, 64, 48);
            double d1 = TiffTestImages.diff(l1, read)[0];
            assertTrue(d1 < 4.0, "mean |diff| at level 1 " + d1);
        } finally {
            openslide.openslide_close(osr);
        }
    }
}

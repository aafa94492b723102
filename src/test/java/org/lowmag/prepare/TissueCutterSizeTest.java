package org.lowmag.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.resample.LanczosResampler;
import org.lowmag.util.LowMagException;

/** {@code --mags 0.001} made 1x1 px tissues that trained; a tissue must keep 4 px a side. */
class TissueCutterSizeTest {

    @TempDir Path out;

    @Test
    void aMagnificationThatShrinksATissueToAFewPixelsIsRefusedNamingIt() throws IOException {
        BufferedImage img = new BufferedImage(224, 224, BufferedImage.TYPE_INT_RGB);
        try (LanczosResampler r = new LanczosResampler(1)) {
            TissueCutter ok = new TissueCutter(out, List.of(10.0, 0.2), r, false);
            assertEquals(2, ok.cut("t1", img, 10).size(), "0.2x: 4x4 px, the smallest allowed");
            TissueCutter tiny = new TissueCutter(out, List.of(0.01), r, false);
            LowMagException e = assertThrows(LowMagException.class, () -> tiny.cut("t2", img, 10));
            assertTrue(
                    e.getMessage().startsWith("t2: at 0.01x the tissue is only 1x1 px"),
                    e::getMessage);
            assertTrue(Files.notExists(out.resolve(TissueCutter.relativePath("t2", 0.01))));
        }
    }
}

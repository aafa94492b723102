package org.lowmag.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderLockTest {

    @TempDir Path dir;

    @Test
    void aSecondJobIsRefusedUntilTheFirstReleasesTheFolder() throws IOException {
        Path out = dir.resolve("run");
        LowMagException e =
                assertThrows(
                        LowMagException.class,
                        () ->
                                FolderLock.holding(
                                        out,
                                        ".run.lock",
                                        "busy",
                                        () ->
                                                FolderLock.holding(
                                                        out,
                                                        ".run.lock",
                                                        "busy: " + out,
                                                        () -> 1)));
        assertEquals("busy: " + out, e.getMessage());
        assertEquals(2, FolderLock.holding(out, ".run.lock", "busy", () -> 2), "released");
    }

    @Test
    void locksOfOtherFilesInOneFolderAreIndependent() throws IOException {
        int r =
                FolderLock.holding(
                        dir,
                        ".experiment.lock",
                        "busy",
                        () -> FolderLock.holding(dir, ".run.lock", "busy", () -> 3));
        assertEquals(3, r);
    }
}

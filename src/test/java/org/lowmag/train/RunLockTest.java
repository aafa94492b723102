package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.Augmentation;
import org.lowmag.util.LowMagException;

/**
 * Two runs started together into one {@code --out} could both pass the "already holds a run" check
 * and overwrite each other: the second is refused while the first holds the folder.
 */
class RunLockTest {

    @TempDir Path dir;

    private static LoopConfig loop() {
        return new LoopConfig(
                1,
                1,
                1e-3,
                1e-4,
                0.9,
                7L,
                "val_accuracy",
                0,
                0,
                1L << 20,
                1L << 26,
                1L << 28,
                ActivationCheckpointing.AUTO);
    }

    @Test
    void trainDistillAndFinetuneAreRefusedWhileAnotherRunHoldsTheFolder() throws IOException {
        Path out = dir.resolve("run");
        Path data = dir.resolve("no-data");
        new RunFolder(out)
                .whileLocked(
                        () -> {
                            TrainConfig t =
                                    new TrainConfig(
                                            data,
                                            10,
                                            out,
                                            "paper",
                                            loop(),
                                            Augmentation.paperDefault(),
                                            "teacher",
                                            null,
                                            false);
                            LowMagException e =
                                    assertThrows(LowMagException.class, () -> TrainJob.run(t));
                            assertTrue(
                                    e.getMessage().contains("another run is writing into " + out),
                                    e::getMessage);
                            assertThrows(
                                    LowMagException.class,
                                    () ->
                                            FinetuneJob.run(
                                                    new FinetuneConfig(
                                                            dir.resolve("model"),
                                                            data,
                                                            out,
                                                            loop(),
                                                            Augmentation.paperDefault(),
                                                            false)));
                            return null;
                        });
        assertFalse(Files.exists(out.resolve("config.json")), "the refused runs wrote nothing");
    }
}

package org.lowmag.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.dataset.Augmentation;
import org.lowmag.dataset.InputPadding;
import org.lowmag.dataset.PadTarget;
import org.lowmag.model.LowMagModel;
import org.lowmag.model.WeightInit;
import org.lowmag.testing.TinyDatasets;
import org.lowmag.util.Json;

/**
 * Engine test: {@code select last} keeps the last epoch as {@code model/best}, even with patience,
 * and a run's initialisation and padding are written into its {@code config.json} and model.
 */
@Tag("engine")
class SelectLastTest {

    private static LoopConfig loop(String select, int patience) {
        return new LoopConfig(
                3,
                2,
                1e-3,
                1e-4,
                1.0,
                5L,
                select,
                patience,
                0,
                1L << 20,
                1L << 26,
                1L << 28,
                ActivationCheckpointing.AUTO);
    }

    @Test
    void lastEpochIsKeptAndTheSetupIsRecorded(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        TinyDatasets.write(data, 3, 6, 20, List.of(10.0, 5.0), 3L);
        Path out = tmp.resolve("run");
        ModelSetup setup =
                new ModelSetup(WeightInit.TORCH, InputPadding.REFLECT, PadTarget.MULTIPLE);
        LoopState state =
                TrainJob.run(
                        new TrainConfig(
                                data,
                                5,
                                out,
                                "paper",
                                loop("last", 1),
                                Augmentation.paperDefault(),
                                "baseline",
                                setup,
                                false));
        assertEquals(3, state.history().size(), "patience is ignored with select last");
        assertEquals(3, state.bestEpoch());
        RunFolder run = new RunFolder(out);
        List<float[]> best = ResumeTest.weights(run.bestModel());
        List<float[]> last = ResumeTest.weights(run.lastModel());
        for (int i = 0; i < best.size(); i++) {
            assertArrayEquals(last.get(i), best.get(i));
        }
        JsonObject cfg = Json.readTree(out.resolve("config.json")).getAsJsonObject();
        assertEquals("torch", cfg.get("init").getAsString());
        assertEquals("reflect", cfg.get("padding").getAsString());
        try (LowMagModel m = LowMagModel.load(run.bestModel())) {
            assertEquals(InputPadding.REFLECT, m.info().padding());
            assertEquals(32, m.info().padder().side(20));
            assertEquals(64, m.info().padder().side(33));
        }
    }

    @Test
    void unknownSelectionIsNamed() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> loop("first", 0));
        assertEquals(
                "--select 'first' is not one of val_accuracy, val_f1, val_loss, last",
                e.getMessage());
    }
}

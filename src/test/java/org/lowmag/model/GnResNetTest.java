package org.lowmag.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lowmag.arch.Architecture;
import org.lowmag.cost.FlopCounter;
import org.lowmag.cost.LayerCost;
import org.lowmag.cost.NetworkCost;
import org.lowmag.util.LowMagException;

/** Engine tests: the ResNet builds, runs on several sizes, and saves and loads exactly. */
@Tag("engine")
class GnResNetTest {

    static ModelInfo info(String arch, int classes) {
        List<String> names =
                java.util.stream.IntStream.range(0, classes).mapToObj(i -> "c" + i).toList();
        return new ModelInfo(
                ModelInfo.FORMAT_VERSION,
                arch,
                names,
                10.0,
                Normalization.IDENTITY,
                "untrained",
                7L,
                Map.of(),
                Map.of());
    }

    @Test
    void forwardOnTwoInputSizesMatchesTheFlopCountersShapes() {
        Engines.seed(1);
        try (LowMagModel model = LowMagModel.create(info("paper", 3));
                NDManager m = NDManager.newBaseManager()) {
            for (int[] hw : new int[][] {{64, 64}, {97, 130}}) {
                NDArray x = m.randomNormal(new Shape(2, 3, hw[0], hw[1]));
                NDList out = model.forward(m, new NDList(x), false);
                LayerCost map =
                        FlopCounter.count(Architecture.PAPER, 3, hw[0], hw[1], 3).featureMap();
                assertEquals(new Shape(2, 3), out.get(0).getShape());
                assertEquals(
                        new Shape(2, map.outChannels(), map.outHeight(), map.outWidth()),
                        out.get(1).getShape());
            }
        }
    }

    @Test
    void inferenceSegmentBySegmentGivesExactlyTheWholeForwardPass() {
        for (String arch : List.of("paper", "resnet18")) {
            Engines.seed(2);
            try (LowMagModel model = LowMagModel.create(info(arch, 3));
                    NDManager m = NDManager.newBaseManager()) {
                NDArray x = m.randomNormal(new Shape(2, 3, 72, 88));
                NDList whole = model.forward(m, new NDList(x), false);
                NDList segmented = model.forwardInference(m, x);
                for (int i = 0; i < 2; i++) {
                    assertEquals(whole.get(i).getShape(), segmented.get(i).getShape(), arch);
                    assertArrayEquals(
                            whole.get(i).toFloatArray(), segmented.get(i).toFloatArray(), 0f, arch);
                }
                assertEquals(true, segmented.get(0).getManager() == m, arch);
            }
        }
    }

    @Test
    void parameterCountEqualsTheFlopCounters() {
        for (String arch : List.of("paper", "resnet18")) {
            try (LowMagModel model = LowMagModel.create(info(arch, 5))) {
                long n = 0;
                for (Pair<String, Parameter> p : model.net().getParameters()) {
                    n += p.getValue().getArray().size();
                }
                NetworkCost cost = FlopCounter.count(Architecture.byName(arch), 3, 64, 64, 5);
                assertEquals(cost.params(), n, arch);
            }
        }
    }

    @Test
    void heInitialisationHasTheRightSpread() {
        Engines.seed(3);
        try (LowMagModel model = LowMagModel.create(info("resnet18", 3))) {
            for (Pair<String, Parameter> p : model.net().getParameters()) {
                NDArray w = p.getValue().getArray();
                if (w.getShape().dimension() == 4 && w.size() > 10000) {
                    long fanIn = w.getShape().get(1) * w.getShape().get(2) * w.getShape().get(3);
                    double std = Math.sqrt(w.square().mean().getFloat());
                    assertEquals(
                            Math.sqrt(2.0 / fanIn), std, 0.05 * Math.sqrt(2.0 / fanIn), p.getKey());
                }
            }
        }
    }

    @Test
    void saveThenLoadGivesBitIdenticalLogits(@TempDir Path dir) throws Exception {
        Engines.seed(5);
        float[] before;
        float[] after;
        try (LowMagModel model = LowMagModel.create(info("paper", 4));
                NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(1, 3, 72, 88));
            before = model.forward(m, new NDList(x), false).get(0).toFloatArray();
            model.save(dir.resolve("model"));
            try (LowMagModel loaded = LowMagModel.load(dir.resolve("model"))) {
                after = loaded.forward(m, new NDList(x), false).get(0).toFloatArray();
                assertEquals(model.info().classes(), loaded.info().classes());
            }
        }
        assertArrayEquals(before, after, 0f);
    }

    @Test
    void loadingAnIncompleteFolderSaysWhatIsMissing(@TempDir Path dir) throws Exception {
        Path modelDir = dir.resolve("model");
        try (LowMagModel model = LowMagModel.create(info("paper", 3))) {
            model.save(modelDir);
        }
        Files.delete(modelDir.resolve("lowmag-0000.params"));
        LowMagException e = assertThrows(LowMagException.class, () -> LowMagModel.load(modelDir));
        assertEquals(true, e.getMessage().contains("weights file"), e.getMessage());
        LowMagException e2 =
                assertThrows(LowMagException.class, () -> LowMagModel.load(dir.resolve("nope")));
        assertEquals(true, e2.getMessage().contains("does not exist"), e2.getMessage());
    }

    @Test
    void weightsOfAnotherClassCountAreRefused(@TempDir Path dir) throws Exception {
        Path modelDir = dir.resolve("model");
        try (LowMagModel model = LowMagModel.create(info("paper", 3))) {
            model.save(modelDir, info("paper", 5));
        }
        LowMagException e = assertThrows(LowMagException.class, () -> LowMagModel.load(modelDir));
        assertEquals(true, e.getMessage().contains("do not fit"), e.getMessage());
    }
}

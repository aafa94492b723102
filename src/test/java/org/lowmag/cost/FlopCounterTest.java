package org.lowmag.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.lowmag.arch.Architecture;

/** Golden FLOP counts, derived by hand in each test's comment. */
class FlopCounterTest {

    private static LayerCost layer(NetworkCost cost, String name) {
        return cost.layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * Stem of {@code paper} on 3x224x224: 7x7 stride 2 pad 3 gives floor((224 + 6 - 7) / 2) + 1 =
     * 112; MACs = 32 * 112 * 112 * 3 * 7 * 7 = 59,006,976; params 32 * 3 * 49 = 4,704. Max-pool 3x3
     * stride 2 pad 1: floor((112 + 2 - 3) / 2) + 1 = 56.
     */
    @Test
    void stemConvolutionByHand() {
        NetworkCost c = FlopCounter.count(Architecture.PAPER, 3, 224, 224, 3);
        LayerCost stem = layer(c, "stem.conv");
        assertEquals(59_006_976L, stem.macs());
        assertEquals(2 * 59_006_976L, stem.flops());
        assertEquals(4_704L, stem.params());
        assertEquals(112, stem.outHeight());
        assertEquals(56, layer(c, "stem.maxpool").outWidth());
    }

    /**
     * {@code paper} at 224 px, 3 classes. Stem 59,006,976. Stage 1 (32 ch, 56x56): two 3x3 convs of
     * 32 * 3136 * 32 * 9 = 28,901,376 each. Stages 2-4 each halve the side and double the width, so
     * each has conv1 = 14,450,688, conv2 = 28,901,376 and a 1x1 projection = 1,605,632 (e.g. stage
     * 2: 64 * 784 * 32 * 9, 64 * 784 * 64 * 9, 64 * 784 * 32). FC 256 * 3 = 768. Total = 59,006,976
     * + 57,802,752 + 3 * 44,957,696 + 768 = 251,683,584 MACs.
     */
    @Test
    void paperNetworkAt224ByHand() {
        NetworkCost c = FlopCounter.count(Architecture.PAPER, 3, 224, 224, 3);
        assertEquals(251_683_584L, c.macs());
        assertEquals(0.503367168, c.gflops(), 1e-12);
        LayerCost map = c.featureMap();
        assertEquals(256, map.outChannels());
        assertEquals(7, map.outHeight());
    }

    /**
     * ResNet-18 at 224 px with 1000 classes: the published 1.814 G MACs and 11,689,512 parameters
     * (torchvision's count; GroupNorm has as many parameters as BatchNorm's affine part). With 3
     * classes the FC shrinks by 512 * 997 MACs and 513 * 997 parameters.
     */
    @Test
    void resnet18MatchesThePublishedFigures() {
        NetworkCost c = FlopCounter.count(Architecture.RESNET18, 3, 224, 224, 1000);
        assertEquals(1_814_073_344L, c.macs());
        assertEquals(11_689_512L, c.params());
        NetworkCost c3 = FlopCounter.count(Architecture.RESNET18, 3, 224, 224, 3);
        assertEquals(1_814_073_344L - 512L * 997, c3.macs());
        assertEquals(11_689_512L - 513L * 997, c3.params());
    }

    /** Halving the side divides the convolution cost by about 4 (exactly, where sizes divide). */
    @Test
    void costScalesWithArea() {
        long big = FlopCounter.count(Architecture.PAPER, 3, 448, 448, 3).macs() - 768;
        long small = FlopCounter.count(Architecture.PAPER, 3, 224, 224, 3).macs() - 768;
        assertEquals(4.0, (double) big / small, 1e-9);
    }

    @Test
    void rejectsBadInput() {
        assertThrows(
                IllegalArgumentException.class,
                () -> FlopCounter.count(Architecture.PAPER, 3, 0, 10, 3));
        assertThrows(
                IllegalArgumentException.class,
                () -> FlopCounter.count(Architecture.PAPER, 3, 10, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> Architecture.byName("vgg"));
    }
}

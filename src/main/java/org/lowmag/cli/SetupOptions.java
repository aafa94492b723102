package org.lowmag.cli;

import org.lowmag.dataset.InputPadding;
import org.lowmag.dataset.PadTarget;
import org.lowmag.model.WeightInit;
import org.lowmag.train.ModelSetup;
import picocli.CommandLine.Option;

/** Initialisation and small-input padding of a new network (a picocli mixin). */
final class SetupOptions {

    @Option(
            names = "--init",
            defaultValue = "he",
            description =
                    "Weight initialisation: he (the paper: N(0, 2/fan_in)) or torch (PyTorch's"
                            + " module default: U(-1/sqrt(fan_in), 1/sqrt(fan_in))) (default:"
                            + " ${DEFAULT-VALUE}).")
    String init;

    @Option(
            names = "--padding",
            defaultValue = "white",
            description =
                    "How tissues smaller than the network's stride (32 px) are padded, kept"
                            + " centred: white (the glass), mean (the normalisation's mean colour,"
                            + " zero after standardisation), reflect (mirrored tissue) or none"
                            + " (the network runs on the tissue as it is). Saved with the model;"
                            + " evaluation and prediction pad the same way (default:"
                            + " ${DEFAULT-VALUE}).")
    String padding;

    @Option(
            names = "--pad-to",
            defaultValue = "multiple",
            description =
                    "Which inputs are padded: multiple (every side up to the next multiple of"
                            + " the stride: a margin of glass around tissues that fill their"
                            + " frame, worth 4-8 points of accuracy at low magnification, see"
                            + " docs/experiments/fidelity.md) or stride (only sides below the"
                            + " stride, up to it; LowMag before 2026-12) (default:"
                            + " ${DEFAULT-VALUE}).")
    String padTo;

    ModelSetup toSetup() {
        return new ModelSetup(
                WeightInit.parse(init), InputPadding.parse(padding), PadTarget.parse(padTo));
    }
}

package org.lowmag.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lowmag.arch.Architecture;
import org.lowmag.dataset.Augmentation;

/**
 * Everything {@code lowmag train} needs: the teacher and the baselines are trained the same way,
 * from He initialisation on the labelled {@code train} split at one magnification.
 *
 * @param data the dataset folder
 * @param magnification the magnification to train at
 * @param out the run folder
 * @param architecture network architecture name
 * @param loop optimisation settings
 * @param augmentation online augmentation
 * @param role recorded in the model: {@code teacher} or {@code baseline}
 * @param setup the initialisation and the padding of small inputs
 * @param resume continue the run folder's checkpoint (not recorded: a resume is the same run)
 */
public record TrainConfig(
        Path data,
        double magnification,
        Path out,
        String architecture,
        LoopConfig loop,
        Augmentation augmentation,
        String role,
        ModelSetup setup,
        boolean resume) {

    /** Validates. */
    public TrainConfig {
        Architecture.byName(architecture);
        if (setup == null) {
            setup = ModelSetup.DEFAULT;
        }
        if (!(magnification > 0)) {
            throw new IllegalArgumentException("--mag must be positive, got " + magnification);
        }
    }

    /**
     * @return the configuration as a map for {@code config.json} (every component but {@code
     *     resume})
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "train");
        m.put("data", data.toAbsolutePath().toString());
        m.put("magnification", magnification);
        m.put("architecture", architecture);
        m.put("role", role);
        m.put("loop", loop);
        m.put("augmentation", augmentation);
        setup.record(m);
        return m;
    }
}

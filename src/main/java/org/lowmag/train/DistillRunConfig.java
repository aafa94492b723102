package org.lowmag.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lowmag.dataset.Augmentation;
import org.lowmag.distill.DistillConfig;

/**
 * Everything {@code lowmag distill} needs.
 *
 * @param teacher the teacher's run or model folder
 * @param data the dataset
 * @param splits the splits of {@code data} whose tissues are used (labels ignored)
 * @param unlabeled further datasets whose every tissue is used (auxiliary sets)
 * @param magnification the student's magnification (below the teacher's)
 * @param out the run folder
 * @param architecture the student's architecture (null: the teacher's)
 * @param loss the distillation loss settings
 * @param loop optimisation settings
 * @param augmentation augmentation shared by each teacher/student pair
 * @param setup the student's initialisation and padding of small inputs (the teacher's inputs are
 *     padded as the teacher was trained)
 * @param resume continue the run folder's checkpoint (not recorded: a resume is the same run)
 */
public record DistillRunConfig(
        Path teacher,
        Path data,
        List<String> splits,
        List<Path> unlabeled,
        double magnification,
        Path out,
        String architecture,
        DistillConfig loss,
        LoopConfig loop,
        Augmentation augmentation,
        ModelSetup setup,
        boolean resume) {

    /** Copies the lists. */
    public DistillRunConfig {
        splits = List.copyOf(splits);
        unlabeled = List.copyOf(unlabeled);
        if (setup == null) {
            setup = ModelSetup.DEFAULT;
        }
        if (splits.isEmpty() && unlabeled.isEmpty()) {
            throw new IllegalArgumentException(
                    "--splits is empty and no --unlabeled dataset is given: nothing to distil on");
        }
    }

    /**
     * @return the configuration as a map for {@code config.json} (every component but {@code
     *     resume}; {@link DistillJob} records the architecture it resolved)
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "distill");
        m.put("teacher", teacher.toAbsolutePath().toString());
        m.put("data", data.toAbsolutePath().toString());
        m.put("splits", splits);
        m.put("unlabeled", unlabeled.stream().map(p -> p.toAbsolutePath().toString()).toList());
        m.put("magnification", magnification);
        m.put("architecture", architecture == null ? "teacher's" : architecture);
        m.put("temperature", loss.temperature());
        m.put("resize", loss.resize().flag());
        m.put("pixel_loss", loss.pixelNorm().toString());
        m.put("loop", loop);
        m.put("augmentation", augmentation);
        setup.record(m);
        return m;
    }
}

package org.lowmag.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lowmag.dataset.Augmentation;

/**
 * Everything {@code lowmag finetune} needs: a distilled student whose fully connected layer alone
 * is trained on the labelled {@code train} split at the student's magnification.
 *
 * @param model the student's run or model folder
 * @param data the labelled dataset
 * @param out the run folder
 * @param loop optimisation settings
 * @param augmentation online augmentation
 * @param resume continue the run folder's checkpoint (not recorded: a resume is the same run)
 */
public record FinetuneConfig(
        Path model,
        Path data,
        Path out,
        LoopConfig loop,
        Augmentation augmentation,
        boolean resume) {

    /**
     * @return the configuration as a map for {@code config.json} (every component but {@code
     *     resume})
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", "finetune");
        m.put("model", model.toAbsolutePath().toString());
        m.put("data", data.toAbsolutePath().toString());
        m.put("loop", loop);
        m.put("augmentation", augmentation);
        return m;
    }
}

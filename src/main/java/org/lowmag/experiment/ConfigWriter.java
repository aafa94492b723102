package org.lowmag.experiment;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lowmag.util.Json;

/**
 * Writes an {@link ExperimentConfig} as the YAML file {@link ConfigReader} reads back into the same
 * configuration: every key explicit, paths absolute, strings quoted as JSON quotes them.
 */
public final class ConfigWriter {

    private static final List<String> EPOCH_ORDER =
            List.of(
                    Arms.TEACHER,
                    Arms.BASELINE,
                    Arms.KD,
                    Arms.KD_AUX,
                    Arms.FINETUNE,
                    Arms.ABLATION);

    private ConfigWriter() {}

    /**
     * @param c the configuration
     * @param comment a first line, written as a YAML comment (empty: none)
     * @return the YAML text
     */
    public static String yaml(ExperimentConfig c, String comment) {
        StringBuilder y = new StringBuilder();
        if (!comment.isEmpty()) {
            y.append("# ").append(comment).append('\n');
        }
        line(y, "dataset", path(c.dataset()));
        line(y, "teacher_mag", number(c.teacherMag()));
        line(y, "student_mags", list(c.studentMags().stream().map(ConfigWriter::number)));
        line(y, "arch", text(c.arch()));
        line(y, "arms", list(c.arms().stream().map(ConfigWriter::text)));
        line(y, "kd_splits", list(c.kdSplits().stream().map(ConfigWriter::text)));
        if (!c.auxiliary().isEmpty()) {
            y.append("auxiliary:\n");
            for (AuxSet a : c.auxiliary()) {
                y.append("  ")
                        .append(a.name())
                        .append(": {splits: ")
                        .append(list(a.splits().stream().map(ConfigWriter::text)))
                        .append(", datasets: ")
                        .append(list(a.datasets().stream().map(ConfigWriter::path)))
                        .append("}\n");
            }
        }
        if (c.ablation().enabled()) {
            line(
                    y,
                    "ablation",
                    "{mags: "
                            + list(c.ablation().mags().stream().map(ConfigWriter::number))
                            + ", resize: "
                            + list(c.ablation().resize().stream().map(r -> text(r.flag())))
                            + "}");
        }
        line(y, "epochs", epochs(c));
        line(y, "accumulate", Integer.toString(c.accumulate()));
        line(y, "lr", number(c.learningRate()));
        line(y, "seeds", list(c.seeds().stream().map(String::valueOf)));
        line(y, "bootstrap", Integer.toString(c.bootstrap()));
        line(y, "bootstrap_unit", c.bootstrapUnit().key());
        line(y, "temperature", number(c.temperature()));
        line(y, "init", text(c.setup().init().flag()));
        line(y, "padding", text(c.setup().padding().flag()));
        line(y, "pad_to", text(c.setup().padTo().flag()));
        if (c.hasFolds()) {
            line(y, "folds", Integer.toString(c.folds()));
        }
        return y.toString();
    }

    private static String epochs(ExperimentConfig c) {
        Map<String, Integer> e = new LinkedHashMap<>();
        for (String role : EPOCH_ORDER) {
            if (c.epochs().containsKey(role)) {
                e.put(role, c.epochs().get(role));
            }
        }
        if (c.ablation().enabled()) {
            e.put(Arms.ABLATION, c.ablation().epochs());
        }
        return e.entrySet().stream()
                .map(x -> x.getKey() + ": " + x.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static void line(StringBuilder y, String key, String value) {
        y.append(key).append(": ").append(value).append('\n');
    }

    private static String list(Stream<String> items) {
        return items.collect(Collectors.joining(", ", "[", "]"));
    }

    private static String number(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }

    private static String text(String s) {
        return Json.toJson(s);
    }

    private static String path(Path p) {
        return text(p.toAbsolutePath().toString());
    }
}

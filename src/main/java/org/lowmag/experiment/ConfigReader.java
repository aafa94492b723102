package org.lowmag.experiment;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lowmag.dataset.InputPadding;
import org.lowmag.dataset.PadTarget;
import org.lowmag.distill.ResizeMode;
import org.lowmag.eval.BootstrapConfig;
import org.lowmag.model.WeightInit;
import org.lowmag.train.ModelSetup;
import org.lowmag.util.Json;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads an experiment configuration (YAML, or JSON when the file name ends in {@code .json}).
 * Relative paths are relative to the configuration file's folder. Unknown keys are errors. See
 * {@code examples/experiment-lc25000.yaml} for every key.
 */
public final class ConfigReader {

    /** Default epochs of every role (the paper's 100). */
    public static final int DEFAULT_EPOCHS = 100;

    private static final List<String> TOP =
            List.of(
                    "dataset",
                    "teacher_mag",
                    "student_mags",
                    "arch",
                    "arms",
                    "kd_splits",
                    "auxiliary",
                    "ablation",
                    "epochs",
                    "accumulate",
                    "lr",
                    "seed",
                    "seeds",
                    "folds",
                    "bootstrap",
                    "bootstrap_unit",
                    "temperature",
                    "init",
                    "padding",
                    "pad_to");
    private static final List<String> EPOCH_KEYS =
            List.of("teacher", "baseline", "kd", "kd+aux", "finetune", "ablation");

    private ConfigReader() {}

    /**
     * Reads and validates a configuration file.
     *
     * @param file the YAML or JSON file
     * @return the configuration
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file, the key and the bad value
     */
    public static ExperimentConfig read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file + " (experiment configuration is missing)");
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        Path base = file.toAbsolutePath().getParent();
        try {
            return parse(text, base, json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses a configuration text.
     *
     * @param text YAML or JSON
     * @param baseDir the folder relative paths are resolved against
     * @param json true to parse strict JSON
     * @return the configuration
     * @throws IllegalArgumentException naming the key and the bad value
     */
    public static ExperimentConfig parse(String text, Path baseDir, boolean json) {
        ConfigNode root = new ConfigNode("", load(text, json));
        root.allowOnly(TOP);
        if (!root.has("dataset")) {
            throw new IllegalArgumentException(
                    "dataset: missing (the folder written by 'lowmag prepare')");
        }
        Path dataset = baseDir.resolve(root.requiredString("dataset"));
        double teacherMag = root.magnification("teacher_mag");
        if (!root.has("student_mags")) {
            throw new IllegalArgumentException("student_mags: missing (required)");
        }
        List<Double> students = root.magnifications("student_mags");
        List<AuxSet> aux = auxiliary(root, baseDir);
        List<String> arms = arms(root, !aux.isEmpty());
        Map<String, Integer> epochs = epochs(root);
        List<String> kdSplits =
                root.has("kd_splits") ? root.strings("kd_splits") : List.of("train", "val");
        return new ExperimentConfig(
                dataset,
                teacherMag,
                students,
                root.string("arch", "paper"),
                arms,
                kdSplits,
                aux,
                ablation(root, epochs),
                epochs,
                (int) root.integer("accumulate", 32),
                root.number("lr", 1e-3),
                seeds(root),
                (int) root.integer("bootstrap", 10_000),
                bootstrapUnit(root),
                root.number("temperature", 1.0),
                setup(root),
                folds(root));
    }

    /** {@code init}, {@code padding}, {@code pad_to}; LowMag's defaults where absent. */
    private static ModelSetup setup(ConfigNode root) {
        ModelSetup d = ModelSetup.DEFAULT;
        return new ModelSetup(
                parsed(root, "init", d.init().flag(), WeightInit::parse),
                parsed(root, "padding", d.padding().flag(), InputPadding::parse),
                parsed(root, "pad_to", d.padTo().flag(), PadTarget::parse));
    }

    /** Parses one string key, naming the key in the message of a bad value. */
    private static <T> T parsed(
            ConfigNode root,
            String key,
            String fallback,
            java.util.function.Function<String, T> p) {
        String v = root.string(key, fallback);
        try {
            return p.apply(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(root.key(key) + ": " + e.getMessage(), e);
        }
    }

    private static Object load(String text, boolean json) {
        try {
            if (json) {
                return Json.gson().fromJson(text, Object.class);
            }
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (YAMLException | JsonParseException e) {
            throw new IllegalArgumentException(
                    "not valid " + (json ? "JSON" : "YAML") + ": " + e.getMessage(), e);
        }
    }

    /** {@code seeds: [0, 1, 2]}, or {@code seed: N} meaning {@code [N]}; default {@code [0]}. */
    private static List<Long> seeds(ConfigNode root) {
        if (root.has("seed") && root.has("seeds")) {
            throw new IllegalArgumentException(
                    "seed and seeds: give one of them (seed: N is the same as seeds: [N])");
        }
        if (!root.has("seeds")) {
            return List.of(root.integer("seed", 0));
        }
        List<Long> out = new ArrayList<>();
        for (Object o : root.list("seeds")) {
            out.add(ConfigNode.toInteger(root.key("seeds"), o));
        }
        return out;
    }

    /** {@code folds: K}; absent: no cross-validation. */
    private static int folds(ConfigNode root) {
        if (!root.has("folds")) {
            return ExperimentConfig.NO_FOLDS;
        }
        long k = root.integer("folds", ExperimentConfig.NO_FOLDS);
        if (k < 2 || k > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "folds: must be at least 2 (group K-fold cross-validation; leave it out to use"
                            + " the dataset's own test split), got "
                            + k);
        }
        return (int) k;
    }

    private static BootstrapConfig.Unit bootstrapUnit(ConfigNode root) {
        String v = root.string("bootstrap_unit", BootstrapConfig.Unit.TISSUE.key());
        try {
            return BootstrapConfig.Unit.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "bootstrap_unit: '"
                            + v
                            + "' is not a bootstrap unit: use tissue (each test tissue) or group"
                            + " (whole groups of the manifest's group column)",
                    e);
        }
    }

    private static List<String> arms(ConfigNode root, boolean haveAux) {
        if (!root.has("arms")) {
            return haveAux
                    ? List.of(Arms.BASELINE, Arms.KD, Arms.KD_AUX)
                    : List.of(Arms.BASELINE, Arms.KD);
        }
        Set<String> given = new LinkedHashSet<>();
        for (String a : root.strings("arms")) {
            String arm = a.toLowerCase(Locale.ROOT);
            if (!Arms.CONFIGURABLE.contains(arm)) {
                throw new IllegalArgumentException(
                        "arms: unknown arm '" + a + "'; known arms: " + Arms.CONFIGURABLE);
            }
            if (!given.add(arm)) {
                throw new IllegalArgumentException("arms: '" + a + "' is listed twice");
            }
        }
        return Arms.CONFIGURABLE.stream().filter(given::contains).toList();
    }

    private static Map<String, Integer> epochs(ConfigNode root) {
        Map<String, Integer> out = new HashMap<>();
        if (!root.has("epochs") || !(root.raw("epochs") instanceof Map<?, ?>)) {
            int all = (int) root.integer("epochs", DEFAULT_EPOCHS);
            EPOCH_KEYS.forEach(k -> out.put(k, all));
            return out;
        }
        ConfigNode e = root.child("epochs");
        e.allowOnly(EPOCH_KEYS);
        for (String k : e.keys()) {
            out.put(k, (int) e.integer(k, DEFAULT_EPOCHS));
        }
        return out;
    }

    private static List<AuxSet> auxiliary(ConfigNode root, Path baseDir) {
        List<AuxSet> out = new ArrayList<>();
        if (!root.has("auxiliary")) {
            return out;
        }
        ConfigNode aux = root.child("auxiliary");
        for (String name : aux.keys()) {
            if (!name.matches("[A-Za-z0-9_.]+")) {
                throw new IllegalArgumentException(
                        aux.key(name)
                                + ": set names may use letters, digits, '_' and '.' only (they"
                                + " become run folder names)");
            }
            ConfigNode set = aux.child(name);
            set.allowOnly(List.of("splits", "datasets"));
            List<Path> datasets =
                    set.strings("datasets").stream().map(s -> baseDir.resolve(s)).toList();
            out.add(new AuxSet(name, set.strings("splits"), datasets));
        }
        return out;
    }

    private static Ablation ablation(ConfigNode root, Map<String, Integer> epochs) {
        if (!root.has("ablation")) {
            return Ablation.none();
        }
        ConfigNode a = root.child("ablation");
        a.allowOnly(List.of("mags", "resize"));
        List<ResizeMode> modes = new ArrayList<>();
        List<String> names =
                a.has("resize")
                        ? a.strings("resize")
                        : List.of("none", "maxpool", "bicubic", "maxpool+bicubic");
        for (String r : names) {
            try {
                modes.add(ResizeMode.fromFlag(r));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(a.key("resize") + ": " + e.getMessage(), e);
            }
        }
        List<Double> mags = a.magnifications("mags");
        Integer ep = epochs.getOrDefault(Arms.ABLATION, epochs.get(Arms.KD));
        if (ep == null && !mags.isEmpty()) {
            throw new IllegalArgumentException(
                    "epochs.ablation: missing (give it, or epochs.kd which it defaults to)");
        }
        return new Ablation(mags, modes, ep == null ? 1 : ep);
    }
}

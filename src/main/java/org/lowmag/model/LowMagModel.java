package org.lowmag.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.lowmag.util.AtomicFiles;
import org.lowmag.util.Json;
import org.lowmag.util.LowMagException;

/**
 * A GroupNorm ResNet with its metadata: the DJL model plus {@link ModelInfo}. A model folder holds
 * {@code model.json} (the metadata) and {@code lowmag-0000.params} (the weights, DJL's format).
 *
 * <p>Closing the model frees its native memory.
 */
public final class LowMagModel implements AutoCloseable {

    /** Name of the metadata file in a model folder. */
    public static final String INFO_FILE = "model.json";

    /** Prefix of DJL's parameter file in a model folder. */
    public static final String WEIGHTS_PREFIX = "lowmag";

    private static final String WEIGHTS_FILE = WEIGHTS_PREFIX + "-0000.params";
    private static final int INIT_SIDE_PX = 64;

    private final Model model;
    private final GnResNet net;
    private final ModelInfo info;

    private LowMagModel(Model model, GnResNet net, ModelInfo info) {
        this.model = model;
        this.net = net;
        this.info = info;
    }

    /**
     * Creates a freshly initialised model (He initialisation). The engine's random seed must have
     * been set by the caller for reproducible weights (see {@link Engines#seed(long)}).
     *
     * @param info the metadata (architecture, classes, ...)
     * @return the model
     */
    public static LowMagModel create(ModelInfo info) {
        return create(info, WeightInit.HE);
    }

    /**
     * Creates a freshly initialised model. The engine's random seed must have been set by the
     * caller for reproducible weights (see {@link Engines#seed(long)}).
     *
     * @param info the metadata (architecture, classes, ...)
     * @param init how the weights are drawn
     * @return the model
     */
    public static LowMagModel create(ModelInfo info, WeightInit init) {
        info.validate("new model");
        GnResNet net = new GnResNet(info.arch(), info.classes().size(), init);
        Model model = Model.newInstance("lowmag", Engines.device());
        model.setBlock(net);
        net.initialize(
                model.getNDManager(),
                DataType.FLOAT32,
                new Shape(1, 3, INIT_SIDE_PX, INIT_SIDE_PX));
        return new LowMagModel(model, net, info);
    }

    /**
     * Loads a model folder, checking it is complete.
     *
     * @param dir the folder holding {@code model.json} and the weights
     * @return the model
     * @throws LowMagException naming what is missing or mismatched
     */
    public static LowMagModel load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new LowMagException("model folder " + dir + " does not exist");
        }
        Path infoFile = dir.resolve(INFO_FILE);
        if (!Files.isRegularFile(infoFile)) {
            throw new LowMagException(
                    dir + " is not a LowMag model folder: " + INFO_FILE + " is missing");
        }
        if (!Files.isRegularFile(dir.resolve(WEIGHTS_FILE))) {
            throw new LowMagException(
                    "model folder "
                            + dir
                            + " is incomplete: weights file "
                            + WEIGHTS_FILE
                            + " is missing");
        }
        ModelInfo info;
        try {
            info = Json.read(infoFile, ModelInfo.class);
            info.validate(dir.toString());
        } catch (IOException | RuntimeException e) {
            throw new LowMagException(
                    "cannot read model metadata " + infoFile + ": " + e.getMessage(), e);
        }
        GnResNet net = new GnResNet(info.arch(), info.classes().size());
        Model model = Model.newInstance("lowmag", Engines.device());
        model.setBlock(net);
        Map<String, Shape> expected = new LinkedHashMap<>();
        try (NDManager scratch = NDManager.newBaseManager()) {
            net.initialize(scratch, DataType.FLOAT32, new Shape(1, 3, INIT_SIDE_PX, INIT_SIDE_PX));
            for (Pair<String, Parameter> p : net.getParameters()) {
                expected.put(p.getKey(), p.getValue().getArray().getShape());
            }
        }
        try {
            model.load(dir, WEIGHTS_PREFIX);
            for (Pair<String, Parameter> p : net.getParameters()) {
                Shape got = p.getValue().getArray().getShape();
                if (!got.equals(expected.get(p.getKey()))) {
                    throw new IllegalStateException(
                            "parameter "
                                    + p.getKey()
                                    + " has shape "
                                    + got
                                    + ", expected "
                                    + expected.get(p.getKey()));
                }
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new LowMagException(
                    "weights in "
                            + dir
                            + " do not fit architecture "
                            + info.architecture()
                            + " with "
                            + info.classes().size()
                            + " classes (model.json and weights disagree, or the file is"
                            + " corrupt): "
                            + e.getMessage(),
                    e);
        }
        return new LowMagModel(model, net, info);
    }

    /**
     * Saves the model atomically: a folder is written beside {@code dir} and renamed into place,
     * replacing any previous one, so a crash never leaves a half-written model.
     *
     * @param dir the model folder to create or replace
     * @throws IOException when writing fails
     */
    public void save(Path dir) throws IOException {
        save(dir, info);
    }

    /**
     * Saves the weights with other metadata (e.g. updated config), atomically.
     *
     * @param dir the model folder to create or replace
     * @param withInfo the metadata to write
     * @throws IOException when writing fails
     */
    public void save(Path dir, ModelInfo withInfo) throws IOException {
        Path abs = dir.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".");
        try {
            AtomicFiles.makeReadable(tmp);
            model.save(tmp, WEIGHTS_PREFIX);
            Json.write(tmp.resolve(INFO_FILE), withInfo);
            Path old = null;
            if (Files.exists(abs)) {
                old = abs.resolveSibling("." + abs.getFileName() + ".old");
                deleteTree(old);
                AtomicFiles.moveAtomically(abs, old);
            }
            AtomicFiles.moveAtomically(tmp, abs);
            if (old != null) {
                deleteTree(old);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Runs the network.
     *
     * @param manager the manager that will own the outputs (use a short-lived sub-manager)
     * @param input standardised images {@code [N, 3, H, W]}
     * @param training whether in training mode (gradients recorded by an enclosing collector)
     * @return logits {@code [N, classes]} and the final feature map {@code [N, C, h, w]}
     */
    public NDList forward(NDManager manager, NDList input, boolean training) {
        return net.forward(new ParameterStore(manager, false), input, training);
    }

    /**
     * Runs the network for inference: autograd off on the calling thread (PyTorch's grad mode is
     * thread-local), and the network run segment by segment, each segment's intermediate arrays
     * freed at its end. The outputs of {@link #forward forward(manager, input, false)} with the
     * memory of the largest segment instead of the whole network's (a whole 8192 x 8192 tissue
     * otherwise keeps about 20 GiB of intermediate arrays until {@code manager} closes).
     *
     * @param manager the manager that will own the outputs
     * @param input standardised images {@code [N, 3, H, W]}
     * @return logits {@code [N, classes]} and the final feature map {@code [N, C, h, w]}
     */
    @SuppressWarnings("try") // the guard is used for its close()
    public NDList forwardInference(NDManager manager, NDArray input) {
        try (TorchOps.GradMode g = TorchOps.gradMode(false)) {
            return net.forwardSegmented(manager, input, false);
        }
    }

    /**
     * @return the metadata
     */
    public ModelInfo info() {
        return info;
    }

    /**
     * @return the DJL model (for trainers)
     */
    public Model djlModel() {
        return model;
    }

    /**
     * @return the network block
     */
    public GnResNet net() {
        return net;
    }

    @Override
    public void close() {
        model.close();
    }

    private static void deleteTree(Path p) throws IOException {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}

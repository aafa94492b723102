package org.lowmag.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import java.util.Locale;

/**
 * How a new network's convolution and fully connected weights are drawn ({@code fan_in} = input
 * channels x kernel height x kernel width, or the FC layer's inputs). GroupNorm always starts at
 * {@code gamma = 1, beta = 0}.
 *
 * <ul>
 *   <li>{@link #HE}: the paper's He (Kaiming) normal initialisation, {@code w ~ N(0, 2 / fan_in)},
 *       FC bias 0.
 *   <li>{@link #TORCH}: PyTorch's default for {@code nn.Conv2d} and {@code nn.Linear} ({@code
 *       kaiming_uniform_(a = sqrt(5))}): {@code w ~ U(-b, b)} with {@code b = 1 / sqrt(fan_in)}
 *       (variance {@code 1 / (3 fan_in)}, a sixth of He's), FC bias {@code ~ U(-b, b)} with the FC
 *       layer's {@code fan_in}. What a plain PyTorch implementation that never calls an init
 *       function gets.
 * </ul>
 */
public enum WeightInit {
    /** He normal (the paper). */
    HE,
    /** PyTorch's default module initialisation. */
    TORCH;

    /**
     * @return the flag spelling ({@code he} or {@code torch})
     */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a flag value.
     *
     * @param flag {@code he} or {@code torch} (case-insensitive)
     * @return the initialisation
     * @throws IllegalArgumentException naming the bad value and the choices
     */
    public static WeightInit parse(String flag) {
        for (WeightInit w : values()) {
            if (w.flag().equalsIgnoreCase(flag.trim())) {
                return w;
            }
        }
        throw new IllegalArgumentException("init '" + flag + "' is not one of he, torch");
    }

    /**
     * @return the initialiser of convolution and FC weights
     */
    Initializer weights() {
        return this == HE
                ? new XavierInitializer(
                        XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2f)
                : new FanInUniform(1.0);
    }

    /**
     * @param fcFanIn inputs of the FC layer
     * @return the initialiser of the FC bias
     */
    Initializer fcBias(int fcFanIn) {
        return this == HE ? new NormalInitializer(0f) : new FixedUniform(1.0 / Math.sqrt(fcFanIn));
    }

    /** {@code U(-g / sqrt(fan_in), g / sqrt(fan_in))}, {@code fan_in} from the weight's shape. */
    private record FanInUniform(double gain) implements Initializer {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            long fanIn = shape.size() / shape.get(0);
            float bound = (float) (gain / Math.sqrt(fanIn));
            return manager.randomUniform(-bound, bound, shape, dataType);
        }
    }

    /** {@code U(-bound, bound)}. */
    private record FixedUniform(double bound) implements Initializer {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            return manager.randomUniform((float) -bound, (float) bound, shape, dataType);
        }
    }

    /**
     * Sets the initialisers of a network's weights and FC bias.
     *
     * @param net the network, before {@code initialize}
     * @param fcFanIn inputs of its FC layer
     */
    void applyTo(GnResNet net, int fcFanIn) {
        net.setInitializer(weights(), Parameter.Type.WEIGHT);
        net.setInitializer(new NormalInitializer(0f), Parameter.Type.BIAS);
        net.fc().setInitializer(fcBias(fcFanIn), Parameter.Type.BIAS);
    }
}

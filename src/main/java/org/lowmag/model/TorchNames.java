package org.lowmag.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network's parameters under PyTorch's {@code state_dict} names, so that the weights load into
 * the same architecture written as an {@code nn.Module} (the generated {@code lowmag_model.py}, and
 * {@code benchmarks/torch_reference.py}, which use the same names).
 *
 * <p>The blocks are walked in order: a child of a {@link SequentialBlock} is named by its 0-based
 * position ({@code nn.Sequential}'s names), any other child by its name without DJL's 2-digit
 * prefix ({@code 01features} becomes {@code features}); parameters keep their names except
 * GroupNorm's {@code gamma} and {@code beta}, which are {@code nn.GroupNorm}'s {@code weight} and
 * {@code bias}. So for the {@code paper} network the stem convolution is {@code features.0.weight},
 * its GroupNorm {@code features.1.weight} and {@code .bias} (2 and 3 are the ReLU and the max-pool,
 * without parameters), the first block's second convolution {@code features.4.main.3.weight}, a
 * projection {@code features.5.shortcut.0.weight}, and the classifier {@code fc.weight} ({@code
 * [classes, channels]}) and {@code fc.bias}. Convolution weights are {@code [out, in, kH, kW]} in
 * both frameworks, so no tensor is transposed.
 */
public final class TorchNames {

    private TorchNames() {}

    /**
     * The network's parameters as float32 tensors under PyTorch names, in {@code state_dict} order.
     *
     * @param net an initialised network
     * @return the tensors by PyTorch name
     * @throws IllegalStateException for a parameter PyTorch's modules have no name for, or one that
     *     is not float32
     */
    public static Map<String, Safetensors.Tensor> tensors(GnResNet net) {
        Map<String, Safetensors.Tensor> out = new LinkedHashMap<>();
        walk(net, "", out);
        return out;
    }

    private static void walk(Block block, String prefix, Map<String, Safetensors.Tensor> out) {
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            String name = prefix + parameterName(block, p.getKey());
            NDArray a = p.getValue().getArray();
            if (a.getDataType() != DataType.FLOAT32) {
                throw new IllegalStateException(
                        "parameter " + name + " is " + a.getDataType() + ", only float32 exports");
            }
            if (out.put(name, new Safetensors.Tensor(a.getShape().getShape(), a.toFloatArray()))
                    != null) {
                throw new IllegalStateException("two parameters map to PyTorch name " + name);
            }
        }
        int index = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            String name =
                    block instanceof SequentialBlock
                            ? Integer.toString(index)
                            : child.getKey().replaceFirst("^\\d+", "");
            walk(child.getValue(), prefix + name + ".", out);
            index++;
        }
    }

    private static String parameterName(Block block, String djlName) {
        if (block instanceof GroupNorm) {
            return switch (djlName) {
                case "gamma" -> "weight";
                case "beta" -> "bias";
                default -> throw unknown(block, djlName);
            };
        }
        if (djlName.equals("weight") || djlName.equals("bias")) {
            return djlName;
        }
        throw unknown(block, djlName);
    }

    private static IllegalStateException unknown(Block block, String djlName) {
        return new IllegalStateException(
                "no PyTorch name for parameter '"
                        + djlName
                        + "' of "
                        + block.getClass().getSimpleName());
    }
}

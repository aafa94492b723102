package org.lowmag.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.function.Supplier;

/**
 * One training forward pass and its backward pass, optionally with activation (gradient)
 * checkpointing, which trades about one extra forward pass for memory: instead of every
 * intermediate array of the network, only the inputs of its segments (see {@link
 * GnResNet#forwardSegment}) are kept, and each segment is recomputed, recording its graph, when the
 * backward pass reaches it.
 *
 * <p>Use inside a {@link GradientCollector}:
 *
 * <pre>
 *   TrainingPass pass = TrainingPass.forward(model, manager, x, checkpoint);
 *   NDArray loss = f(pass.logits(), pass.featureMap());
 *   pass.backward(collector, loss);
 * </pre>
 *
 * <p>With checkpointing, the forward pass runs every segment but the last with autograd off, each
 * in a sub-manager closed at its end, keeping only its output (the next segment's input); the last
 * segment (the last residual block and the head) runs with autograd from a detached view of its
 * input (sharing its data), so the logits and the final feature map carry gradients as usual.
 * {@link #backward} first back-propagates the loss through the last segment, which leaves the
 * gradient of the loss with respect to that segment's input; then, from the last segment to the
 * first, it recomputes each segment with autograd on from its saved (detached) input and
 * back-propagates the gradient of its output into it, which accumulates the segment's parameter
 * gradients and yields the gradient of its input for the segment before. Each saved input and
 * gradient is freed as soon as it has been used. The network has no dropout and GroupNorm has no
 * running statistics, so the recomputation is the same function of the same values: the parameters'
 * gradients are those of the ordinary backward pass, and they accumulate over passes in the same
 * way (gradient accumulation). A prefix of segments without trainable parameters (fine-tuning
 * trains only the FC layer) is neither recorded nor recomputed.
 */
public final class TrainingPass {

    private final NDList outputs;
    private final Checkpoints checkpoints;

    private TrainingPass(NDList outputs, Checkpoints checkpoints) {
        this.outputs = outputs;
        this.checkpoints = checkpoints;
    }

    /**
     * Runs the forward pass in training mode.
     *
     * @param model the model
     * @param manager the manager that owns the outputs and everything kept for the backward pass (a
     *     short-lived sub-manager, open until after {@link #backward})
     * @param input standardised images {@code [N, 3, H, W]}
     * @param checkpoint whether to checkpoint activations
     * @return the pass, holding the logits and the final feature map
     */
    public static TrainingPass forward(
            LowMagModel model, NDManager manager, NDArray input, boolean checkpoint) {
        if (!checkpoint) {
            return new TrainingPass(model.forward(manager, new NDList(input), true), null);
        }
        Checkpoints c = new Checkpoints(model.net(), manager, input);
        return new TrainingPass(c.forward(), c);
    }

    /**
     * @return the logits {@code [N, classes]}, with gradients
     */
    public NDArray logits() {
        return outputs.get(0);
    }

    /**
     * @return the final feature map {@code [N, C, h, w]}, with gradients
     */
    public NDArray featureMap() {
        return outputs.get(1);
    }

    /**
     * @return whether activations are checkpointed
     */
    public boolean checkpointed() {
        return checkpoints != null;
    }

    /**
     * Back-propagates a scalar loss of the outputs into every trainable parameter's gradient
     * (accumulated onto what is already there), through the recomputed segments when checkpointed.
     * Call once.
     *
     * @param collector the open gradient collector
     * @param loss the scalar loss
     */
    public void backward(GradientCollector collector, NDArray loss) {
        collector.backward(loss);
        if (checkpoints != null) {
            checkpoints.backward();
        }
    }

    /** The saved segment inputs of one checkpointed pass, and the walk back through them. */
    private static final class Checkpoints {

        private final GnResNet net;
        private final NDManager manager;
        private final int segments;
        private final int firstTrainable;
        private final NDArray[] inputs;
        private NDManager tail;
        private NDArray tailInput;

        Checkpoints(GnResNet net, NDManager manager, NDArray input) {
            this.net = net;
            this.manager = manager;
            this.segments = net.segmentCount();
            this.inputs = new NDArray[segments];
            this.inputs[0] = input;
            int first = segments;
            for (int k = segments - 1; k >= 0; k--) {
                if (hasTrainable(net, k)) {
                    first = k;
                }
            }
            this.firstTrainable = first;
        }

        private static boolean hasTrainable(GnResNet net, int segment) {
            for (Parameter p : net.segmentParameters(segment)) {
                if (p.getArray().hasGradient()) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the gradient with respect to the input of a segment is needed. */
        private boolean needsInputGradient(int segment) {
            return segment > firstTrainable;
        }

        @SuppressWarnings("try") // the guard is used for its close()
        NDList forward() {
            try (TorchOps.GradMode g = TorchOps.gradMode(false)) {
                for (int k = 0; k < segments - 1; k++) {
                    inputs[k + 1] =
                            net.forwardSegmentScoped(manager, k, inputs[k], true)
                                    .singletonOrThrow();
                }
            }
            int last = segments - 1;
            tail = manager.newSubManager();
            tailInput = leaf(last, tail);
            NDList out = recorded(() -> net.forwardSegment(store(tail), last, tailInput, true));
            for (NDArray a : out) {
                a.attach(manager);
            }
            return out;
        }

        void backward() {
            int last = segments - 1;
            NDArray grad = needsInputGradient(last) ? gradientOf(tailInput) : null;
            tail.close();
            release(last);
            for (int k = last - 1; k >= firstTrainable; k--) {
                NDArray upstream = grad;
                int segment = k;
                try (NDManager scope = manager.newSubManager()) {
                    NDArray in = leaf(segment, scope);
                    NDArray out =
                            recorded(() -> net.forwardSegment(store(scope), segment, in, true))
                                    .singletonOrThrow();
                    TorchOps.backward((PtNDArray) out, (PtNDArray) upstream);
                    grad = needsInputGradient(segment) ? gradientOf(in) : null;
                }
                upstream.close();
                release(segment);
            }
            for (int k = 0; k < segments; k++) {
                release(k);
            }
        }

        /**
         * The saved input of a segment as an array of {@code scope}, sharing its data: the
         * operators of the segment create their results in their input's manager, so closing {@code
         * scope} frees them.
         */
        private NDArray view(int segment, NDManager scope) {
            NDArray v = inputs[segment].stopGradient();
            v.attach(scope);
            return v;
        }

        /** {@link #view}, as a leaf of a new graph that records its gradient when needed. */
        private NDArray leaf(int segment, NDManager scope) {
            NDArray leaf = view(segment, scope);
            if (needsInputGradient(segment)) {
                leaf.setRequiresGradient(true);
            }
            return leaf;
        }

        /** The gradient accumulated in a leaf, owned by the pass's manager. */
        private NDArray gradientOf(NDArray leaf) {
            NDArray g = leaf.getGradient();
            g.attach(manager);
            return g;
        }

        /** Frees a saved input (never the caller's input array). */
        private void release(int segment) {
            if (segment > 0 && inputs[segment] != null) {
                inputs[segment].close();
            }
            inputs[segment] = null;
        }

        private ParameterStore store(NDManager scope) {
            return new ParameterStore(scope, false);
        }

        @SuppressWarnings("try") // the guard is used for its close()
        private static <T> T recorded(Supplier<T> work) {
            try (TorchOps.GradMode g = TorchOps.gradMode(true)) {
                return work.get();
            }
        }
    }
}

package org.lowmag.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.lowmag.model.Kernels;
import org.lowmag.model.TorchOps;

/**
 * Adam (Kingma and Ba 2015) exactly as PyTorch's {@code torch.optim.Adam} (L2 weight decay added to
 * the gradient, not decoupled), with its state kept here so that checkpoints can save and restore
 * it and a resumed run ends bit-identical to an uninterrupted one.
 *
 * <p>For each trainable parameter {@code p} with gradient {@code g} at step {@code t}:
 *
 * <pre>
 *   g   = g + weightDecay * p
 *   m   = beta1 * m + (1 - beta1) * g
 *   v   = beta2 * v + (1 - beta2) * g^2
 *   p   = p - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 *
 * After the update every gradient is set to zero, ready for the next accumulation.
 */
public final class Adam {

    private final List<Pair<String, Parameter>> params;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final NDManager stateManager;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private int step;
    private boolean composite = Kernels.current() == Kernels.COMPOSITE;

    /**
     * @param params the trainable parameters (frozen ones are skipped)
     * @param weightDecay L2 penalty coefficient (PyTorch's {@code weight_decay})
     * @param stateManager owns the moment estimates
     */
    public Adam(ParameterList params, float weightDecay, NDManager stateManager) {
        this(params, 0.9f, 0.999f, 1e-8f, weightDecay, stateManager);
    }

    /**
     * @param params the parameters (those not requiring gradients are skipped)
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param eps denominator term
     * @param weightDecay L2 penalty coefficient
     * @param stateManager owns the moment estimates
     */
    public Adam(
            ParameterList params,
            float beta1,
            float beta2,
            float eps,
            float weightDecay,
            NDManager stateManager) {
        List<Pair<String, Parameter>> trainable = new ArrayList<>();
        for (Pair<String, Parameter> p : params) {
            if (p.getValue().requiresGradient()) {
                trainable.add(p);
            }
        }
        this.params = List.copyOf(trainable);
        if (this.params.isEmpty()) {
            throw new IllegalArgumentException("Adam: no trainable parameters");
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.stateManager = stateManager;
        for (Pair<String, Parameter> p : this.params) {
            NDArray w = p.getValue().getArray();
            means.add(stateManager.zeros(w.getShape(), w.getDataType()));
            variances.add(stateManager.zeros(w.getShape(), w.getDataType()));
        }
    }

    /**
     * @return optimiser steps taken so far
     */
    public int steps() {
        return step;
    }

    /**
     * Applies one update with the accumulated gradients and zeroes them. With PyTorch arrays the
     * update of each parameter is one native call (DJL's {@code adamUpdate}: fused multiply-adds,
     * five fewer passes over the parameter and one JNI call instead of about twenty), written as
     *
     * <pre>
     *   p = p - (lr * sqrt(1 - beta2^t) / (1 - beta1^t)) * m / (sqrt(v) + eps * sqrt(1 - beta2^t))
     * </pre>
     *
     * which is the class formula multiplied through by {@code sqrt(1 - beta2^t)}: the same update
     * up to float rounding. Other engines' arrays, or {@link Kernels#COMPOSITE}, take the composite
     * path that follows the class formula operator by operator.
     *
     * @param learningRate the learning rate for this step
     */
    public void step(float learningRate) {
        step++;
        double bc1 = 1 - Math.pow(beta1, step);
        double bc2 = Math.sqrt(1 - Math.pow(beta2, step));
        for (int i = 0; i < params.size(); i++) {
            NDArray w = params.get(i).getValue().getArray();
            if (!composite
                    && w instanceof PtNDArray pw
                    && means.get(i) instanceof PtNDArray pm
                    && variances.get(i) instanceof PtNDArray pv) {
                fusedUpdate(pw, pm, pv, (float) (learningRate * bc2 / bc1), (float) (eps * bc2));
            } else {
                compositeUpdate(w, means.get(i), variances.get(i), learningRate, bc1, bc2);
            }
        }
    }

    private void fusedUpdate(
            PtNDArray w, PtNDArray m, PtNDArray v, float scaledRate, float scaledEps) {
        try (PtNDArray g = w.getGradient()) {
            // lr (used only by the decoupled AdamW variant), lr * bias corrections, weight decay
            // (L2, added to the gradient), gradient rescale 1, no clipping (-1), beta1, beta2,
            // eps * sqrt(1 - beta2^t), adamw = false.
            TorchOps.adamUpdate(
                    w,
                    g,
                    m,
                    v,
                    scaledRate,
                    scaledRate,
                    weightDecay,
                    1f,
                    -1f,
                    beta1,
                    beta2,
                    scaledEps,
                    false);
        }
        TorchOps.zeroGrad(w);
    }

    private void compositeUpdate(
            NDArray w, NDArray mean, NDArray variance, float learningRate, double bc1, double bc2) {
        float stepSize = (float) (learningRate / bc1);
        try (NDManager scope = stateManager.newSubManager()) {
            // Every temporary is attached to the step's scope: results of ops on the parameter
            // or the moments would otherwise join their long-lived managers (a leak per step).
            NDArray g = w.getGradient();
            g.attach(scope);
            NDArray grad = g;
            if (weightDecay != 0) {
                NDArray decay = w.mul(weightDecay);
                decay.attach(scope);
                grad = g.add(decay);
                grad.attach(scope);
            }
            NDArray gm = grad.mul(1 - beta1);
            gm.attach(scope);
            mean.muli(beta1).addi(gm);
            NDArray g2 = grad.square();
            g2.attach(scope);
            variance.muli(beta2).addi(g2.muli(1 - beta2));
            NDArray denom = variance.sqrt();
            denom.attach(scope);
            denom.divi((float) bc2).addi(eps);
            NDArray update = mean.div(denom);
            update.attach(scope);
            w.subi(update.muli(stepSize));
            g.muli(0);
        }
    }

    /**
     * @param composite whether to take the composite path even with PyTorch arrays (tests compare
     *     the two)
     */
    void useComposite(boolean composite) {
        this.composite = composite;
    }

    /** Zeroes every gradient without updating (e.g. to drop a partial accumulation). */
    public void zeroGradients() {
        for (Pair<String, Parameter> p : params) {
            NDArray w = p.getValue().getArray();
            try (NDManager scope = stateManager.newSubManager()) {
                NDArray g = w.getGradient();
                g.attach(scope);
                g.muli(0);
            }
        }
    }

    /**
     * @return the state to checkpoint: step count (as a 1-element array), then each parameter's
     *     first and second moments, in parameter order
     */
    public NDList state() {
        NDList list = new NDList();
        NDArray s = stateManager.create(new int[] {step});
        s.setName("step");
        list.add(s);
        for (int i = 0; i < params.size(); i++) {
            list.add(means.get(i));
            list.add(variances.get(i));
        }
        return list;
    }

    /**
     * Restores a state saved by {@link #state()}.
     *
     * @param saved the state
     * @throws IllegalArgumentException when it does not fit these parameters
     */
    public void restore(NDList saved) {
        if (saved.size() != 1 + 2 * params.size()) {
            throw new IllegalArgumentException(
                    "optimizer state has "
                            + saved.size()
                            + " arrays, expected "
                            + (1 + 2 * params.size())
                            + ": the checkpoint belongs to another model");
        }
        step = saved.get(0).toIntArray()[0];
        for (int i = 0; i < params.size(); i++) {
            NDArray m = saved.get(1 + 2 * i);
            NDArray v = saved.get(2 + 2 * i);
            if (!m.getShape().equals(means.get(i).getShape())) {
                throw new IllegalArgumentException(
                        "optimizer state for "
                                + params.get(i).getKey()
                                + " has shape "
                                + m.getShape()
                                + ", expected "
                                + means.get(i).getShape());
            }
            NDArray mCopy = m.duplicate();
            mCopy.attach(stateManager);
            NDArray vCopy = v.duplicate();
            vCopy.attach(stateManager);
            means.set(i, mCopy).close();
            variances.set(i, vCopy).close();
        }
    }
}

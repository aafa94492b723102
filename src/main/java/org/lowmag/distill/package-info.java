/**
 * The resolution-based distillation losses of DiPalma et al., section 3.3 (equations 1-3), on DJL
 * NDArrays and differentiable through DJL autograd.
 *
 * <pre>
 * total = soft + pixel                                                        (1)
 * soft  = KL(softmax(t / T) || softmax(s / T)) * T^2, batch mean              (2)
 * pixel = (1/|G|) * sum_{g in G} D(g(F_t), F_s), D = MSE (or L1), mean        (3)
 * </pre>
 *
 * <p>{@code t}, {@code s}: teacher and student logits {@code [N, K]}; {@code F_t}, {@code F_s}:
 * final convolutional feature maps, NCHW; {@code G}: resizers mapping the teacher map to the
 * student's spatial size ({@link org.lowmag.distill.AdaptiveMaxPoolResizer}, {@link
 * org.lowmag.distill.BicubicResizer}). Entry point: {@link org.lowmag.distill.DistillationLoss}.
 *
 * <p>Memory: the losses attach every intermediate and result to the student arrays' NDManager
 * (detached teacher copies and resize weights included), so callers compute each batch inside its
 * own sub-manager and close it; teacher arrays may live elsewhere without growing their manager.
 */
package org.lowmag.distill;

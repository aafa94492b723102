package org.lowmag.infer;

/**
 * What a heatmap's colours show ({@code --heatmap-scale}).
 *
 * <ul>
 *   <li>{@link #FIXED}: the local class probability {@code p_k(x) = exp(CAM_k(x) + b_k) / sum_j
 *       exp(CAM_j(x) + b_j)} ({@code b} the FC bias; the softmax of the logit a tissue would get if
 *       it looked everywhere like position {@code x}) on the fixed scale 0 to 1, so the maps of
 *       every class and slide share one scale.
 *   <li>{@link #STRETCH}: the class activation {@code CAM_k(x)} stretched to the slide's range,
 *       {@code (v - min_k) / (max_k - min_k)} over all tissues of the slide (0 when constant): the
 *       most contrast within a map, but maps are not comparable.
 * </ul>
 */
public enum HeatmapScale {
    /** Local probability, 0 to 1. */
    FIXED,
    /** Class activation, min-max stretched per slide and class. */
    STRETCH
}

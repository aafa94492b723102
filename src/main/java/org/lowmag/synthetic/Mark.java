package org.lowmag.synthetic;

/**
 * A small stained object drawn over the base tissue: a nucleus, a mitotic figure, a pale goblet
 * vacuole or halo, or a speck of debris on the glass.
 *
 * <p>Within the blob (with a one-pixel anti-aliased edge, coverage {@code alpha}): a dark mark adds
 * haematoxylin {@code h += alpha * hAmount * t} with chromatin texture {@code t = 1 + texture (2 n
 * - 1)} ({@code n} value noise at {@link #GRAIN_UM}) and a darker rim, and sets eosin towards
 * {@code eAmount}; a pale mark blends both amounts towards ({@code hAmount}, {@code eAmount}).
 *
 * @param shape the outline (um)
 * @param pale whether this mark lightens (vacuole, halo) rather than darkens
 * @param hAmount haematoxylin amount of the mark
 * @param eAmount eosin amount of the mark
 * @param texture chromatin texture strength in [0, 1)
 * @param seed the texture's noise seed
 */
record Mark(Blob shape, boolean pale, float hAmount, float eAmount, float texture, long seed) {

    /** Size of chromatin grains (um). */
    static final double GRAIN_UM = 0.9;

    /** Validates. */
    Mark {
        if (hAmount < 0 || eAmount < 0 || texture < 0 || texture >= 1) {
            throw new IllegalArgumentException(
                    "bad mark amounts h=" + hAmount + " e=" + eAmount + " texture=" + texture);
        }
    }
}

package org.lowmag.synthetic;

/**
 * An epithelial structure: an outer outline (epithelium) with lumens punched out of it. A regular
 * ring gland also records its ring radii so nuclei can be lined up along it.
 *
 * @param outer the epithelium's outline
 * @param lumens the lumens (possibly none: a solid nest)
 * @param lumenFill eosin amount of each lumen's content (about 0.03 clear, 0.45 necrotic)
 * @param ring whether this is a regular ring gland (normal, dysplasia)
 * @param innerUm lumen radius of a ring gland (um)
 * @param outerUm outer radius of a ring gland (um)
 */
record Gland(
        Blob outer,
        Blob[] lumens,
        float[] lumenFill,
        boolean ring,
        double innerUm,
        double outerUm) {

    /** Validates. */
    Gland {
        if (lumens.length != lumenFill.length) {
            throw new IllegalArgumentException("one fill per lumen");
        }
    }

    /**
     * @param x point x (um)
     * @param y point y (um)
     * @param marginUm how far inside the epithelium the point must be (um)
     * @return whether the point is in this gland's epithelium, at least {@code marginUm} from its
     *     outline and from every lumen
     */
    boolean inEpithelium(double x, double y, double marginUm) {
        if (outer.depth(x, y) < marginUm) {
            return false;
        }
        for (Blob l : lumens) {
            if (l.depth(x, y) > -marginUm) {
                return false;
            }
        }
        return true;
    }
}

package org.lowmag.synthetic;

/**
 * The numbers that make a class look the way it does: gland lining nuclei and stain amounts (see
 * {@link StainModel} for the amounts' units). Gland architecture is in {@link GlandLayout}.
 *
 * @param nucleusDiameterUm mean lining-nucleus diameter (um)
 * @param diameterCv coefficient of variation of the diameter (pleomorphism)
 * @param aspectMax nuclei have a long/short axis ratio uniform in [1, aspectMax]
 * @param irregularity outline harmonics amplitude of nuclei (0 = smooth ellipse)
 * @param nucleusH mean haematoxylin amount of a lining nucleus
 * @param nucleusHSd its standard deviation between nuclei
 * @param texture chromatin texture strength
 * @param liningSpacingUm spacing of nuclei along the gland lining (um), or grid spacing when
 *     filling irregular epithelium
 * @param depthMin nuclei sit at a fraction of the lining thickness (0 = lumen side, 1 = basal side)
 *     uniform in [depthMin, depthMax]
 * @param depthMax see depthMin
 * @param mitosisRate probability that a lining nucleus is a mitotic figure
 * @param gobletPerNucleus goblet vacuoles per lining nucleus
 * @param stromaE mean eosin amount of stroma
 * @param stromaH haematoxylin amount of stroma (between its cells)
 * @param stromaCellRate fraction of the 21 um stromal grid points that get a cell
 * @param cytoplasmE eosin amount of epithelial cytoplasm
 * @param cytoplasmH haematoxylin amount of epithelial cytoplasm
 */
record ClassProfile(
        double nucleusDiameterUm,
        double diameterCv,
        double aspectMax,
        double irregularity,
        double nucleusH,
        double nucleusHSd,
        double texture,
        double liningSpacingUm,
        double depthMin,
        double depthMax,
        double mitosisRate,
        double gobletPerNucleus,
        double stromaE,
        double stromaH,
        double stromaCellRate,
        double cytoplasmE,
        double cytoplasmH) {

    /** Validates. */
    ClassProfile {
        if (!(nucleusDiameterUm > 0 && liningSpacingUm > 0 && aspectMax >= 1)) {
            throw new IllegalArgumentException("bad nucleus parameters");
        }
        if (!(0 <= depthMin && depthMin <= depthMax && depthMax <= 1)) {
            throw new IllegalArgumentException("bad depth range " + depthMin + ".." + depthMax);
        }
    }

    /**
     * @param c the class
     * @return its profile
     */
    static ClassProfile of(TissueClass c) {
        return switch (c) {
            case NORMAL ->
                    new ClassProfile(
                            /* nucleusDiameterUm */ 6.0,
                            /* diameterCv */ 0.05,
                            /* aspectMax */ 1.25,
                            /* irregularity */ 0.02,
                            /* nucleusH */ 1.45,
                            /* nucleusHSd */ 0.08,
                            /* texture */ 0.22,
                            /* liningSpacingUm */ 5.6,
                            /* depthMin */ 0.66,
                            /* depthMax */ 0.84,
                            /* mitosisRate */ 0.0,
                            /* gobletPerNucleus */ 0.25,
                            /* stromaE */ 0.62,
                            /* stromaH */ 0.05,
                            /* stromaCellRate */ 0.75,
                            /* cytoplasmE */ 0.42,
                            /* cytoplasmH */ 0.32);
            case DYSPLASIA ->
                    new ClassProfile(
                            /* nucleusDiameterUm */ 11.0,
                            /* diameterCv */ 0.25,
                            /* aspectMax */ 2.2,
                            /* irregularity */ 0.14,
                            /* nucleusH */ 1.7,
                            /* nucleusHSd */ 0.25,
                            /* texture */ 0.6,
                            /* liningSpacingUm */ 5.0,
                            /* depthMin */ 0.3,
                            /* depthMax */ 0.95,
                            /* mitosisRate */ 0.04,
                            /* gobletPerNucleus */ 0.05,
                            /* stromaE */ 0.62,
                            /* stromaH */ 0.0,
                            /* stromaCellRate */ 0.35,
                            /* cytoplasmE */ 0.28,
                            /* cytoplasmH */ 0.0);
            case CARCINOMA ->
                    new ClassProfile(
                            /* nucleusDiameterUm */ 8.0,
                            /* diameterCv */ 0.18,
                            /* aspectMax */ 1.6,
                            /* irregularity */ 0.08,
                            /* nucleusH */ 1.65,
                            /* nucleusHSd */ 0.2,
                            /* texture */ 0.4,
                            /* liningSpacingUm */ 9.0,
                            /* depthMin */ 0.0,
                            /* depthMax */ 1.0,
                            /* mitosisRate */ 0.015,
                            /* gobletPerNucleus */ 0.02,
                            /* stromaE */ 0.62,
                            /* stromaH */ 0.05,
                            /* stromaCellRate */ 0.75,
                            /* cytoplasmE */ 0.48,
                            /* cytoplasmH */ 0.12);
        };
    }
}

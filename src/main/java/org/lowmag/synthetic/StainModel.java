package org.lowmag.synthetic;

/**
 * Beer-Lambert colour of an H&amp;E section: a pixel with haematoxylin amount {@code h} and eosin
 * amount {@code e} (optical-density units) on glass of brightness {@code I0} has {@code I_c = I0
 * exp(-(h H_c + e E_c))} for each channel c, with the stain vectors {@code H = (0.5626, 0.7201,
 * 0.4062)} and {@code E = (0.2159, 0.8012, 0.5581)} (the reference H&amp;E vectors of Macenko et
 * al. 2009). Amounts are quantised to 1/256 and looked up in tables.
 */
final class StainModel {

    /** Haematoxylin optical density per unit amount, for R, G, B. */
    static final double[] HAEMATOXYLIN = {0.5626, 0.7201, 0.4062};

    /** Eosin optical density per unit amount, for R, G, B. */
    static final double[] EOSIN = {0.2159, 0.8012, 0.5581};

    private static final int STEPS_PER_UNIT = 256;
    private static final double MAX_AMOUNT = 6.0;
    private static final int SIZE = (int) (MAX_AMOUNT * STEPS_PER_UNIT) + 1;

    private static final float[][] H_TABLE = table(HAEMATOXYLIN);
    private static final float[][] E_TABLE = table(EOSIN);

    private StainModel() {}

    private static float[][] table(double[] vector) {
        float[][] t = new float[3][SIZE];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < SIZE; i++) {
                t[c][i] = (float) Math.exp(-vector[c] * i / (double) STEPS_PER_UNIT);
            }
        }
        return t;
    }

    private static int index(float amount) {
        int i = (int) (amount * STEPS_PER_UNIT + 0.5f);
        return i < 0 ? 0 : Math.min(i, SIZE - 1);
    }

    /**
     * The colour of a pixel.
     *
     * @param h haematoxylin amount (0 = none)
     * @param e eosin amount (0 = none)
     * @param glass glass brightness {@code I0} (0-255)
     * @param noise an additive brightness offset (sensor noise), in grey levels
     * @return packed {@code 0xRRGGBB}
     */
    static int rgb(float h, float e, float glass, float noise) {
        int hi = index(h);
        int ei = index(e);
        int r = clamp(glass * H_TABLE[0][hi] * E_TABLE[0][ei] + noise);
        int g = clamp(glass * H_TABLE[1][hi] * E_TABLE[1][ei] + noise);
        int b = clamp(glass * H_TABLE[2][hi] * E_TABLE[2][ei] + noise);
        return r << 16 | g << 8 | b;
    }

    private static int clamp(float v) {
        int i = Math.round(v);
        return i < 0 ? 0 : Math.min(i, 255);
    }
}

package org.lowmag.synthetic;

import java.awt.image.BufferedImage;

/** Small slides and simple pixel statistics shared by the synthetic-slide tests. */
final class SynthFixtures {

    private SynthFixtures() {}

    /** A 1.2 x 0.9 mm slide at 0.5 um/px (2400 x 1800 px) with 1-2 pieces of 0.5-0.8 mm. */
    static SynthesisParams small() {
        return new SynthesisParams(0.5, 1200, 900, 1, 2, 500, 800);
    }

    static SlideRenderer renderer(TissueClass c, long seed) {
        SlidePlan plan = new SlidePlanner(small()).plan(c, seed);
        return new SlideRenderer(plan, small().mpp());
    }

    static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    static double luminance(int rgb) {
        return 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
    }

    /**
     * Connected components (4-neighbour) of a mask.
     *
     * @return the area of each component, in pixels
     */
    static int[] componentAreas(boolean[] mask, int w, int h) {
        int[] label = new int[mask.length];
        int[] stack = new int[mask.length];
        int[] areas = new int[16];
        int n = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            n++;
            int area = 0;
            int sp = 0;
            stack[sp++] = start;
            label[start] = n;
            while (sp > 0) {
                int q = stack[--sp];
                area++;
                int x = q % w;
                int y = q / w;
                int[] nb = {q - 1, q + 1, q - w, q + w};
                boolean[] inside = {x > 0, x < w - 1, y > 0, y < h - 1};
                for (int k = 0; k < 4; k++) {
                    if (inside[k] && mask[nb[k]] && label[nb[k]] == 0) {
                        label[nb[k]] = n;
                        stack[sp++] = nb[k];
                    }
                }
            }
            if (n > areas.length) {
                areas = java.util.Arrays.copyOf(areas, areas.length * 2);
            }
            areas[n - 1] = area;
        }
        return java.util.Arrays.copyOf(areas, n);
    }
}

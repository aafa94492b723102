package org.lowmag.geojson;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;

/**
 * A fixed grid of square tiles measured in micrometres, laid on the slide from its level-0 origin:
 * tile {@code (i, j)} covers level-0 pixels {@code [i sX, (i + 1) sX) x [j sY, (j + 1) sY)} with
 * {@code sX = sideUm / mppX}, {@code sY = sideUm / mppY}, so tiles of two slides scanned at
 * different resolutions cover the same tissue area and line up across runs.
 *
 * @param sideUm the tile side in micrometres
 * @param mppX micrometres per level-0 pixel across
 * @param mppY micrometres per level-0 pixel down
 */
public record TileGrid(double sideUm, double mppX, double mppY) {

    /** Validates. */
    public TileGrid {
        if (!(sideUm > 0) || !(mppX > 0) || !(mppY > 0) || Double.isInfinite(sideUm)) {
            throw new IllegalArgumentException(
                    "tile side and um/px must be positive, got "
                            + sideUm
                            + " um at "
                            + mppX
                            + " x "
                            + mppY
                            + " um/px");
        }
    }

    /**
     * @return the tile side across, level-0 pixels
     */
    public double sideXPx() {
        return sideUm / mppX;
    }

    /**
     * @return the tile side down, level-0 pixels
     */
    public double sideYPx() {
        return sideUm / mppY;
    }

    /**
     * @param area a level-0 rectangle
     * @return the tiles whose centres lie inside it, row by row: {@code {i, j}}
     */
    public List<int[]> tilesCentredIn(Envelope area) {
        List<int[]> out = new ArrayList<>();
        int i0 = (int) Math.ceil(area.getMinX() / sideXPx() - 0.5);
        int j0 = (int) Math.ceil(area.getMinY() / sideYPx() - 0.5);
        for (int j = Math.max(0, j0); (j + 0.5) * sideYPx() < area.getMaxY(); j++) {
            for (int i = Math.max(0, i0); (i + 0.5) * sideXPx() < area.getMaxX(); i++) {
                out.add(new int[] {i, j});
            }
        }
        return out;
    }

    /**
     * @param i tile column
     * @param j tile row
     * @return the tile's centre, level-0 pixels {@code {x, y}}
     */
    public double[] centre(int i, int j) {
        return new double[] {(i + 0.5) * sideXPx(), (j + 0.5) * sideYPx()};
    }

    /**
     * @param i tile column
     * @param j tile row
     * @return the tile's square, level-0 pixels
     */
    public Polygon square(int i, int j) {
        return (Polygon)
                ValidPolygons.FACTORY.toGeometry(
                        new Envelope(
                                i * sideXPx(),
                                (i + 1) * sideXPx(),
                                j * sideYPx(),
                                (j + 1) * sideYPx()));
    }
}

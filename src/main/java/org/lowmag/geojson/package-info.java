/**
 * QuPath's GeoJSON: polygons made valid with JTS ({@link org.lowmag.geojson.ValidPolygons}),
 * converted to and from GeoJSON ({@link org.lowmag.geojson.GeoJsonGeometry}), written as QuPath
 * annotations and detections ({@link org.lowmag.geojson.QuPathFeatures}), read back as regions of
 * interest ({@link org.lowmag.geojson.RoiFile}) and rasterised onto images ({@link
 * org.lowmag.geojson.RoiRaster}). Coordinates are level-0 pixels, as QuPath's. Engine-free.
 */
package org.lowmag.geojson;

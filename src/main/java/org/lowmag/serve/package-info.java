/**
 * {@code lowmag serve}: an embedded HTTP server (Javalin on Jetty 12) that shows slides and their
 * predictions in a browser. A slide list, an OpenSeadragon viewer over Deep Zoom tiles rendered on
 * demand from the pyramid by {@link org.lowmag.slide.SlideReaders}, overlays (tissue outlines,
 * class-activation heatmaps) and a small JSON API.
 *
 * <p>Security model: the server binds 127.0.0.1 unless told otherwise, and serves only the files of
 * a {@link org.lowmag.serve.SlideCatalog} built once at start from the folders it was given; a URL
 * names a slide by its catalog id, never by a path. Tile rendering is bounded ({@link
 * org.lowmag.serve.TileService}) and cached in a byte-bounded LRU ({@link
 * org.lowmag.serve.ByteCache}). See {@code docs/serve.md}.
 */
package org.lowmag.serve;

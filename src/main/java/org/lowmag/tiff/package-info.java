/**
 * TIFF reading and writing in pure Java, below the slide layer: the header and directory chain
 * ({@link org.lowmag.tiff.TiffFile}, {@link org.lowmag.tiff.TiffDirectoryChain}), directories and
 * their tags ({@link org.lowmag.tiff.TiffTags}, {@link org.lowmag.tiff.TiffPage}), the pyramid's
 * levels and associated images ({@link org.lowmag.tiff.TiffLayout}, {@link
 * org.lowmag.tiff.AperioDescription}), one-tile decoding ({@link org.lowmag.tiff.TiffTileDecoder})
 * and the pyramidal writer ({@link org.lowmag.tiff.PyramidTiffWriter}). Nothing here imports {@code
 * org.lowmag.slide}: {@code slide.TiffSlideReader} builds a slide reader on top of it.
 */
package org.lowmag.tiff;

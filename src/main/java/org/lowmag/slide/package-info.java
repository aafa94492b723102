/**
 * Reading whole-slide images: the {@link org.lowmag.slide.SlideReader} abstraction, region requests
 * in level-0 pixels plus a downsample, metadata as values, and the backends.
 *
 * <ul>
 *   <li>{@link org.lowmag.slide.TiffSlideReader}: pure Java (TwelveMonkeys) on top of {@code
 *       org.lowmag.tiff}, Aperio SVS with JPEG tiles, tiled pyramidal TIFF/BigTIFF, striped TIFF;
 *       decodes only the tiles a region needs.
 *   <li>{@link org.lowmag.slide.OpenSlideReader}: the OpenSlide C library through JNA, for JPEG
 *       2000 SVS and the formats only OpenSlide knows; optional at run time.
 *   <li>{@link org.lowmag.slide.ImageSlideReader}: plain PNG/JPEG/BMP/GIF as one-level slides.
 *   <li>{@link org.lowmag.slide.SlideReaders#open}: picks one from the extension and first bytes.
 *   <li>{@link org.lowmag.slide.Magnification} (values, um/px, text), {@link
 *       org.lowmag.slide.ScanMagnification} and {@link org.lowmag.slide.MagnificationResolver}:
 *       magnification = 10 / (um/px), user overrides.
 * </ul>
 *
 * Every backend reads the coarsest level whose downsample is at most the requested one (1 % slack)
 * and area-averages the remaining factor; {@link org.lowmag.slide.SlideReader#readLevelPixels}
 * gives a level's stored pixels unchanged, for callers that resample themselves. No deep-learning
 * engine imports here.
 */
package org.lowmag.slide;

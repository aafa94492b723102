/**
 * Image resampling: a separable Lanczos-3 resize of 8-bit RGB images that reproduces Pillow's
 * {@code Image.resize(size, Image.LANCZOS)} (fixed-point weights, horizontal pass then vertical
 * pass, 8-bit intermediate), multi-threaded over bands of output rows. No deep-learning engine
 * imports here.
 */
package org.lowmag.resample;

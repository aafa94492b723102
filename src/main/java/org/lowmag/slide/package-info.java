/**
 * Reading whole-slide images: the {@link org.lowmag.slide.SlideReader} abstraction, region requests
 * in level-0 pixels, metadata, and the backends. No deep-learning engine imports here.
 */
package org.lowmag.slide;

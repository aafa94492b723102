/**
 * Synthetic H&amp;E-like whole slides for LowMag's demo data: seeded plans of tissue pieces,
 * glands, nuclei and debris ({@link org.lowmag.synthetic.SlidePlanner}), rendered tile by tile
 * ({@link org.lowmag.synthetic.SlideRenderer}) and written as pyramidal Aperio-style TIFFs, with
 * three classes whose differences live at different scales ({@link
 * org.lowmag.synthetic.TissueClass}). No deep-learning engine imports here.
 */
package org.lowmag.synthetic;

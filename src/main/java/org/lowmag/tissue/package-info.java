/**
 * Tissue detection on a low-resolution overview, reproducing tissueloc (Chen and Yang 2019, the
 * tissue finder used by the paper): grey conversion, Gaussian smoothing, a threshold (tissueloc's
 * fixed level, or Otsu), hole filling, removal of small objects, then one bounding box per
 * 8-connected tissue piece, mapped to level-0 pixels. Pure Java on arrays; no deep-learning engine
 * imports here.
 */
package org.lowmag.tissue;

/**
 * {@code lowmag prepare}: from slides or an image folder to a dataset of whole tissues at several
 * magnifications, each resampled directly from the original with Lanczos-3.
 */
package org.lowmag.prepare;

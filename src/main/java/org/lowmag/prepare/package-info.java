/**
 * {@code lowmag prepare}: from slides or an image folder to a dataset of whole tissues at several
 * magnifications, each resampled directly from the original with Lanczos-3.
 *
 * <ul>
 *   <li>{@link org.lowmag.prepare.PrepareJob}: splits by group, runs the items in parallel, writes
 *       the manifest and {@code dataset.json} last;
 *   <li>{@link org.lowmag.prepare.ImageFolderInput} / {@link org.lowmag.prepare.SlideListInput}:
 *       what to prepare (an image folder; a slide folder with a labels CSV);
 *   <li>{@link org.lowmag.prepare.SlideTissueCutter}: one slide: magnification, tissue detection,
 *       tissues {@code SLIDE_tNN};
 *   <li>{@link org.lowmag.prepare.LevelRead} and {@link org.lowmag.prepare.PyramidRenderer}: each
 *       magnification from the coarsest adequate pyramid level, read in strips (bounded memory);
 *   <li>{@link org.lowmag.prepare.TissueCutter}: writes the PNGs, keeps those already written.
 * </ul>
 */
package org.lowmag.prepare;

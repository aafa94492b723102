/**
 * Datasets of whole tissues at several magnifications: manifests, splits, images, augmentation. No
 * deep-learning engine imports here.
 */
package org.lowmag.dataset;

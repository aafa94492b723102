/**
 * The network: ResNet with GroupNorm (DJL blocks), and model folders with their metadata (save/load
 * with provenance).
 */
package org.lowmag.model;

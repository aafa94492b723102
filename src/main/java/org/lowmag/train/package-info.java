/** Training loops: optimiser, gradient accumulation, checkpoints, run folders. */
package org.lowmag.train;

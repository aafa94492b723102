/**
 * The benchmark suite run by {@code benchmarks/run-all.sh}: main classes (not tests) that time
 * LowMag's engine, resampler and slide readers and write raw samples to a CSV file, and {@link
 * org.lowmag.bench.BenchReport}, which turns the samples of one run into the table of figures and
 * ratios. Each figure is compared with its reference (PyTorch in Python, libvips, OpenSlide, the
 * machine's peak) measured in the same run.
 */
package org.lowmag.bench;

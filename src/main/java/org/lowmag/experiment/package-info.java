/**
 * {@code lowmag experiment}: the paper's whole grid (teacher, baselines, KD, KD with auxiliary
 * data, fine-tuning, the resize ablation) from one configuration file, run in dependency order,
 * resumable, evaluated on the test split and summarised in a report (paper Tables 3-4, Figure 3 and
 * Supplementary Figure 1).
 */
package org.lowmag.experiment;

/**
 * Classification metrics on plain Java arrays: confusion matrices, one-vs-rest per-class and
 * macro-averaged accuracy, precision, recall and F1 (paper section 4.4), percentile-bootstrap
 * confidence intervals, and the JSON shape of a metrics report. Never imports the deep-learning
 * engine.
 */
package org.lowmag.eval;

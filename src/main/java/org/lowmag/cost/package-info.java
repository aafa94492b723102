/**
 * Cost accounting: analytic FLOP counts per layer and repeated wall-clock timing. No deep-learning
 * engine imports here.
 */
package org.lowmag.cost;

/** Cost accounting: analytic FLOP counts per layer. No deep-learning engine imports here. */
package org.lowmag.cost;

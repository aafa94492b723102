/**
 * Network shapes as plain data, shared by the model builder and the FLOP counter. No deep-learning
 * engine imports here.
 */
package org.lowmag.arch;

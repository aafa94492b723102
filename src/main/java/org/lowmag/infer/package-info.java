/** Using trained models: evaluation on labelled tissues, prediction on new slides. */
package org.lowmag.infer;

/** Small shared utilities: atomic file writes, JSON, progress bars, user-facing errors. */
package org.lowmag.util;

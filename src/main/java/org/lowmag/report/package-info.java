/** Results people compare: text and Markdown tables, HTML reports, plots. */
package org.lowmag.report;

/** The command line: one class per subcommand; nothing imports this package. */
package org.lowmag.cli;

/**
 * The {@code moevoprune} command line: {@code prune} (a search over feature files) and {@code demo} (real transfer
 * learning end to end, with the tools of {@code moevoprune-tools}), with console progress and the result files and
 * report. Entry point {@link org.moevoprune.cli.Main}; not an API.
 */
package org.moevoprune.cli;

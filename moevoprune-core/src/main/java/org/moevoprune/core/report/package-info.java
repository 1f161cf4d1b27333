/**
 * A self-contained HTML report of a pruning run that opens offline: charts drawn by the library as inline SVG, no
 * script and nothing fetched from the network. Start at {@link org.moevoprune.core.report.HtmlReport}.
 */
package org.moevoprune.core.report;

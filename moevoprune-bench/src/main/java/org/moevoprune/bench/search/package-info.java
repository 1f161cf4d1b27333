/** Search-quality measurements (issue 13): hypervolume against evaluations, epochs and wall time. */
package org.moevoprune.bench.search;

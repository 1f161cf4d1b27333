/** Programs that measure the search itself: what its settings cost (epochs) and what fronts they reach (hypervolume against evaluations, epochs and wall time). */
package org.moevoprune.bench.search;

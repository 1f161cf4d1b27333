/** Programs that measure the search itself: what its settings cost and what fronts they reach. */
package org.moevoprune.bench.search;

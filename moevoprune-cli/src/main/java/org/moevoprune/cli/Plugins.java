package org.moevoprune.cli;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code --plugins DIR}: a class loader over the jars in a folder, made the thread's context class loader while a
 * command runs, so that {@code org.moevoprune.api.ProviderRegistry} finds the objectives, heads, ensembles, backbones
 * and image readers those jars declare in {@code META-INF/services}.
 */
final class Plugins {

    /** The global option. */
    static final String OPTION = "--plugins";

    private Plugins() {
    }

    /**
     * @param folder a folder of {@code .jar} files
     * @return a loader over them (in name order), whose parent is the command line's own loader
     * @throws UsageException if the folder does not exist or holds no jar
     * @throws IOException if the folder cannot be listed
     */
    static URLClassLoader loader(Path folder) throws UsageException, IOException {
        if (!Files.isDirectory(folder)) {
            throw new UsageException(OPTION + " " + folder + ": no such folder; give the folder that holds the plugin "
                    + "jars");
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList()) {
                jars.add(url(jar));
            }
        }
        if (jars.isEmpty()) {
            throw new UsageException(OPTION + " " + folder + " holds no .jar file: put the plugin jars there");
        }
        return new URLClassLoader("moevoprune-plugins", jars.toArray(URL[]::new), Main.class.getClassLoader());
    }

    private static URL url(Path jar) throws IOException {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IOException("cannot load the plugin jar " + jar + ": " + e.getMessage(), e);
        }
    }
}

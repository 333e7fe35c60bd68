package org.devicedesk.core;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versions of the migrations this build ships, read from the class path the way Flyway finds them
 * (a folder of classes or a jar), without loading Flyway. {@link Database} compares them with the schema
 * history so that an up-to-date database opens without Flyway, which took most of a start-up.
 */
final class ShippedMigrations {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]+\\.sql");

    private ShippedMigrations() {}

    /** The versions under these class-path folders (as Flyway writes them: "1", "70"), or null when they cannot be listed here. */
    static Set<String> versions(String... folders) {
        return versions(ShippedMigrations.class.getClassLoader(), folders);
    }

    static Set<String> versions(ClassLoader loader, String... folders) {
        Set<String> versions = new TreeSet<>();
        try {
            for (String folder : folders) {
                Enumeration<URL> urls = loader.getResources(folder);
                while (urls.hasMoreElements()) {
                    URL url = urls.nextElement();
                    switch (url.getProtocol()) {
                        case "file" -> {
                            try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                                files.forEach(f -> add(versions, f.getFileName().toString()));
                            }
                        }
                        case "jar" -> {
                            JarURLConnection connection = (JarURLConnection) url.openConnection();
                            connection.setUseCaches(false); // our own JarFile, closed here, not the class loader's
                            try (JarFile jar = connection.getJarFile()) {
                                String prefix = folder.endsWith("/") ? folder : folder + "/";
                                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                                    String name = e.nextElement().getName();
                                    if (name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) add(versions, name.substring(prefix.length()));
                                }
                            }
                        }
                        default -> {
                            return null; // a class path we cannot list: Flyway decides
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
        return versions;
    }

    private static void add(Set<String> versions, String fileName) {
        Matcher m = VERSIONED.matcher(fileName);
        if (m.matches()) versions.add(m.group(1).replace('_', '.'));
    }
}

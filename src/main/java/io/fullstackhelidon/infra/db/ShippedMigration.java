package io.fullstackhelidon.infra.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The versioned SQL migrations this build ships in its class-path folders, each with the checksum Flyway records for
 * it: a CRC-32 of the script's lines as written (placeholders not replaced), without their line breaks or a byte order
 * mark. Lets a start see that the database already holds every one of them without starting Flyway.
 *
 * @param version  as Flyway records it ({@code V10__...} is {@code 10})
 * @param script   the file's name
 * @param checksum Flyway's checksum of it
 */
public record ShippedMigration(String version, String script, int checksum) {

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]+\\.sql");

    /**
     * The migrations in {@code folders} of {@code classes}' class path; empty when they
     * cannot be told from here (a folder missing or in an unknown kind of class-path entry, or a file that is not a
     * versioned SQL migration), and then Flyway decides.
     */
    public static Optional<List<ShippedMigration>> in(ClassLoader classes, List<String> folders) {
        List<ShippedMigration> shipped = new ArrayList<>();
        for (String folder : folders) {
            Optional<List<String>> names = fileNames(classes, folder);
            if (names.isEmpty()) {
                return Optional.empty();
            }
            for (String name : names.get()) {
                Matcher versioned = VERSIONED.matcher(name);
                if (!versioned.matches()) {
                    return Optional.empty();
                }
                shipped.add(new ShippedMigration(versioned.group(1).replace('_', '.'), name,
                                                 checksum(classes, folder + "/" + name)));
            }
        }
        return Optional.of(Collections.unmodifiableList(shipped));
    }

    /** The names of the files directly in {@code folder} of the class path, in a jar or a directory. */
    private static Optional<List<String>> fileNames(ClassLoader classes, String folder) {
        URL url = classes.getResource(folder);
        if (url == null) {
            return Optional.empty();
        }
        try {
            if (url.getProtocol().equals("jar")) {
                String prefix = folder + "/";
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false); // a reading of its own, closed here
                try (JarFile jar = connection.getJarFile()) {
                    return Optional.of(jar.stream()
                            .map(JarEntry::getName)
                            .filter(name -> name.startsWith(prefix) && name.length() > prefix.length())
                            .map(name -> name.substring(prefix.length()))
                            .toList());
                }
            }
            if (url.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    return Optional.of(files.map(file -> file.getFileName().toString()).toList());
                }
            }
            return Optional.empty();
        } catch (IOException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static int checksum(ClassLoader classes, String resource) {
        CRC32 crc = new CRC32();
        try (InputStream in = classes.getResourceAsStream(resource);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the migration " + resource, e);
        }
        return (int) crc.getValue();
    }
}

package io.fullstackhelidon.infra.db;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The migrations a build ships, read from a jar (the packaged service) or a directory (Maven's classes) alike; the
 * checksums equal Flyway's (MigrationsTest: a migrated database is current).
 */
class ShippedMigrationTest {

    private static final Map<String, String> SCRIPTS = Map.of(
            "sql/V1__first.sql", "CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\n",
            "sql/V2__second.sql", "CREATE TABLE b (id INT);\n",
            "other/V3__third.sql", "\uFEFFCREATE TABLE c (id INT);\r\nCREATE TABLE d (id INT);\r\n");

    @Test
    void aJarAndADirectoryListTheSameMigrations(@TempDir Path temp) throws IOException {
        List<ShippedMigration> fromJar = shipped(jar(temp.resolve("app.jar"), SCRIPTS), List.of("sql", "other"));
        List<ShippedMigration> fromDirectory = shipped(directory(temp.resolve("classes"), SCRIPTS),
                                                       List.of("sql", "other"));

        assertThat(fromJar).extracting(ShippedMigration::version, ShippedMigration::script)
                .containsExactly(tuple("1", "V1__first.sql"),
                                 tuple("2", "V2__second.sql"),
                                 tuple("3", "V3__third.sql"));
        assertThat(fromDirectory).isEqualTo(fromJar);
    }

    @Test
    void theChecksumIgnoresLineBreaksAndAByteOrderMarkButNotTheText(@TempDir Path temp) throws IOException {
        List<ShippedMigration> shipped = shipped(directory(temp, Map.of(
                "unix/V1__a.sql", "SELECT 1;\nSELECT 2;\n",
                "windows/V1__a.sql", "\uFEFFSELECT 1;\r\nSELECT 2;",
                "edited/V1__a.sql", "SELECT 1;\nSELECT 3;\n")), List.of("unix", "windows", "edited"));

        assertThat(shipped.get(1).checksum()).isEqualTo(shipped.get(0).checksum());
        assertThat(shipped.get(2).checksum()).isNotEqualTo(shipped.get(0).checksum());
    }

    @Test
    void whatIsNotAVersionedSqlMigrationIsLeftToFlyway(@TempDir Path temp) throws IOException {
        Path classes = directory(temp, Map.of("sql/V1__first.sql", "SELECT 1;", "sql/R__view.sql", "SELECT 1;"));

        try (URLClassLoader loader = loader(classes)) {
            assertThat(ShippedMigration.in(loader, List.of("sql"))).as("a repeatable migration").isEmpty();
            assertThat(ShippedMigration.in(loader, List.of("missing"))).as("a missing folder").isEmpty();
        }
    }

    private static List<ShippedMigration> shipped(Path classPath, List<String> folders) throws IOException {
        try (URLClassLoader loader = loader(classPath)) {
            return ShippedMigration.in(loader, folders).orElseThrow().stream()
                    .sorted(Comparator.comparing(ShippedMigration::version)).toList();
        }
    }

    /** A class loader of {@code classPath} alone: the service's own migrations out of sight. */
    private static URLClassLoader loader(Path classPath) throws IOException {
        return new URLClassLoader(new URL[] {classPath.toUri().toURL()}, null);
    }

    private static Path directory(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
        return root;
    }

    /** A jar as Maven packs one: each folder's entry, then its files. */
    private static Path jar(Path path, Map<String, String> files) throws IOException {
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(path))) {
            for (String folder : files.keySet().stream().map(name -> name.substring(0, name.indexOf('/') + 1))
                    .distinct().toList()) {
                jar.putNextEntry(new JarEntry(folder));
                jar.closeEntry();
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                jar.putNextEntry(new JarEntry(file.getKey()));
                jar.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return path;
    }
}

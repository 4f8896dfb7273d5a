package io.fullstackhelidon.workarounds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The archive goes once a jar it was recorded from is newer (replaced), and only then. */
class StaleClassDataArchiveTest {

    private static final Instant RECORDED = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anArchiveOlderThanAJarIsRemoved(@TempDir Path dir) throws IOException {
        Path archive = file(dir.resolve("app.jsa"), RECORDED);
        List<Path> jars = List.of(file(dir.resolve("app.jar"), RECORDED.minusSeconds(60)),
                                  file(dir.resolve("libs/upgraded.jar"), RECORDED.plusSeconds(60)));

        assertThat(StaleClassDataArchive.removeIfOlderThan(archive, jars)).isTrue();
        assertThat(archive).doesNotExist();
    }

    @Test
    void anArchiveRecordedAfterItsJarsStays(@TempDir Path dir) throws IOException {
        Path archive = file(dir.resolve("app.jsa"), RECORDED);
        List<Path> jars = List.of(file(dir.resolve("app.jar"), RECORDED.minusSeconds(60)),
                                  dir.resolve("libs/missing.jar"));

        assertThat(StaleClassDataArchive.removeIfOlderThan(archive, jars)).isFalse();
        assertThat(archive).exists();
    }

    @Test
    void noArchiveNothingToDo(@TempDir Path dir) throws IOException {
        List<Path> jars = List.of(file(dir.resolve("app.jar"), RECORDED));

        assertThat(StaleClassDataArchive.removeIfOlderThan(dir.resolve("app.jsa"), jars)).isFalse();
    }

    private static Path file(Path path, Instant modified) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, path.getFileName().toString());
        Files.setLastModifiedTime(path, FileTime.from(modified));
        return path;
    }
}

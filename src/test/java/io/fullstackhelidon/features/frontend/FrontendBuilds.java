package io.fullstackhelidon.features.frontend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The small builds of {@code src/test/resources/frontend}, copied where a test may add to them. */
final class FrontendBuilds {

    private FrontendBuilds() {
    }

    /** A fresh copy of the build {@code name} in a directory of its own. */
    static Path copy(String name) {
        try {
            Path source = Path.of(FrontendBuilds.class.getResource("/frontend/" + name).toURI());
            Path target = Files.createTempDirectory("frontend-" + name);
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

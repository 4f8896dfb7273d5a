package io.fullstackhelidon.infra.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The built single-page app the service serves beside the API ({@code FRONTEND_DIR}, {@code frontend.dir}).
 *
 * @param dir the build's directory (holding {@code index.html}), resolved against the working directory; empty for none
 */
public record FrontendSettings(Optional<Path> dir) {

    public FrontendSettings {
        Objects.requireNonNull(dir, "dir");
    }
}

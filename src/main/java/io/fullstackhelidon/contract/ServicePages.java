package io.fullstackhelidon.contract;

import java.util.List;
import java.util.Optional;

/** The service's own pages beside the API: health, metrics and the Swagger UI. */
public final class ServicePages {

    private static final List<String> PAGES = List.of("/health", "/metrics", "/docs");

    private ServicePages() {
    }

    /** The page {@code path} is, or is below, if any. */
    public static Optional<String> of(String path) {
        return PAGES.stream().filter(page -> path.equals(page) || path.startsWith(page + "/")).findFirst();
    }
}

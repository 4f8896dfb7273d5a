package io.fullstackhelidon.features.frontend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import io.fullstackhelidon.contract.Redirect;
import io.fullstackhelidon.contract.RouteTemplate;
import io.fullstackhelidon.contract.UnroutedRequests;

import io.helidon.common.media.type.MediaType;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * A built single-page app served the way FastAPI's {@code frontend()} serves it, for requests no route took: files
 * with their type, length, {@code ETag} and {@code Last-Modified} (304 to conditional requests), a directory's
 * {@code index.html} at its path with a slash (a redirect without it), {@code 404.html} for missing paths when the
 * build has one, else {@code index.html} for a browser's navigation (deep links load the app), else the API's 404.
 * Text, scripts and JSON go out gzip-compressed to clients that accept it (Helidon's gzip encoder is not served at
 * 4.1.7), each file compressed once. Only GET and HEAD read files; never a path outside the directory, through a
 * symbolic link, or a listing.
 */
public final class FrontendFiles implements UnroutedRequests {

    private static final RouteTemplate ROUTE = new RouteTemplate("/{frontend}");
    private static final String NO_CACHE = "no-cache";
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Vite names assets {@code name-<content hash>.ext}: such a file never changes under its name. */
    private static final Pattern HASHED_ASSET = Pattern.compile("assets/(?:.*/)?[^/]+[-.][A-Za-z0-9_-]{8,}\\.[A-Za-z0-9]+");
    /** RFC 9110's IMF-fixdate ({@code Tue, 01 Dec 2026 12:18:54 GMT}); parsing also takes a one-digit day. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
                                                                                  Locale.US);

    /** Below this, gzip's own header outweighs what it saves. */
    private static final int MIN_COMPRESSED_SIZE = 256;

    private final Path root;
    private final Map<Path, Compressed> compressedFiles = new ConcurrentHashMap<>();

    public FrontendFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public boolean answer(ServerRequest request, ServerResponse response) {
        boolean answered = serve(request, response);
        if (answered) {
            request.context().register(RouteTemplate.class, ROUTE);
        }
        return answered;
    }

    private boolean serve(ServerRequest request, ServerResponse response) {
        String path = request.path().path();
        Optional<Path> target = resolve(path);
        boolean readable = request.prologue().method() == Method.GET || request.prologue().method() == Method.HEAD;
        if (!readable) {
            if (target.filter(Files::isRegularFile).isPresent()) {
                response.status(Status.METHOD_NOT_ALLOWED_405).header(HeaderNames.ALLOW, "GET, HEAD").send();
                return true;
            }
            return false;
        }
        if (target.isPresent() && Files.isDirectory(target.get(), LinkOption.NOFOLLOW_LINKS)) {
            Path index = target.get().resolve("index.html");
            if (Files.isRegularFile(index, LinkOption.NOFOLLOW_LINKS)) {
                if (!path.endsWith("/")) {
                    Redirect.temporary(request, response, request.path().rawPath() + "/");
                    return true;
                }
                return send(request, response, index, Status.OK_200, NO_CACHE);
            }
            target = Optional.empty();
        }
        if (target.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).isPresent()) {
            String relative = root.relativize(target.get()).toString().replace('\\', '/');
            return send(request, response, target.get(), Status.OK_200,
                        HASHED_ASSET.matcher(relative).matches() ? IMMUTABLE : NO_CACHE);
        }
        Path notFound = root.resolve("404.html");
        if (Files.isRegularFile(notFound, LinkOption.NOFOLLOW_LINKS)) {
            return send(request, response, notFound, Status.NOT_FOUND_404, NO_CACHE);
        }
        if (navigation(request)) {
            return send(request, response, root.resolve("index.html"), Status.OK_200, NO_CACHE);
        }
        return false;
    }

    /** The file or directory a request path names inside the build; empty outside it or through a symbolic link. */
    private Optional<Path> resolve(String path) {
        Path target = root;
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..") || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
                return Optional.empty();
            }
            target = target.resolve(segment);
            if (Files.isSymbolicLink(target)) {
                return Optional.empty();
            }
        }
        return target.normalize().startsWith(root) && Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                ? Optional.of(target) : Optional.empty();
    }

    private boolean send(ServerRequest request, ServerResponse response, Path file, Status status,
                         String cacheControl) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant modified = attributes.lastModifiedTime().toInstant().truncatedTo(ChronoUnit.SECONDS);
        String version = Long.toHexString(modified.getEpochSecond()) + "-" + Long.toHexString(attributes.size());
        MediaType type = mediaType(file);
        boolean compressible = compressible(type) && attributes.size() >= MIN_COMPRESSED_SIZE;
        boolean compressed = compressible && acceptsGzip(request);
        // each representation has a tag of its own, so that a cache never takes one for the other
        String etag = "\"" + version + (compressed ? "-gzip" : "") + "\"";
        response.header(HeaderNames.ETAG, etag)
                .header(HeaderNames.LAST_MODIFIED, HTTP_DATE.format(modified.atZone(ZoneOffset.UTC)))
                .header(HeaderNames.CACHE_CONTROL, cacheControl);
        if (compressible) {
            response.header(HeaderNames.VARY, "Accept-Encoding");
        }
        if (status == Status.OK_200 && notModified(request, etag, modified)) {
            response.status(Status.NOT_MODIFIED_304).send();
            return true;
        }
        byte[] body = compressed ? gzipped(file, version) : read(file);
        response.status(status).header(HeaderNames.CONTENT_TYPE, contentType(type));
        if (compressed) {
            response.header(HeaderNames.CONTENT_ENCODING, "gzip");
        }
        if (request.prologue().method() == Method.HEAD) {
            response.header(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length)).send();
        } else {
            response.send(body);
        }
        return true;
    }

    /** The gzip form of a file, made once per version of it (a build holds a bounded number of files). */
    private byte[] gzipped(Path file, String version) {
        return compressedFiles.compute(file, (path, known) -> known != null && known.version().equals(version)
                ? known : new Compressed(version, gzip(read(path)))).bytes();
    }

    /**
     * A file compressed once.
     *
     * @param version the file's modification time and size when it was compressed
     * @param bytes   its gzip form
     */
    private record Compressed(String version, byte[] bytes) {
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(plain.length / 3 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed)) {
            out.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code Accept-Encoding} takes gzip ({@code gzip} or {@code *} with a non-zero weight). */
    private static boolean acceptsGzip(ServerRequest request) {
        return request.headers().all(HeaderNames.ACCEPT_ENCODING, List::of).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(coding -> coding.strip().toLowerCase(Locale.ROOT))
                .anyMatch(coding -> {
                    String[] parts = coding.split(";");
                    String name = parts[0].strip();
                    boolean refused = parts.length > 1 && parts[1].strip().matches("q=0(\\.0{0,3})?");
                    return (name.equals("gzip") || name.equals("*")) && !refused;
                });
    }

    private static boolean notModified(ServerRequest request, String etag, Instant modified) {
        Optional<String> noneMatch = request.headers().first(HeaderNames.IF_NONE_MATCH);
        if (noneMatch.isPresent()) {
            return Arrays.stream(noneMatch.get().split(","))
                    .map(String::strip)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals("*") || tag.equals(etag));
        }
        return request.headers().first(HeaderNames.IF_MODIFIED_SINCE).map(since -> {
            try {
                return !modified.isAfter(ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                return false;
            }
        }).orElse(false);
    }

    /** Whether a browser is navigating: its {@code Accept} names HTML (not a wildcard) with a non-zero weight. */
    private static boolean navigation(ServerRequest request) {
        return request.headers().acceptedTypes().stream()
                .filter(type -> type.qualityFactor() > 0)
                .map(HttpMediaType::mediaType)
                .anyMatch(type -> type.equals(MediaTypes.TEXT_HTML) || type.equals(MediaTypes.APPLICATION_XHTML_XML));
    }

    private static MediaType mediaType(Path file) {
        return MediaTypes.detectType(file.getFileName().toString()).orElse(MediaTypes.APPLICATION_OCTET_STREAM);
    }

    /** Text types say their charset, as Starlette's do. */
    private static String contentType(MediaType type) {
        return compressible(type) ? HttpMediaType.create(type).withCharset("utf-8").text() : type.text();
    }

    /** Text, scripts, JSON, XML and SVG shrink; images, fonts and archives are compressed already. */
    private static boolean compressible(MediaType type) {
        return type.type().equals("text") || type.subtype().equals("javascript") || type.subtype().equals("json")
               || type.subtype().endsWith("+xml") || type.subtype().equals("xml");
    }
}

package io.fullstackhelidon.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import io.fullstackhelidon.config.Settings;
import io.fullstackhelidon.config.Yaml;
import io.fullstackhelidon.web.Json;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.StaticContentService;

/**
 * The API's OpenAPI document at {@code {prefix}/openapi.json} (from the hand-written {@code openapi.yaml}) and
 * Swagger UI at {@code /docs}, served from the service's own jar (no CDN).
 */
public final class ApiDocs {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";

    private final CompletableFuture<byte[]> document;
    private final String initializer;
    private final byte[] page;

    public ApiDocs(Settings settings, Json json) {
        // Rendered beside the start-up on a virtual thread (35 ms of a second-long start), awaited by the first request.
        this.document = CompletableFuture.supplyAsync(() -> json.bytes(document(settings)), Thread::startVirtualThread);
        this.initializer = resource("docs/swagger-initializer.js")
                .replace("{{openapi_url}}", settings.apiPrefix() + "/openapi.json");
        this.page = resource("docs/index.html").replace("{{title}}", escape(settings.projectName()))
                .getBytes(StandardCharsets.UTF_8);
    }

    public void register(HttpRouting.Builder routing, String apiPrefix) {
        routing.get(apiPrefix + "/openapi.json", this::openApi)
                .get("/docs", this::page)
                .get("/docs/index.html", this::page)
                .get("/docs/swagger-initializer.js", this::initializer)
                .register("/docs", StaticContentService.builder(WEBJAR + swaggerUiVersion()).build());
    }

    private void openApi(ServerRequest request, ServerResponse response) {
        response.header(HeaderValues.CONTENT_TYPE_JSON).send(document.join());
    }

    private void page(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8").send(page);
    }

    private void initializer(ServerRequest request, ServerResponse response) {
        response.header(HeaderNames.CONTENT_TYPE, "text/javascript; charset=utf-8").send(initializer);
    }

    /** The document for this deployment: its title, its API prefix, the private route only in development. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> document(Settings settings) {
        Map<String, Object> document = (Map<String, Object>) Yaml.load(new StringReader(resource("openapi.yaml")));
        document.remove("x-responses");
        ((Map<String, Object>) document.get("info")).put("title", settings.projectName());
        Map<String, Object> paths = new LinkedHashMap<>();
        ((Map<String, Object>) document.get("paths")).forEach((path, operations) -> {
            if (settings.development() || !path.contains("/private/")) {
                paths.put(settings.apiPrefix() + path.substring("/api/v1".length()), operations);
            }
        });
        document.put("paths", paths);
        Map<String, Object> flows = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) (
                (Map<String, Object>) document.get("components")).get("securitySchemes")).get("OAuth2PasswordBearer"))
                .get("flows");
        ((Map<String, Object>) flows.get("password")).put("tokenUrl", settings.apiPrefix() + "/login/access-token");
        return document;
    }

    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = ApiDocs.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("The swagger-ui webjar is missing from the classpath");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String resource(String name) {
        try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package io.fullstackhelidon.contract.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import io.fullstackhelidon.contract.Endpoint;
import io.fullstackhelidon.contract.Idempotency;
import io.fullstackhelidon.contract.Json;
import io.fullstackhelidon.contract.Parameter;
import io.fullstackhelidon.contract.validation.ObjectSchema;
import io.fullstackhelidon.workarounds.Yaml12;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.StaticContentService;

/**
 * The API's OpenAPI document at {@code {prefix}/openapi.json} and Swagger UI at {@code /docs}, served from the
 * service's own jar (no CDN). The response side (operationIds, summaries, answers and their schemas) is written in
 * {@code openapi.yaml}; the request side (parameters, request bodies and their schemas, who may call) is generated
 * from the endpoint declarations, which are what validates requests, so the two cannot disagree. An endpoint without
 * an operation in the file, or an operation without an endpoint, fails the rendering.
 */
public final class ApiDocs {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    /** The prefix the paths of {@code openapi.yaml} are written with, the template's. */
    private static final String WRITTEN_PREFIX = "/api/v1";
    private static final String SECURITY_SCHEME = "OAuth2PasswordBearer";

    private final CompletableFuture<byte[]> document;
    private final String initializer;
    private final byte[] page;

    /**
     * What the document says of the deployment: the project's name as its title, the API prefix of its paths, and
     * whether the private route is published (in development only).
     */
    public record Deployment(String title, String apiPrefix, boolean development) {
    }

    public ApiDocs(Deployment deployment, List<Endpoint<?, ?>> endpoints, Json json) {
        // Rendered beside the start-up on a virtual thread (35 ms of a second-long start), awaited by the first request.
        this.document = CompletableFuture.supplyAsync(() -> json.bytes(document(deployment, endpoints)),
                                                      Thread::startVirtualThread);
        this.initializer = resource("docs/swagger-initializer.js")
                .replace("{{openapi_url}}", deployment.apiPrefix() + "/openapi.json");
        this.page = resource("docs/index.html").replace("{{title}}", escape(deployment.title()))
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

    /**
     * The document for this deployment: its title, its API prefix, the request side of {@code endpoints} (the private
     * route only in development).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> document(Deployment deployment, List<Endpoint<?, ?>> endpoints) {
        Map<String, Object> document = (Map<String, Object>) Yaml12.load(new StringReader(resource("openapi.yaml")));
        document.remove("x-responses");
        ((Map<String, Object>) document.get("info")).put("title", deployment.title());
        Map<String, Object> written = (Map<String, Object>) document.get("paths");
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
                .get("schemas");
        Set<String> undeclared = operations(written, deployment.development());
        for (Endpoint<?, ?> endpoint : endpoints) {
            String path = WRITTEN_PREFIX + endpoint.path();
            String method = endpoint.method().text().toLowerCase(Locale.ROOT);
            if (!undeclared.remove(path + " " + method)) {
                throw new IllegalStateException("openapi.yaml has no operation for the endpoint " + method + " " + path);
            }
            Map<String, Object> operations = (Map<String, Object>) written.get(path);
            operations.put(method, withRequestSide((Map<String, Object>) operations.get(method), endpoint));
            endpoint.body().ifPresent(body -> schemas.put(body.name(), body.schema()));
        }
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("openapi.yaml describes operations no endpoint declares: " + undeclared);
        }
        Map<String, Object> paths = new LinkedHashMap<>();
        written.forEach((path, operations) -> {
            if (published(path, deployment.development())) {
                paths.put(deployment.apiPrefix() + path.substring(WRITTEN_PREFIX.length()), operations);
            }
        });
        document.put("paths", paths);
        Map<String, Object> flows = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) (
                (Map<String, Object>) document.get("components")).get("securitySchemes")).get("OAuth2PasswordBearer"))
                .get("flows");
        ((Map<String, Object>) flows.get("password")).put("tokenUrl", deployment.apiPrefix() + "/login/access-token");
        return document;
    }

    /** {@code "/api/v1/users/ get"} for every operation the file describes (the private one only in development). */
    @SuppressWarnings("unchecked")
    private static Set<String> operations(Map<String, Object> paths, boolean development) {
        Set<String> operations = new HashSet<>();
        paths.forEach((path, methods) -> {
            if (published(path, development)) {
                ((Map<String, Object>) methods).keySet().forEach(method -> operations.add(path + " " + method));
            }
        });
        return operations;
    }

    /** Whether a path of the file is in this deployment's document: the private route only in development. */
    private static boolean published(String path, boolean development) {
        return development || !path.contains("/private/");
    }

    /** The written operation with who may call, the parameters and the body of the declaration, before its answers. */
    private static Map<String, Object> withRequestSide(Map<String, Object> written, Endpoint<?, ?> endpoint) {
        Map<String, Object> operation = new LinkedHashMap<>();
        written.forEach((key, value) -> {
            if (key.equals("responses")) {
                if (endpoint.guard().needsToken()) {
                    operation.put("security", List.of(Map.of(SECURITY_SCHEME, List.of())));
                }
                List<Map<String, Object>> parameters = new ArrayList<>(
                        endpoint.parameters().stream().map(Parameter::description).toList());
                parameters.addAll(conditionHeaders(endpoint));
                if (!parameters.isEmpty()) {
                    operation.put("parameters", parameters);
                }
                endpoint.body().ifPresent(body -> operation.put("requestBody", requestBody(body)));
                operation.put(key, withConditionalAnswers((Map<String, Object>) value, endpoint));
                return;
            }
            operation.put(key, value);
        });
        return operation;
    }

    /** {@code If-None-Match} on tagged reads, {@code If-Match} on conditional writes (not in the template). */
    private static List<Map<String, Object>> conditionHeaders(Endpoint<?, ?> endpoint) {
        List<Map<String, Object>> headers = new ArrayList<>();
        if (endpoint.tagged() && endpoint.method() == Method.GET) {
            headers.add(header("If-None-Match", "Answer 304 without a body when the resource still has this ETag"));
        }
        if (endpoint.conditional()) {
            headers.add(header("If-Match", "Change the resource only if it still has this ETag, else 412"));
        }
        if (endpoint.idempotency().isPresent()) {
            headers.add(header(Idempotency.HEADER, "A retry with the key of an earlier request gets that request's "
                                                   + "answer again (Idempotent-Replayed: true) instead of running "
                                                   + "twice; the key with another request is 422, while the first "
                                                   + "still runs 409"));
        }
        return headers;
    }

    private static Map<String, Object> header(String name, String description) {
        return Map.of("name", name, "in", "header", "required", false, "description", description,
                      "schema", Map.of("type", "string"));
    }

    /** The written answers, and 304 or 412 where the declaration makes them possible. */
    private static Map<String, Object> withConditionalAnswers(Map<String, Object> written, Endpoint<?, ?> endpoint) {
        Map<String, Object> answers = new LinkedHashMap<>(written);
        Map<String, Object> etag = Map.of("ETag", Map.of("description", "The strong tag of the representation",
                                                         "schema", Map.of("type", "string")));
        if (endpoint.tagged() && endpoint.method() == Method.GET) {
            answers.put("304", Map.of("description", "Not modified: the client's copy (If-None-Match) is current",
                                      "headers", etag));
        }
        if (endpoint.conditional()) {
            answers.put("412", Map.of("$ref", "#/components/responses/PreconditionFailed"));
        }
        if (endpoint.idempotency().isPresent()) {
            answers.put("409", Map.of("$ref", "#/components/responses/IdempotencyKeyInFlight"));
            answers.put("422", Map.of("$ref", "#/components/responses/ValidationErrorOrKeyReused"));
        }
        return answers;
    }

    private static Map<String, Object> requestBody(ObjectSchema<?> body) {
        Map<String, Object> schema = Map.of("schema", Map.of("$ref", "#/components/schemas/" + body.name()));
        List<String> mediaTypes = body.encoding() == ObjectSchema.Encoding.JSON
                ? List.of("application/json")
                : List.of("application/x-www-form-urlencoded", "multipart/form-data");
        Map<String, Object> content = new LinkedHashMap<>();
        mediaTypes.forEach(type -> content.put(type, schema));
        Map<String, Object> requestBody = new LinkedHashMap<>();
        requestBody.put("required", true);
        requestBody.put("content", content);
        return requestBody;
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

package io.fullstackhelidon.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.fullstackhelidon.App;
import io.fullstackhelidon.contract.Json;
import io.fullstackhelidon.contract.docs.ApiDocs;
import io.fullstackhelidon.features.users.User;
import io.fullstackhelidon.features.users.UserService;
import io.fullstackhelidon.infra.jobs.Jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared test fixture, the counterpart of the template's {@code conftest.py} and {@code tests/utils}: an HTTP
 * client for the API, the superuser's and the normal test user's tokens, and random users and items.
 */
public final class TestApi {

    public static final String API = "/api/v1";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Http1Client client;
    private final App app;
    private final UserService users;
    private String document;

    public TestApi(Http1Client client, App app) {
        this.client = client;
        this.app = app;
        this.users = app.users();
    }

    public App app() {
        return app;
    }

    public UserService users() {
        return users;
    }

    /** Jobs waiting in the durable queue ({@link Jobs#TABLE}). */
    public long queuedJobs() {
        return number("SELECT COUNT(*) AS n FROM " + Jobs.TABLE);
    }

    /** The number a query of the app's database answers in its column {@code n}. */
    public long number(String sql) {
        return app.database().client().execute().get(sql).orElseThrow().column("n").get(Number.class).longValue();
    }

    // ---------------------------------------------------------------- HTTP

    /** A request to {@code path} (with an optional query) below the API prefix, customised, with an optional body. */
    public Reply call(Method method, String path, Consumer<Http1ClientRequest> customize, String body) {
        int query = path.indexOf('?');
        Http1ClientRequest request = client.method(method)
                .uri(API + (query < 0 ? path : path.substring(0, query)))
                .followRedirects(false);
        if (query >= 0) {
            for (String pair : path.substring(query + 1).split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                request.queryParam(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
            }
        }
        customize.accept(request);
        Reply reply;
        try (Http1ClientResponse response = body == null ? request.request() : request.submit(body)) {
            String text = response.entity().hasEntity() ? response.entity().as(String.class) : "";
            reply = new Reply(response.status().code(), response.headers(), text);
        }
        OpenApiConformance.check(document(), method.text(), API + (query < 0 ? path : path.substring(0, query)),
                                 reply);
        assertThat(reply.text()).as("no answer ever carries a password hash")
                .doesNotContain("hashed_password").doesNotContain("$argon2").doesNotContain("$2b$");
        return reply;
    }

    /** The OpenAPI document the server serves (rendered here, so that fetching it counts against no rate limit). */
    public String document() {
        if (document == null) {
            document = new String(new Json().bytes(ApiDocs.document(new ApiDocs.Deployment(app.settings().projectName(), app.settings().apiPrefix(), app.settings().development()), app.endpoints())),
                                  StandardCharsets.UTF_8);
        }
        return document;
    }

    public Reply get(String path, String token) {
        return call(Method.GET, path, bearer(token), null);
    }

    public Reply delete(String path, String token) {
        return call(Method.DELETE, path, bearer(token), null);
    }

    /** Sends {@code body} as {@code application/json}. */
    public Reply json(Method method, String path, String token, Object body) {
        return call(method, path, bearer(token).andThen(request -> request.header(HeaderValues.CONTENT_TYPE_JSON)),
                    body instanceof String text ? text : toJson(body));
    }

    public Reply post(String path, String token, Object body) {
        return json(Method.POST, path, token, body);
    }

    /** Posts an {@code application/x-www-form-urlencoded} form. */
    public Reply postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return call(Method.POST, path, request -> request.header(HeaderNames.CONTENT_TYPE,
                                                                 "application/x-www-form-urlencoded"), form);
    }

    public static Consumer<Http1ClientRequest> bearer(String token) {
        return request -> {
            if (token != null) {
                request.header(HeaderNames.AUTHORIZATION, "Bearer " + token);
            }
        };
    }

    // ---------------------------------------------------------------- accounts

    /** Logs in through the API and returns the access token. */
    public String login(String email, String password) {
        Reply reply = postForm("/login/access-token", Map.of("username", email, "password", password));
        assertThat(reply.status()).as("login of %s: %s", email, reply).isEqualTo(200);
        return reply.json().path("access_token").asText();
    }

    public String superuserToken() {
        return login(TestSettings.SUPERUSER_EMAIL, TestSettings.SUPERUSER_PASSWORD);
    }

    /** Ensures the template's normal test user exists with a fresh random password, and logs in as them. */
    public String normalUserToken() {
        String password = randomLower();
        users.findByEmail(TestSettings.TEST_USER_EMAIL).ifPresentOrElse(
                user -> users.setPassword(user, password),
                () -> users.register(TestSettings.TEST_USER_EMAIL, password, null));
        return login(TestSettings.TEST_USER_EMAIL, password);
    }

    /** A new regular user with a random e-mail address and password (stored directly, no e-mail sent). */
    public Account randomUser() {
        String email = randomEmail();
        String password = randomLower();
        User user = users().register(email, password, null);
        return new Account(user, password);
    }

    /** A new item owned by a new random user, created through the API; returns its JSON. */
    public JsonNode randomItem() {
        Account owner = randomUser();
        Reply reply = post("/items/", login(owner.user().email(), owner.password()),
                           Map.of("title", randomLower(), "description", randomLower()));
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    /**
     * A user and their password.
     *
     * @param user     the stored user
     * @param password the plain password
     */
    public record Account(User user, String password) {

        public UUID id() {
            return user.id();
        }
    }

    // ---------------------------------------------------------------- random data

    public static String randomLower() {
        StringBuilder text = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            text.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return text.toString();
    }

    public static String randomEmail() {
        return randomLower() + "@" + randomLower() + ".com";
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

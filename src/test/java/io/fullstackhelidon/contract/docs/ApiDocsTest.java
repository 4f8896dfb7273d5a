package io.fullstackhelidon.contract.docs;

import java.util.ArrayList;
import java.util.List;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.OpenApiConformance;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import io.helidon.http.ClientResponseHeaders;
import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The served OpenAPI document: valid, complete, with the template's operationIds; and Swagger UI's assets. */
@ServerTest
class ApiDocsTest {

    /** Every operation of the contract (section 5), in its order, and the service's own (refresh, logout, logout-all). */
    private static final List<String> OPERATIONS = List.of(
            "POST /api/v1/login/access-token login-login_access_token",
            "POST /api/v1/login/refresh login-refresh_access_token",
            "POST /api/v1/login/logout login-logout",
            "POST /api/v1/login/test-token login-test_token",
            "POST /api/v1/login/logout-all login-logout_all",
            "POST /api/v1/password-recovery/{email} login-recover_password",
            "POST /api/v1/reset-password/ login-reset_password",
            "POST /api/v1/password-recovery-html-content/{email} login-recover_password_html_content",
            "GET /api/v1/users/ users-read_users",
            "POST /api/v1/users/ users-create_user",
            "PATCH /api/v1/users/me users-update_user_me",
            "PATCH /api/v1/users/me/password users-update_password_me",
            "GET /api/v1/users/me users-read_user_me",
            "DELETE /api/v1/users/me users-delete_user_me",
            "POST /api/v1/users/signup users-register_user",
            "GET /api/v1/users/{user_id} users-read_user_by_id",
            "PATCH /api/v1/users/{user_id} users-update_user",
            "DELETE /api/v1/users/{user_id} users-delete_user",
            "POST /api/v1/utils/test-email/ utils-test_email",
            "GET /api/v1/utils/health-check/ utils-health_check",
            "GET /api/v1/items/ items-read_items",
            "GET /api/v1/items/{id} items-read_item",
            "POST /api/v1/items/ items-create_item",
            "PUT /api/v1/items/{id} items-update_item",
            "DELETE /api/v1/items/{id} items-delete_item",
            "POST /api/v1/private/users/ private-create_user");

    private final Http1Client client;
    private final App app;

    ApiDocsTest(Http1Client client, App app) {
        this.client = client;
        this.app = app;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void theDocumentIsValidOpenApiWithEveryOperation() throws Exception {
        Reply reply = get("/api/v1/openapi.json");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValue("application/json");

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(reply.text());
        assertThat(parsed.getMessages()).isEmpty();
        JsonNode document = new ObjectMapper().readTree(reply.text());
        assertThat(document.path("info").path("title").asText()).isEqualTo(app.settings().projectName());
        List<String> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (operation.getValue().has("operationId")) {
                operations.add(operation.getKey().toUpperCase() + " " + path.getKey() + " "
                               + operation.getValue().path("operationId").asText());
            }
        }));
        assertThat(operations).containsExactlyInAnyOrderElementsOf(OPERATIONS);
    }

    @Test
    void theCheckerRefusesWhatTheDocumentDoesNotAllow() {
        Reply extraField = jsonReply(200, "{\"message\":\"ok\",\"leak\":\"hashed_password\"}");
        Reply undocumentedStatus = jsonReply(418, "{\"detail\":\"teapot\"}");

        String document = get("/api/v1/openapi.json").text();

        OpenApiConformance.check(document, "DELETE", "/api/v1/users/me", jsonReply(200, "{\"message\":\"ok\"}"));
        assertThatThrownBy(() -> OpenApiConformance.check(document, "GET", "/api/v1/utils/health-check/",
                                                          jsonReply(200, "\"yes\"")))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> OpenApiConformance.check(document, "DELETE", "/api/v1/users/me", extraField))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> OpenApiConformance.check(document, "GET", "/api/v1/users/me",
                                                          undocumentedStatus))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void swaggerUiIsServedLocally() {
        Reply page = get("/docs");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("/docs/swagger-ui-bundle.js").doesNotContain("cdn").doesNotContain("https://");
        assertThat(get("/docs/swagger-ui-bundle.js").status()).isEqualTo(200);
        assertThat(get("/docs/swagger-ui.css").status()).isEqualTo(200);
        assertThat(get("/docs/swagger-initializer.js").text()).contains("\"/api/v1/openapi.json\"");
    }

    private static Reply jsonReply(int status, String body) {
        return new Reply(status, ClientResponseHeaders.create(WritableHeaders.create().set(HeaderValues.CONTENT_TYPE_JSON)),
                         body);
    }

    private Reply get(String path) {
        try (var response = client.get(path).request()) {
            return new Reply(response.status().code(), response.headers(), response.as(String.class));
        }
    }
}

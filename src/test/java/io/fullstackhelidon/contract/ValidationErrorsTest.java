package io.fullstackhelidon.contract;

import java.util.Map;
import java.util.UUID;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import com.fasterxml.jackson.databind.JsonNode;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static io.fullstackhelidon.support.TestApi.randomEmail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every 422 type of the contract (section 2) in FastAPI/Pydantic's exact shape, the order of checks (malformed
 * JSON before authentication, authentication before validation), and input the service must never answer with a 500.
 */
@ServerTest
class ValidationErrorsTest {

    private final TestApi api;

    ValidationErrorsTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void malformedJsonIsRejectedBeforeAuthentication() {
        Reply reply = api.post("/items/", null, "{\"title\": ");

        assertThat(reply.status()).isEqualTo(422);
        JsonNode issue = reply.firstIssue();
        assertThat(issue.path("type").asText()).isEqualTo("json_invalid");
        assertThat(issue.path("loc").get(0).asText()).isEqualTo("body");
        assertThat(issue.path("loc").get(1).isInt()).isTrue();
        assertThat(issue.path("msg").asText()).isEqualTo("JSON decode error");
        assertThat(issue.path("input").toString()).isEqualTo("{}");
        assertThat(issue.path("ctx").path("error").asText()).isNotEmpty();
    }

    @Test
    void authenticationComesBeforeBodyValidation() {
        assertThat(api.post("/items/", null, "{}").status()).isEqualTo(401);
        assertThat(api.post("/items/", "not-a-token", "{}").status()).isEqualTo(403);
        assertThat(api.post("/users/", api.normalUserToken(), "{}").status()).isEqualTo(403);
    }

    @Test
    void missingFieldCarriesTheWholeObjectAsInput() {
        Reply reply = api.post("/users/signup", null, "{\"password\": \"long-enough\", \"extra\": 1}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.firstIssue().toString())
                .isEqualTo("{\"type\":\"missing\",\"loc\":[\"body\",\"email\"],\"msg\":\"Field required\","
                           + "\"input\":{\"password\":\"long-enough\",\"extra\":1}}");
    }

    @Test
    void missingBodyIsOneIssueAtBody() {
        Reply reply = api.call(Method.POST, "/users/signup", request -> { }, null);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("detail").toString())
                .isEqualTo("[{\"type\":\"missing\",\"loc\":[\"body\"],\"msg\":\"Field required\",\"input\":null}]");
    }

    @Test
    void jsonWithoutJsonContentTypeIsNotParsed() {
        Reply reply = api.call(Method.POST, "/users/signup",
                               request -> request.header(HeaderNames.CONTENT_TYPE, "text/plain"),
                               "{\"email\": \"a@example.com\", \"password\": \"long-enough\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.firstIssue().path("loc").toString()).isEqualTo("[\"body\"]");
    }

    @Test
    void vendorJsonContentTypesAreJson() {
        Reply reply = api.call(Method.POST, "/users/signup",
                               request -> request.header(HeaderNames.CONTENT_TYPE, "application/merge-patch+json"),
                               "{\"email\": \"" + randomEmail() + "\", \"password\": \"long-enough\"}");

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotAnObject() {
        Reply reply = api.post("/users/signup", null, "[1, 2]");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.firstIssue().toString())
                .isEqualTo("{\"type\":\"model_attributes_type\",\"loc\":[\"body\"],"
                           + "\"msg\":\"Input should be a valid dictionary or object to extract fields from\","
                           + "\"input\":[1,2]}");
    }

    @Test
    void stringTooShortAndTooLong() {
        Reply reply = api.post("/items/", api.superuserToken(), Map.of("title", "x".repeat(256),
                                                                        "description", "y".repeat(300)));

        assertThat(reply.status()).isEqualTo(422);
        JsonNode issues = reply.json().path("detail");
        assertThat(issues.size()).isEqualTo(2);
        assertThat(issues.get(0).path("type").asText()).isEqualTo("string_too_long");
        assertThat(issues.get(0).path("msg").asText()).isEqualTo("String should have at most 255 characters");
        assertThat(issues.get(0).path("ctx").toString()).isEqualTo("{\"max_length\":255}");
        assertThat(issues.get(1).path("loc").toString()).isEqualTo("[\"body\",\"description\"]");

        Reply shortPassword = api.post("/users/signup", null, Map.of("email", randomEmail(), "password", "short"));
        assertThat(shortPassword.firstIssue().toString())
                .isEqualTo("{\"type\":\"string_too_short\",\"loc\":[\"body\",\"password\"],"
                           + "\"msg\":\"String should have at least 8 characters\",\"input\":\"short\","
                           + "\"ctx\":{\"min_length\":8}}");
    }

    @Test
    void lengthsCountCharactersNotBytes() {
        Reply reply = api.post("/items/", api.superuserToken(), Map.of("title", "é".repeat(255)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("title").asText()).isEqualTo("é".repeat(255));
    }

    @Test
    void numbersAreNotStrings() {
        Reply reply = api.post("/users/signup", null, "{\"email\": 42, \"password\": 12345678}");

        JsonNode issues = reply.json().path("detail");
        assertThat(issues.get(0).toString())
                .isEqualTo("{\"type\":\"string_type\",\"loc\":[\"body\",\"email\"],"
                           + "\"msg\":\"Input should be a valid string\",\"input\":42}");
        assertThat(issues.get(1).path("type").asText()).isEqualTo("string_type");
    }

    @Test
    void invalidEmailsCarryEmailValidatorsReason() {
        Reply reply = api.post("/users/signup", null, Map.of("email", "not-an-email", "password", "long-enough"));

        assertThat(reply.firstIssue().toString())
                .isEqualTo("{\"type\":\"value_error\",\"loc\":[\"body\",\"email\"],"
                           + "\"msg\":\"value is not a valid email address: An email address must have an @-sign.\","
                           + "\"input\":\"not-an-email\","
                           + "\"ctx\":{\"reason\":\"An email address must have an @-sign.\"}}");

        Reply reserved = api.post("/users/signup", null, Map.of("email", "someone@host.test", "password", "long-enough"));
        assertThat(reserved.firstIssue().path("ctx").path("reason").asText())
                .isEqualTo("The part after the @-sign is a special-use or reserved name that cannot be used with "
                           + "email.");
    }

    @Test
    void emailsAreNormalisedBeforeStoring() {
        String local = "Mixed.Case" + UUID.randomUUID().toString().substring(0, 8);

        Reply reply = api.post("/users/signup", null,
                               Map.of("email", "  Some Name <" + local + "@EXAMPLE.COM>  ", "password", "long-enough"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("email").asText()).isEqualTo(local + "@example.com");
        assertThat(api.users().findByEmail(local + "@example.com")).isPresent();
    }

    @Test
    void badUuidInPathCarriesTheParserExplanation() {
        Reply reply = api.get("/users/not-a-uuid", api.superuserToken());

        String error = "invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], "
                       + "found `n` at 1";
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.firstIssue().toString())
                .isEqualTo("{\"type\":\"uuid_parsing\",\"loc\":[\"path\",\"user_id\"],"
                           + "\"msg\":\"Input should be a valid UUID, " + error + "\",\"input\":\"not-a-uuid\","
                           + "\"ctx\":{\"error\":\"" + error + "\"}}");
    }

    @Test
    void otherUuidSpellingsAreAccepted() {
        JsonNode item = api.randomItem();
        String id = item.path("id").asText();
        String token = api.superuserToken();

        for (String spelling : new String[] {id.replace("-", ""), id.toUpperCase(), "urn:uuid:" + id}) {
            Reply reply = api.get("/items/" + spelling, token);
            assertThat(reply.status()).as(spelling).isEqualTo(200);
            assertThat(reply.json().path("id").asText()).isEqualTo(id);
        }
    }

    @Test
    void queryIntegersAreValidated() {
        String token = api.superuserToken();

        Reply text = api.get("/items/?skip=abc", token);
        assertThat(text.status()).isEqualTo(422);
        assertThat(text.firstIssue().toString())
                .isEqualTo("{\"type\":\"int_parsing\",\"loc\":[\"query\",\"skip\"],"
                           + "\"msg\":\"Input should be a valid integer, unable to parse string as an integer\","
                           + "\"input\":\"abc\"}");

        assertThat(api.get("/items/?limit=-1", token).firstIssue().path("type").asText())
                .isEqualTo("greater_than_equal");
        assertThat(api.get("/users/?skip=99999999999999999999999", token).firstIssue().path("type").asText())
                .isEqualTo("less_than_equal");
    }

    @Test
    void booleansAreLenientLikePydantic() {
        String token = api.superuserToken();

        Reply yes = api.post("/users/", token, Map.of("email", randomEmail(), "password", "long-enough",
                                                      "is_superuser", "yes", "is_active", 0));
        assertThat(yes.status()).isEqualTo(200);
        assertThat(yes.json().path("is_superuser").asBoolean()).isTrue();
        assertThat(yes.json().path("is_active").asBoolean()).isFalse();

        Reply maybe = api.post("/users/", token, Map.of("email", randomEmail(), "password", "long-enough",
                                                        "is_superuser", "maybe"));
        assertThat(maybe.firstIssue().toString())
                .isEqualTo("{\"type\":\"bool_parsing\",\"loc\":[\"body\",\"is_superuser\"],"
                           + "\"msg\":\"Input should be a valid boolean, unable to interpret input\","
                           + "\"input\":\"maybe\"}");
    }

    @Test
    void pathAndBodyIssuesComeTogether() {
        Reply reply = api.json(Method.PUT, "/items/123", api.superuserToken(), Map.of("title", ""));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().path("detail").findValuesAsText("type"))
                .containsExactly("uuid_parsing", "string_too_short");
    }

    @Test
    void unknownFieldsAreIgnored() {
        Reply reply = api.post("/users/signup", null, Map.of("email", randomEmail(), "password", "long-enough",
                                                             "confirm_password", "long-enough"));

        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void nullingARequiredColumnIsA422NotA500() {
        String token = api.superuserToken();
        String id = api.randomUser().id().toString();

        for (String body : new String[] {"{\"email\": null}", "{\"is_active\": null}", "{\"password\": null}"}) {
            Reply reply = api.json(Method.PATCH, "/users/" + id, token, body);
            assertThat(reply.status()).as(body).isEqualTo(422);
        }
    }

    @Test
    void deepOrHugeJsonIsAClientError() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThat(api.post("/users/signup", null, deep).status()).isEqualTo(422);
        assertThat(api.post("/users/signup", null, "{\"email\": 1e999999}").status()).isEqualTo(422);
        assertThat(api.post("/users/signup", null, "\"\\ud800\"").status()).isEqualTo(422);
    }
}

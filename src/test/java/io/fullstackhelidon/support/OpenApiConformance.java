package io.fullstackhelidon.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every API response the tests receive against the OpenAPI document the service serves: an undocumented status,
 * a missing field or an extra one fails the test that got the response. Responses of the router itself (405, 307,
 * 404 for paths that are not operations) are not operations of the document and are passed over.
 */
public final class OpenApiConformance {

    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    private OpenApiConformance() {
    }

    /** Fails when {@code reply} to {@code method path} contradicts {@code document} (the served JSON). */
    public static void check(String document, String method, String path, Reply reply) {
        if (reply.status() == 405) {
            // the router's answer for a method the path lacks, which no operation declares (as in FastAPI's
            // document); the validator would match a fixed path like /users/signup to /users/{user_id}
            return;
        }
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(
                document,
                json -> OpenApiInteractionValidator.createForInlineApiSpecification(json)
                        .withStrictOperationPathMatching()
                        .build());
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status()).withBody(reply.text());
        reply.header("Content-Type").ifPresent(response::withContentType);
        ValidationReport report = validator.validateResponse(
                path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), response.build());
        List<String> problems = report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !message.getKey().startsWith("validation.request."))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
        assertThat(problems).as("%s %s answered %s, which the OpenAPI document does not allow", method, path, reply)
                .isEmpty();
    }
}

package io.fullstackhelidon.utils;

import java.util.List;

import io.fullstackhelidon.mail.EmailTemplates;
import io.fullstackhelidon.mail.Mailer;
import io.fullstackhelidon.users.CurrentUser;
import io.fullstackhelidon.web.ApiException;
import io.fullstackhelidon.web.ApiService;
import io.fullstackhelidon.web.Endpoint;
import io.fullstackhelidon.web.Json;
import io.fullstackhelidon.web.Message;
import io.fullstackhelidon.web.validation.Validation;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /utils/...}: the SMTP check and the template's liveness answer. */
public final class UtilsApi implements ApiService {

    private final CurrentUser currentUser;
    private final EmailTemplates templates;
    private final Mailer mailer;
    private final Json json;

    public UtilsApi(CurrentUser currentUser, EmailTemplates templates, Mailer mailer, Json json) {
        this.currentUser = currentUser;
        this.templates = templates;
        this.mailer = mailer;
        this.json = json;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/utils/test-email/", this::testEmail),
                Endpoint.get("/utils/health-check/", this::healthCheck));
    }

    /** Queues a test e-mail; 201 as in the template. */
    private void testEmail(ServerRequest request, ServerResponse response) {
        currentUser.requireSuperuser(request);
        Validation input = new Validation();
        String emailTo = input.queryEmail(request, "email_to");
        input.throwIfInvalid();
        if (!mailer.enabled()) {
            throw ApiException.serviceUnavailable(Mailer.NOT_CONFIGURED);
        }
        mailer.send(templates.testEmail(emailTo));
        json.send(response, Status.CREATED_201, new Message("Test email sent"));
    }

    /** {@code true}; the database is not checked, as in the template. */
    private void healthCheck(ServerRequest request, ServerResponse response) {
        json.send(response, Boolean.TRUE);
    }
}

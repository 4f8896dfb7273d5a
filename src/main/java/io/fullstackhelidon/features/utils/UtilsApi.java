package io.fullstackhelidon.features.utils;

import java.util.List;

import io.fullstackhelidon.contract.Endpoint;
import io.fullstackhelidon.contract.FeatureApi;
import io.fullstackhelidon.contract.Message;
import io.fullstackhelidon.contract.Parameter;
import io.fullstackhelidon.domain.Unavailable;
import io.fullstackhelidon.features.users.CurrentUser;
import io.fullstackhelidon.infra.mail.EmailTemplates;
import io.fullstackhelidon.infra.mail.Mailer;

import io.helidon.http.Status;

/** {@code /utils/...}: the SMTP check and the template's liveness answer. */
public final class UtilsApi implements FeatureApi {

    private static final Parameter<String> EMAIL_TO = Parameter.queryEmail("email_to");

    private final CurrentUser currentUser;
    private final EmailTemplates templates;
    private final Mailer mailer;

    public UtilsApi(CurrentUser currentUser, EmailTemplates templates, Mailer mailer) {
        this.currentUser = currentUser;
        this.templates = templates;
        this.mailer = mailer;
    }

    @Override
    public List<Endpoint<?, ?>> endpoints() {
        return List.of(
                // queues a test e-mail; 201 as in the template
                Endpoint.post("/utils/test-email/").guard(currentUser.superuser()).with(EMAIL_TO)
                        .idempotent(CurrentUser.KEYS_OF_THE_CALLER)
                        .status(Status.CREATED_201)
                        .handle((admin, in) -> {
                            if (!mailer.enabled()) {
                                throw new Unavailable(Mailer.NOT_CONFIGURED);
                            }
                            mailer.send(templates.testEmail(in.get(EMAIL_TO)));
                            return new Message("Test email sent");
                        }),
                // true; the database is not checked, as in the template
                Endpoint.get("/utils/health-check/").handle((nobody, in) -> Boolean.TRUE));
    }
}

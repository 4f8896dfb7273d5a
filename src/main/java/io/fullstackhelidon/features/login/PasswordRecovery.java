package io.fullstackhelidon.features.login;

import io.fullstackhelidon.domain.InvalidRequest;
import io.fullstackhelidon.domain.NotFound;
import io.fullstackhelidon.domain.Unavailable;
import io.fullstackhelidon.features.users.User;
import io.fullstackhelidon.features.users.UserService;
import io.fullstackhelidon.infra.mail.EmailMessage;
import io.fullstackhelidon.infra.mail.EmailTemplates;
import io.fullstackhelidon.infra.mail.Mailer;
import io.fullstackhelidon.infra.security.ResetTokens;

/** "Forgot password": a reset link by e-mail, and the reset itself with the link's token. */
public final class PasswordRecovery {

    private static final String INVALID_TOKEN = "Invalid token";

    private final UserService users;
    private final ResetTokens tokens;
    private final EmailTemplates templates;
    private final Mailer mailer;

    public PasswordRecovery(UserService users, ResetTokens tokens, EmailTemplates templates, Mailer mailer) {
        this.users = users;
        this.tokens = tokens;
        this.templates = templates;
        this.mailer = mailer;
    }

    /**
     * Sends a reset link to the user with exactly this address, if there is one; the caller's answer is the same
     * either way. Without e-mail the answer is 503 whether or not the user exists, which reveals nothing.
     */
    public void sendRecoveryEmail(String email) {
        if (!mailer.enabled()) {
            throw new Unavailable(Mailer.NOT_CONFIGURED);
        }
        users.findByEmail(email).ifPresent(user -> mailer.send(recoveryEmail(user, email)));
    }

    /** The recovery e-mail as it would be sent, for a superuser to preview. */
    public EmailMessage previewRecoveryEmail(String email) {
        User user = users.findByEmail(email).orElseThrow(
                () -> new NotFound("The user with this username does not exist in the system."));
        return recoveryEmail(user, email);
    }

    /** Sets a new password for the user a valid reset token names. */
    public void resetPassword(String token, String newPassword) {
        String email = tokens.verifiedEmail(token).orElseThrow(() -> new InvalidRequest(INVALID_TOKEN));
        User user = users.findByEmail(email).orElseThrow(() -> new InvalidRequest(INVALID_TOKEN));
        if (!user.isActive()) {
            throw new InvalidRequest("Inactive user");
        }
        users.setPassword(user, newPassword);
    }

    private EmailMessage recoveryEmail(User user, String requestedEmail) {
        return templates.resetPassword(user.email(), requestedEmail, tokens.issue(requestedEmail), tokens.lifetime());
    }
}

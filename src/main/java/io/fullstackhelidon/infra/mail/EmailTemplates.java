package io.fullstackhelidon.infra.mail;

import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

/**
 * The template's three e-mails, rendered from HTML resources under {@code email-templates/} with Mustache, which
 * HTML-escapes every value written as {@code {{name}}}. Only links built by the service are inserted raw
 * ({@code {{{link}}}}) so that the reset link stays copyable from the double-quoted {@code href}.
 */
public final class EmailTemplates {

    private final String projectName;
    private final String frontendHost;
    private final Mustache resetPassword;
    private final Mustache newAccount;
    private final Mustache testEmail;

    public EmailTemplates(String projectName, String frontendHost) {
        this.projectName = projectName;
        this.frontendHost = frontendHost;
        DefaultMustacheFactory factory = new DefaultMustacheFactory("email-templates");
        this.resetPassword = factory.compile("reset_password.html");
        this.newAccount = factory.compile("new_account.html");
        this.testEmail = factory.compile("test_email.html");
    }

    /** The password-recovery e-mail, with a link to the frontend's reset page carrying {@code token}. */
    public EmailMessage resetPassword(String to, String username, String token, Duration validity) {
        return new EmailMessage(to, projectName + " - Password recovery for user " + username,
                                render(resetPassword, Map.of(
                                        "project_name", projectName,
                                        "username", username,
                                        "email", to,
                                        "valid_hours", validity.toHours(),
                                        "link", frontendHost + "/reset-password?token=" + token)));
    }

    /** The welcome e-mail of an account a superuser created, with its initial password. */
    public EmailMessage newAccount(String to, String username, String password) {
        return new EmailMessage(to, projectName + " - New account for user " + username,
                                render(newAccount, Map.of(
                                        "project_name", projectName,
                                        "username", username,
                                        "password", password,
                                        "email", to,
                                        "link", frontendHost)));
    }

    /** The e-mail that checks the SMTP set-up. */
    public EmailMessage testEmail(String to) {
        return new EmailMessage(to, projectName + " - Test email",
                                render(testEmail, Map.of("project_name", projectName, "email", to)));
    }

    private static String render(Mustache template, Map<String, Object> values) {
        StringWriter html = new StringWriter();
        template.execute(html, values);
        return html.toString();
    }
}

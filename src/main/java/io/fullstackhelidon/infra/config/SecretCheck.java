package io.fullstackhelidon.infra.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses the template's placeholder secret {@code changethis} outside development, as the template backend does.
 */
public final class SecretCheck {

    static final String PLACEHOLDER = "changethis";

    private SecretCheck() {
    }

    /**
     * The complaints about {@code settings}: thrown as one {@link ConfigurationException} outside development,
     * returned for logging as warnings in development.
     */
    public static List<String> check(Settings settings) {
        List<String> complaints = new ArrayList<>();
        complain(complaints, "SECRET_KEY", settings.security().secretKey());
        complain(complaints, "POSTGRES_PASSWORD", settings.database().password());
        complain(complaints, "FIRST_SUPERUSER_PASSWORD", settings.firstSuperuser().password());
        if (!complaints.isEmpty() && !settings.development()) {
            throw new ConfigurationException(String.join(" ", complaints));
        }
        return complaints;
    }

    private static void complain(List<String> complaints, String variable, String value) {
        if (PLACEHOLDER.equals(value)) {
            complaints.add("The value of " + variable + " is \"" + PLACEHOLDER + "\", for security, please change it,"
                           + " at least for deployments.");
        }
    }
}

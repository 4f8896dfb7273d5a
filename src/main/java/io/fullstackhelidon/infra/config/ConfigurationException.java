package io.fullstackhelidon.infra.config;

/** The configuration cannot run the service; the message says what to change. */
public final class ConfigurationException extends RuntimeException {

    public ConfigurationException(String message) {
        super(message);
    }
}

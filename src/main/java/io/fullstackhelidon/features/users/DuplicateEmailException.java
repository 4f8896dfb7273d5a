package io.fullstackhelidon.features.users;

/** Another user already has the e-mail address (the unique index refused the write). */
public final class DuplicateEmailException extends RuntimeException {

    DuplicateEmailException(String email, Throwable cause) {
        super("e-mail already in use: " + email, cause, false, false);
    }
}

package io.fullstackhelidon.domain;

/** The request cannot be carried out as asked: a wrong password, a taken address, a bad token, an unreadable form. */
public final class InvalidRequest extends DomainException {

    public InvalidRequest(String detail) {
        super(detail);
    }
}

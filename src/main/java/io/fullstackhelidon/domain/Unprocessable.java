package io.fullstackhelidon.domain;

/** Understood and well-formed, yet not to be done as asked (422 with a text, not Pydantic's list of issues). */
public final class Unprocessable extends DomainException {

    public Unprocessable(String detail) {
        super(detail);
    }
}

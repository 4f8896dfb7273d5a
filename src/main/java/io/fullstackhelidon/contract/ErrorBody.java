package io.fullstackhelidon.contract;

/**
 * The body of every handled error: a text for business errors, a list of issues for validation errors.
 *
 * @param detail a {@code String} or a list of {@link io.fullstackhelidon.contract.validation.ValidationIssue}
 */
public record ErrorBody(Object detail) {
}

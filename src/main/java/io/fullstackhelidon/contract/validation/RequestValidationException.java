package io.fullstackhelidon.contract.validation;

import java.util.List;

/** The request does not fit the endpoint's parameters: answered 422 with every issue found. */
public final class RequestValidationException extends RuntimeException {

    private final List<ValidationIssue> issues;

    public RequestValidationException(List<ValidationIssue> issues) {
        super(issues.size() + " validation issue(s)", null, false, false);
        this.issues = List.copyOf(issues);
    }

    public List<ValidationIssue> issues() {
        return issues;
    }
}

package io.fullstackhelidon.contract.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * The validation issues of one request, collected in FastAPI's order (path, then query, then body) so that the client
 * gets all of them in one 422 answer.
 */
public final class Issues {

    private final List<ValidationIssue> issues = new ArrayList<>();

    public void add(ValidationIssue issue) {
        issues.add(issue);
    }

    public int count() {
        return issues.size();
    }

    /** Throws every issue collected so far as one 422. */
    public void throwIfAny() {
        if (!issues.isEmpty()) {
            throw new RequestValidationException(issues);
        }
    }
}

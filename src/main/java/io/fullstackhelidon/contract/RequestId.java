package io.fullstackhelidon.contract;

/**
 * The id that ties a request's log lines, error reports and answer together ({@code X-Request-Id}).
 *
 * @param value the id
 */
public record RequestId(String value) {
}

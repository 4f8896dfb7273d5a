package io.fullstackhelidon.infra.ratelimit;

/**
 * The outcome of taking one request from a bucket.
 *
 * @param allowed           whether the request may proceed
 * @param limit             the bucket's capacity
 * @param remaining         requests left now
 * @param resetSeconds      seconds until the bucket is full again
 * @param retryAfterSeconds when refused, seconds until one request is allowed again
 */
public record LimitDecision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
}

/**
 * The service's own infrastructure, one package per concern: configuration, the database (pool, fair gate, breaker,
 * migrations), Redis, caches, rate limits, mail and the durable job queue, security primitives (tokens, hashing,
 * sealing), HTTP hardening filters, resilience and observability. It serves the features, may use the contract kit
 * and the workarounds, and never imports a feature.
 */
package io.fullstackhelidon.infra;

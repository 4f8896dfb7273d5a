/** The store of {@code Idempotency-Key}s and the answers they replay, in the service's database. */
package io.fullstackhelidon.infra.idempotency;

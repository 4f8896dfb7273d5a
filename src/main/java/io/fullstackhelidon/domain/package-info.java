/**
 * The domain's refusals, free of any transport: what every feature's rules, and the infrastructure on their behalf,
 * throw when a request cannot be done (not found, not permitted, conflict, unavailable...). The contract kit's
 * {@code ErrorMapping} turns each kind into the template's answer; {@link io.fullstackhelidon.domain.CauseChain} is the
 * one walk that finds them inside a library's wrapping. Every room may use this one, and it uses none.
 */
package io.fullstackhelidon.domain;

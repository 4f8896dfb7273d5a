/**
 * The contract kit: the full-stack-fastapi-template's wire contract, written once so that features only declare
 * endpoints. Here are the endpoint declarations and the one pipeline every endpoint runs in the template's order of
 * checks, Pydantic-shaped validation ({@code validation}), FastAPI's 405, 307 and 404 answers, the error bodies and
 * their mapping, JSON as the template writes it, CORS with Starlette's semantics, and the OpenAPI document
 * ({@code docs}); and what endpoints add beyond the template when a client asks for it: entity tags and
 * {@code If-Match} ({@code Precondition}), {@code Idempotency-Key} ({@code Idempotency}, whose store the
 * infrastructure provides). It changes when the template changes; it knows no feature and no infrastructure.
 *
 * <p>{@link io.fullstackhelidon.contract.RouteCatalog} registers each feature as a Helidon {@code HttpService} under
 * the API prefix. Not under a prefix of its own ({@code /api/v1/items}): the login feature spans five roots, and under
 * a feature prefix Helidon hands a request for {@code /api/v1/items} to the feature's route {@code /}, where the
 * template answers 307 to {@code /api/v1/items/} ({@code RoutingConventionsTest}).
 */
package io.fullstackhelidon.contract;

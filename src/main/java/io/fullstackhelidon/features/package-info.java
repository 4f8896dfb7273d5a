/**
 * The features, one package each: what the service does for its users. Each has its HTTP declaration
 * ({@code XxxApi}: endpoints, in the template's order), a service (the rules and transactions, throwing the domain's
 * refusals) and a repository (its SQL, through DbClient). Features use the contract kit and the infrastructure, ask
 * another feature's service and never its repository, and never see a Helidon workaround.
 */
package io.fullstackhelidon.features;

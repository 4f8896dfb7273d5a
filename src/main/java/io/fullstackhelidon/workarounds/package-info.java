/**
 * Stand-ins for what Helidon 4.1.7 does not do, or does wrongly: the strict HTTP/1.1 framing and head deadline in
 * front of its parser, the slow-body guard, the security context built on demand, the YAML 1.2 configuration parser,
 * the virtual-thread meters of Helidon 4.2 and the quieting of client disconnects; and one for the JDK, the class-data
 * archive that an upgrade left unused. Each is an entry of {@code docs/decisions/helidon-workarounds.md}, with the
 * test of {@code HelidonDefectsTest} (or its own) that fails once Helidon does the job; they shrink with each upgrade. Only the composition root, the infrastructure and the kit
 * use them, never a feature; they use nothing of ours but the domain.
 */
package io.fullstackhelidon.workarounds;

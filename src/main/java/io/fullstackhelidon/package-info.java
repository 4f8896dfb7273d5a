/**
 * The entry points and the composition root. {@code Main} and {@code AdminCommand} start the service or a one-shot
 * command; {@code App} builds every component once, by constructor, from the typed settings; {@code Lifecycle} and
 * {@code ApiRouting} put it on Helidon's web server. Nothing imports this package: every arrow starts here.
 */
package io.fullstackhelidon;

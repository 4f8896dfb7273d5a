/**
 * The refusals every feature's rules can throw, free of any transport: the web layer maps each kind to the contract's
 * answer in one place ({@code web.ErrorMapping}), and the one walk of an exception's causes ({@link
 * io.fullstackhelidon.domain.Causes}) that finds them, and others, inside a library's wrapping.
 */
package io.fullstackhelidon.domain;

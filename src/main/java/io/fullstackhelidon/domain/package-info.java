/**
 * The refusals every feature's rules can throw, free of any transport: the web layer maps each kind to the contract's
 * answer in one place ({@code web.ErrorMapping}).
 */
package io.fullstackhelidon.domain;

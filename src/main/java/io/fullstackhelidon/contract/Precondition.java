package io.fullstackhelidon.contract;

import io.fullstackhelidon.domain.PreconditionFailed;

/**
 * A request's {@code If-Match} (RFC 9110 section 13.1.1), for endpoints that declared themselves conditional: the
 * service checks it against the representation it read, and then writes only if the row is still the one it read
 * (a compare in the statement's {@code WHERE}), so that of two writers holding one tag exactly one wins.
 */
public final class Precondition {

    /** No {@code If-Match}: the write goes ahead as the template's does. */
    public static final Precondition NONE = new Precondition(null, null);

    private final String ifMatch;
    private final Json json;

    private Precondition(String ifMatch, Json json) {
        this.ifMatch = ifMatch;
        this.json = json;
    }

    static Precondition ifMatch(String header, Json json) {
        return new Precondition(header, json);
    }

    /** Whether the request carries one: the write must then also check that the row did not change meanwhile. */
    public boolean active() {
        return ifMatch != null;
    }

    /** Refuses with 412 unless the tag of {@code representation}, as the API shows it, is one the client named. */
    public void check(Object representation) {
        if (ifMatch != null && !EntityTag.listed(ifMatch, EntityTag.of(json.bytes(representation)), false)) {
            throw new PreconditionFailed();
        }
    }
}

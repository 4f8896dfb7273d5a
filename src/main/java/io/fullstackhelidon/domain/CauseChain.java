package io.fullstackhelidon.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * An exception's chain of causes, which libraries wrap ours in (DbClient, Helidon's routing, the JDBC drivers): the
 * one walk of it, which ends at the root or where a cause repeats (a chain can loop).
 */
public final class CauseChain {

    private CauseChain() {
    }

    /** {@code error} and its causes, outermost first. */
    public static List<Throwable> of(Throwable error) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = error; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** The innermost cause, described as its class's simple name and its message. */
    public static String rootMessage(Throwable error) {
        List<Throwable> chain = of(error);
        Throwable root = chain.getLast();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

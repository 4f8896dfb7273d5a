package io.fullstackhelidon.workarounds;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import io.helidon.common.Weighted;
import io.helidon.common.context.Context;
import io.helidon.security.EndpointConfig;
import io.helidon.security.Security;
import io.helidon.security.SecurityContext;
import io.helidon.security.SecurityEnvironment;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.security.SecurityHandler;
import io.helidon.webserver.security.SecurityHttpFeature;

/**
 * Gives every request the security context that Helidon's webserver security feature would build for it, but as a
 * {@link DeferredSecurityContext}, built only when asked: running just before that feature's own filter (which then
 * finds a context and leaves it be), it keeps the feature's integration (the {@code HttpSecurity} of the routing, its
 * YAML configuration, the providers) without its per-request cost. The context is built with the same parts:
 * environment (URI, path, method, peer, transport, headers) and an empty endpoint configuration; the feature's
 * default handler is registered beside it, as that filter does.
 */
public final class SecurityContextOnDemand implements HttpFeature, Weighted {

    private final Security security;
    private final SecurityHandler defaults;
    private final double weight;
    private final AtomicLong contexts = new AtomicLong();

    /** For a security feature of {@code securityFeatureWeight}, with its {@code security} and {@code defaults}. */
    public SecurityContextOnDemand(Security security, SecurityHandler defaults, double securityFeatureWeight) {
        this.security = security;
        this.defaults = defaults;
        this.weight = Math.nextUp(securityFeatureWeight);
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        if (!security.enabled()) {
            return;
        }
        routing.addFilter((chain, request, response) -> {
            Context context = request.context();
            if (context.get(SecurityContext.class).isEmpty()) {
                context.register(new DeferredSecurityContext(() -> build(request)));
                context.register(defaults);
            }
            chain.proceed();
        });
    }

    @Override
    public double weight() {
        return weight;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private SecurityContext build(RoutingRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String::compareToIgnoreCase);
        headers.putAll(request.headers().toMap());
        request.context().get(SecurityHttpFeature.CONTEXT_ADD_HEADERS, Map.class).ifPresent(headers::putAll);
        SecurityEnvironment environment = security.environmentBuilder()
                .targetUri(request.requestedUri().toUri())
                .path(request.path().path())
                .method(request.prologue().method().text())
                .addAttribute("remotePeer", request.remotePeer())
                .addAttribute("userIp", request.remotePeer().host())
                .addAttribute("userPort", request.remotePeer().port())
                .transport(request.isSecure() ? "https" : "http")
                .headers(headers)
                .build();
        return security.contextBuilder(String.valueOf(contexts.incrementAndGet()))
                .env(environment)
                .endpointConfig(EndpointConfig.builder().build())
                .build();
    }
}

package io.fullstackhelidon.workarounds;

import java.util.Optional;
import java.util.function.Supplier;

import io.fullstackhelidon.infra.security.VerifiedTokens;

import io.helidon.security.AuditEvent;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.AuthorizationResponse;
import io.helidon.security.EndpointConfig;
import io.helidon.security.OutboundSecurityClientBuilder;
import io.helidon.security.SecurityClientBuilder;
import io.helidon.security.SecurityContext;
import io.helidon.security.SecurityEnvironment;
import io.helidon.security.SecurityRequestBuilder;
import io.helidon.security.SecurityTime;
import io.helidon.security.Subject;
import io.helidon.tracing.SpanContext;
import io.helidon.tracing.Tracer;

/**
 * A request's Helidon Security context, built the first time anything asks it something: most requests never do
 * (health checks, the OpenAPI document, and every request whose token {@link VerifiedTokens} already knows), and
 * building one (its environment copies every header and parses the URI) was a quarter of a health check's CPU.
 */
final class DeferredSecurityContext implements SecurityContext {

    private final Supplier<SecurityContext> builder;
    private volatile SecurityContext context;

    DeferredSecurityContext(Supplier<SecurityContext> builder) {
        this.builder = builder;
    }

    private SecurityContext context() {
        SecurityContext built = context;
        if (built == null) {
            synchronized (this) {
                built = context;
                if (built == null) {
                    built = builder.get();
                    context = built;
                }
            }
        }
        return built;
    }

    @Override
    public SecurityRequestBuilder<?> securityRequestBuilder() {
        return context().securityRequestBuilder();
    }

    @Override
    public SecurityRequestBuilder<?> securityRequestBuilder(SecurityEnvironment environment) {
        return context().securityRequestBuilder(environment);
    }

    @Override
    public SecurityClientBuilder<AuthenticationResponse> atnClientBuilder() {
        return context().atnClientBuilder();
    }

    @Override
    public AuthenticationResponse authenticate() {
        return context().authenticate();
    }

    @Override
    public SecurityClientBuilder<AuthorizationResponse> atzClientBuilder() {
        return context().atzClientBuilder();
    }

    @Override
    public OutboundSecurityClientBuilder outboundClientBuilder() {
        return context().outboundClientBuilder();
    }

    @Override
    public AuthorizationResponse authorize(Object... resource) {
        return context().authorize(resource);
    }

    @Override
    public boolean isAuthenticated() {
        return context().isAuthenticated();
    }

    @Override
    public void logout() {
        context().logout();
    }

    @Override
    public boolean isUserInRole(String role, String authorizerName) {
        return context().isUserInRole(role, authorizerName);
    }

    @Override
    public boolean isUserInRole(String role) {
        return context().isUserInRole(role);
    }

    @Override
    public void audit(AuditEvent event) {
        context().audit(event);
    }

    @Override
    public Optional<Subject> service() {
        return context().service();
    }

    @Override
    public Optional<Subject> user() {
        return context().user();
    }

    @Override
    public void runAs(Subject subject, Runnable runnable) {
        context().runAs(subject, runnable);
    }

    @Override
    public void runAs(String role, Runnable runnable) {
        context().runAs(role, runnable);
    }

    @Override
    public SpanContext tracingSpan() {
        return context().tracingSpan();
    }

    @Override
    public Tracer tracer() {
        return context().tracer();
    }

    @Override
    public String id() {
        return context().id();
    }

    @Override
    public SecurityTime serverTime() {
        return context().serverTime();
    }

    @Override
    public SecurityEnvironment env() {
        return context().env();
    }

    @Override
    public void env(SecurityEnvironment env) {
        context().env(env);
    }

    @Override
    public EndpointConfig endpointConfig() {
        return context().endpointConfig();
    }

    @Override
    public void endpointConfig(EndpointConfig ec) {
        context().endpointConfig(ec);
    }

    @Override
    public boolean isAuthorized() {
        return context().isAuthorized();
    }
}

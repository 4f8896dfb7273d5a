package io.fullstackhelidon.infra.ratelimit;

import java.util.ArrayList;
import java.util.List;

import io.fullstackhelidon.contract.ErrorBody;
import io.fullstackhelidon.contract.Json;
import io.fullstackhelidon.contract.RequestScopedHeaders;
import io.fullstackhelidon.infra.config.RateLimitSettings.Rule;
import io.fullstackhelidon.infra.config.RateLimitSettings;
import io.fullstackhelidon.infra.http.ClientAddress;

import io.helidon.common.uri.UriPath;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.http.Status;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Per-client limits on the API: one for every request, and stricter ones for the endpoints attackers hammer (login,
 * sign-up, password recovery and reset). Answers {@code 429 {"detail": ...}} with {@code Retry-After}; every limited
 * answer carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} of its tightest
 * limit.
 */
public final class RateLimitFilter implements Filter {

    private record RouteRule(Method method, PathMatcher path, Rule rule) {
    }

    private final RateLimiter limiter;
    private final ClientAddress clients;
    private final String apiPrefix;
    private final Rule all;
    private final List<RouteRule> routeRules;
    private final Json json;
    private final MeterRegistry meters;

    public RateLimitFilter(RateLimiter limiter, ClientAddress clients, RateLimitSettings settings, String apiPrefix,
                           Json json, MeterRegistry meters) {
        this.limiter = limiter;
        this.clients = clients;
        this.apiPrefix = apiPrefix;
        this.all = settings.all();
        this.routeRules = List.of(
                new RouteRule(Method.POST, PathMatchers.create(apiPrefix + "/login/access-token"), settings.login()),
                new RouteRule(Method.POST, PathMatchers.create(apiPrefix + "/users/signup"), settings.signup()),
                new RouteRule(Method.POST, PathMatchers.create(apiPrefix + "/password-recovery/{email}"),
                              settings.recovery()),
                new RouteRule(Method.POST, PathMatchers.create(apiPrefix + "/reset-password/"), settings.reset()));
        this.json = json;
        this.meters = meters;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        UriPath path = request.prologue().uriPath();
        if (!path.path().startsWith(apiPrefix + "/")) {
            chain.proceed();
            return;
        }
        String client = clients.of(request);
        List<Rule> rules = new ArrayList<>(2);
        rules.add(all);
        for (RouteRule routeRule : routeRules) {
            if (request.prologue().method() == routeRule.method() && routeRule.path().match(path).accepted()) {
                rules.add(routeRule.rule());
            }
        }
        LimitDecision tightest = null;
        for (Rule rule : rules) {
            LimitDecision decision = limiter.tryConsume(client, rule);
            if (!decision.allowed()) {
                refuse(request, response, decision, rule);
                return;
            }
            if (tightest == null || decision.remaining() < tightest.remaining()) {
                tightest = decision;
            }
        }
        headers(request, response, tightest);
        chain.proceed();
    }

    private void refuse(RoutingRequest request, RoutingResponse response, LimitDecision decision, Rule rule) {
        meters.getOrCreate(Counter.builder("http.server.requests.rate.limited")
                                   .tags(List.of(Tag.create("rule", rule.name())))
                                   .description("Requests refused by a rate limit"))
                .increment();
        headers(request, response, decision);
        response.header(HeaderValues.create(HeaderNames.RETRY_AFTER, decision.retryAfterSeconds()));
        json.send(response, Status.TOO_MANY_REQUESTS_429,
                  new ErrorBody("Too many requests, retry after " + decision.retryAfterSeconds() + " seconds"));
    }

    private static void headers(RoutingRequest request, RoutingResponse response, LimitDecision decision) {
        RequestScopedHeaders.set(request, response, HeaderValues.create("RateLimit-Limit", decision.limit()));
        RequestScopedHeaders.set(request, response, HeaderValues.create("RateLimit-Remaining", decision.remaining()));
        RequestScopedHeaders.set(request, response, HeaderValues.create("RateLimit-Reset", decision.resetSeconds()));
    }
}

package io.fullstackhelidon.utils;

import java.util.List;

import io.fullstackhelidon.web.ApiService;
import io.fullstackhelidon.web.Endpoint;
import io.fullstackhelidon.web.Json;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** {@code /utils/...}: the template's liveness answer (the database is not checked, as in the template). */
public final class UtilsApi implements ApiService {

    private final Json json;

    public UtilsApi(Json json) {
        this.json = json;
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(Endpoint.get("/utils/health-check/", this::healthCheck));
    }

    private void healthCheck(ServerRequest request, ServerResponse response) {
        json.send(response, Boolean.TRUE);
    }
}

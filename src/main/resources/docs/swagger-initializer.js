// Swagger UI for this service's OpenAPI document; "Authorize" uses the OAuth2 password flow of the login endpoint.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "{{openapi_url}}",
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
    oauth2RedirectUrl: window.location.origin + "/docs/oauth2-redirect.html"
  });
};

-- Idempotency keys (draft-ietf-httpapi-idempotency-key-header): the first answer to a request made with a key, per
-- caller (scope), replayed to its retries. fingerprint is an HMAC of the request, keyed by SECRET_KEY, so a request
-- body with a password is not kept in any guessable form; status is null while the first request is in flight. The
-- answers kept are the API's public bodies, never a secret. Rows are forgotten after idempotency.ttl.
CREATE TABLE ${flyway:defaultSchema}.idempotency_keys (
    scope       VARCHAR(300) NOT NULL,
    idem_key    VARCHAR(255) NOT NULL,
    fingerprint VARCHAR(64)  NOT NULL,
    status      INTEGER,
    body        VARCHAR,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_keys_created ON ${flyway:defaultSchema}.idempotency_keys (created_at);

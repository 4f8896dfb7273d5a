# syntax=docker/dockerfile:1
# Full Stack Helidon as a container: the runtime image of deploy/image/build.sh (a jlink Java runtime with only the
# modules the service uses, the application, and a JDK AOT cache recorded by a training run) on a slim base.
#   docker build -t full-stack-helidon .
#   docker run -p 8000:8000 -e SECRET_KEY=... -e DATABASE_URL=postgresql://... full-stack-helidon
# With a frontend built into the image and served by the service (one origin), e.g. the template's React app:
#   docker build --build-context frontend=../full-stack-fastapi-template/frontend -t full-stack-helidon .
# The same script runs on a machine without Docker (CI does: deploy/image/build.sh, then starts target/image).

# ---- frontend (optional): the sources of a Vite app, as a build context of their own. Without one, this empty stage
# stands in and the image serves the API alone.
FROM scratch AS frontend

FROM node:20-slim AS frontend-build
WORKDIR /frontend
COPY --from=frontend / ./
# an empty VITE_API_URL: the app calls the origin that served it, the service itself; the build goes to /dist
# whatever the app's own Vite configuration names (the template's writes to ../backend/app/frontend)
RUN mkdir /dist \
    && if [ -f package.json ]; then \
         npm install --no-audit --no-fund && VITE_API_URL= npm run build -- --outDir /dist --emptyOutDir; \
       fi

# ---- build: the Maven wrapper builds the jar; jlink links the runtime; a training run records the AOT cache
FROM eclipse-temurin:25-jdk AS build
# binutils: strip; curl: the training run's requests; postgresql, redis-server: the training run uses them, so that
# their clients' classes are in the AOT cache too (0.2-0.4 s of start-up on a PostgreSQL + Redis deployment)
RUN apt-get update \
    && apt-get install -y --no-install-recommends binutils curl unzip postgresql redis-server \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# dependencies first, so that a change of the sources reuses this layer
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY deploy/jvm.options deploy/jvm.options
COPY deploy/image/ deploy/image/
# built where it runs: the AOT cache is only used by a runtime at the path it was recorded with
RUN redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    && pg_ctlcluster "$(ls /etc/postgresql)" main start \
    && su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'training'\"" \
    && IMAGE_DIR=/app TRAINING_REDIS_URL=redis://127.0.0.1:6379 \
       TRAINING_DATABASE_URL=postgresql://postgres:training@127.0.0.1:5432/postgres deploy/image/build.sh \
    && pg_ctlcluster "$(ls /etc/postgresql)" main stop \
    && redis-cli shutdown nosave

# ---- runtime: no JDK, no Maven, no sources; a non-root user
FROM debian:12-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid 10001 --home-dir /srv --shell /usr/sbin/nologin app \
    && mkdir -p /srv && chown app /srv
COPY --from=build /app /app
# empty without a frontend context; the launcher serves it (FRONTEND_DIR) when it holds an index.html
COPY --from=frontend-build /dist /app/frontend
USER 10001:10001
# the working directory holds the embedded H2 database (./data) when DATABASE_URL is not set
WORKDIR /srv
# Configuration comes from the environment: DATABASE_URL (or POSTGRES_*), SECRET_KEY, FIRST_SUPERUSER(_PASSWORD),
# REDIS_URL, SMTP_*, SENTRY_DSN, ... (README, "Configuration"); JAVA_OPTS adds JVM options (e.g. a larger heap).
ENV SERVER_PORT=8000 \
    LOG_FORMAT=json
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD curl -fsS -o /dev/null http://127.0.0.1:8000/health/live || exit 1
# `serve` (the default), `migrate` or `create-superuser`
ENTRYPOINT ["/app/bin/full-stack-helidon"]
CMD ["serve"]

#!/usr/bin/env bash
# Builds the runtime image in target/image (or $IMAGE_DIR):
#
#   bin/full-stack-helidon   the launcher: `serve` (default), `migrate`, `create-superuser`; JAVA_OPTS adds JVM options
#   bin/java, lib/, conf/    a Java runtime linked by jlink with only the modules jdeps finds in the application
#   app/                     the application jar, its libraries, and the start-up cache: a JDK AOT cache (app.aot,
#                            JDK 25+) or else a CDS archive (app.jsa), recorded by a training run
#
# The Dockerfile's build stage runs this same script, so what CI builds and starts here is what the container runs.
# Usage: deploy/image/build.sh [--skip-build]   (--skip-build: reuse target/*.jar and target/libs as they are)
#   CACHE_KIND=auto (AOT cache on JDK 25+, else CDS) | aot | cds | none
# Needs: a JDK 21+ as JAVA_HOME with jdeps and jlink (no jmods needed: JDK 24+ links from its own runtime), curl.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
IMAGE="${IMAGE_DIR:-$ROOT/target/image}"
NAME=full-stack-helidon
if [ -z "${JAVA_HOME:-}" ] && [ -d /usr/lib/jvm/temurin-25-jdk-amd64 ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
[ -x "${JAVA_HOME:-}/bin/jlink" ] || { echo "JAVA_HOME must be a JDK 21+ with jlink" >&2; exit 2; }
# shellcheck source=lib.sh
. "$ROOT/deploy/image/lib.sh"
JAVA_VERSION="$(java_feature_version "$JAVA_HOME/bin/java")"
[ "$JAVA_VERSION" -ge 21 ] || { echo "JDK 21+ needed, JAVA_HOME is $JAVA_VERSION" >&2; exit 2; }
log() { echo "[image] $*" >&2; }

# ------------------------------------------------------------------ the application

if [ "${1:-}" != "--skip-build" ]; then
  log "building the application"
  (cd "$ROOT" && ./mvnw -B -q clean package -DskipTests)
fi
JAR="$ROOT/target/$NAME.jar"
LIBS="$ROOT/target/libs"

# ------------------------------------------------------------------ the Java runtime

# jdeps follows the classes reachable from the application's jar through its libraries (-R, one run over all jars:
# seconds, where one run per jar takes a minute) and names the JDK modules they use. Added by hand, what is only
# reached by reflection or at run time: GSS for PostgreSQL's Kerberos login, SASL for SMTP login, EC for TLS,
# jdk.net for Netty's (Redis client) socket options, jdk.management for the JVM's process metrics, JFR for
# diagnostics. Left out: java.desktop (a third of the runtime), which jdeps finds behind JNA's AWT helpers; the
# service is headless and only calls JNA for argon2, which the training run below exercises (a login).
EXTRA_MODULES=java.security.jgss,java.security.sasl,jdk.crypto.ec,jdk.net,jdk.management,jdk.jfr
LEFT_OUT_MODULES=java.desktop
modules() {
  "$JAVA_HOME/bin/jdeps" -summary -R --multi-release 21 --ignore-missing-deps --class-path "$LIBS/*" "$JAR" |
    grep -oE -- '-> (java|jdk)\.[a-z.]+' | sed 's/^-> //'
  # only those this JDK has (jdk.crypto.ec, empty since JDK 22, is deprecated for removal)
  echo "$EXTRA_MODULES" | tr ',' '\n' | grep -xF "$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//')"
}
MODULES="$(modules | sort -u | grep -vxF "$(echo "$LEFT_OUT_MODULES" | tr ',' '\n')" | paste -sd, -)"
log "modules: $MODULES"
rm -rf "$IMAGE"
"$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress zip-6 \
  --dedup-legal-notices=error-if-not-same-content --output "$IMAGE"
# the JVM's symbol table (5 MB) only names frames in crash reports
if command -v strip >/dev/null; then strip --strip-unneeded "$IMAGE/lib/server/libjvm.so"; fi
mkdir -p "$IMAGE/app/libs"
cp "$JAR" "$IMAGE/app/"
jvm_options_without_archive "$ROOT/deploy/jvm.options" > "$IMAGE/app/jvm.options"
# only the libraries the jar's manifest names (target/libs may hold leftovers of older builds)
unzip -p "$JAR" META-INF/MANIFEST.MF | tr -d '\r' | sed -n '/^Class-Path:/,/^[A-Z]/p' | sed 's/^Class-Path://; s/^ //' |
  grep -v '^[A-Z][A-Za-z-]*:' | tr -d '\n' | tr ' ' '\n' | grep . | while read -r entry; do
    cp "$ROOT/target/$entry" "$IMAGE/app/$entry"
  done

# ------------------------------------------------------------------ the launcher

cat >"$IMAGE/bin/$NAME" <<'LAUNCHER'
#!/bin/sh
# Runs Full Stack Helidon on this image's Java runtime: `serve` (the default), `migrate` or `create-superuser`.
# Configuration comes from the environment, .env and app.yaml of the working directory, as for the jar.
# JAVA_OPTS is added after the defaults (app/jvm.options), so its options win (JAVA_OPTS="-Xms256m -Xmx256m").
HOME_DIR=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
CACHE=""
if [ -f "$HOME_DIR/app/app.aot" ]; then
  CACHE="-XX:AOTCache=$HOME_DIR/app/app.aot"
elif [ -f "$HOME_DIR/app/app.jsa" ]; then
  CACHE="-XX:SharedArchiveFile=$HOME_DIR/app/app.jsa"
fi
# glibc's per-thread malloc arenas grow RSS by tens of MB under virtual threads and native argon2; two suffice
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# a frontend built into the image (the Dockerfile's frontend stage) is served, unless FRONTEND_DIR names another
if [ -z "${FRONTEND_DIR:-}" ] && [ -f "$HOME_DIR/frontend/index.html" ]; then
  export FRONTEND_DIR="$HOME_DIR/frontend"
fi
# The JVM's own warnings go to stderr, so that stdout carries only the service's JSON log lines.
exec "$HOME_DIR/bin/java" "@$HOME_DIR/app/jvm.options" -Xlog:disable -Xlog:all=warning:stderr \
  $CACHE $JAVA_OPTS -jar "$HOME_DIR/app/full-stack-helidon.jar" "$@"
LAUNCHER
chmod +x "$IMAGE/bin/$NAME"

# ------------------------------------------------------------------ the start-up cache

"$ROOT/deploy/image/train.sh" "$IMAGE" "${CACHE_KIND:-auto}"

log "image: $IMAGE ($(du -sh "$IMAGE" | cut -f1); runtime $(du -sh --exclude=app "$IMAGE" | cut -f1), application $(du -sh --exclude='app.aot' --exclude='app.jsa' "$IMAGE/app" | cut -f1), cache $(du -ch "$IMAGE"/app/app.* 2>/dev/null | tail -1 | cut -f1))"
log "run it: $IMAGE/bin/$NAME"

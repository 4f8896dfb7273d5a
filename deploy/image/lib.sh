# Shared by the image scripts and bench/bench.sh (sourced, not run).

# The feature version (21, 25, ...) of the java command $1.
java_feature_version() {
  local version
  version="$("$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')"
  echo "${version%%.*}"
}

# Waits until BASE_URL/health/ready answers 200; fails as soon as process PID is gone, or after SECONDS.
#   wait_ready BASE_URL PID SECONDS
wait_ready() {
  local base=$1 pid=$2 deadline=$(($(date +%s) + $3))
  until curl -fsS -o /dev/null "$base/health/ready" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

# deploy/jvm.options without the class-data archive a plain "java -jar" records (the image has its AOT cache, the
# Spring Boot peer of the benchmarks no archive named for the service).
#   jvm_options_without_archive JVM_OPTIONS_FILE
jvm_options_without_archive() {
  grep -v -e '^-XX:+AutoCreateSharedArchive$' -e '^-XX:SharedArchiveFile=' "$1"
}

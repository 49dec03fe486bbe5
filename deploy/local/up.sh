#!/usr/bin/env bash
# Command 1: builds Gofer, starts the local stack (real Kafka, PostgreSQL, the four services) in the background,
# registers the seed example pipeline and runs it, following its task states and log.
#   deploy/local/up.sh [launcher options, e.g. --schedulers 2]      (stop with deploy/local/down.sh)
# Works from any directory, as root or with sudo available (prepare-host.sh installs Docker if missing).
# GOFER_UP_SKIP_BUILD=1 skips the build when the jars exist; GOFER_UP_TIMEOUT (s, default 300) bounds the start.
set -euo pipefail

REPO="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
STATE="$REPO/.gofer-local"
LOGS="$STATE/logs"
PID_FILE="$STATE/launcher.pid"
JAR="$REPO/deploy/local/target/gofer-local-launcher.jar"
READY_TIMEOUT_S="${GOFER_UP_TIMEOUT:-300}"

log() { printf '[up] %s\n' "$*" >&2; }

launcher_alive() {
    local pid
    pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -qaE 'gofer-local|setsid|nohup' "/proc/$pid/cmdline" 2>/dev/null
}

print_failure() {
    log "the local stack did not come up. Last lines of $LOGS/launcher.log:"
    tail -c "+$((LOG_OFFSET + 1))" "$LOGS/launcher.log" 2>/dev/null | tail -n 40 >&2 || true
    local failed
    failed="$(cat "$STATE/failed" 2>/dev/null || true)"
    if [ -n "$failed" ] && [ -f "$LOGS/$failed.log" ]; then
        log "last lines of $LOGS/$failed.log:"
        tail -n 60 "$LOGS/$failed.log" >&2
    fi
}

"$REPO/deploy/local/prepare-host.sh"
if ! docker info >/dev/null 2>&1; then
    log "warning: $(id -un) cannot reach the Docker engine; task containers will fail (run as root or join group docker)"
fi

mkdir -p "$LOGS"
if launcher_alive; then
    log "a local stack is already running (pid $(cat "$PID_FILE")): reusing it, not rebuilding"
    log "(to rebuild or change options: deploy/local/down.sh, then deploy/local/up.sh again)"
    if [ ! -f "$REPO/cli/target/gofer-cli.jar" ]; then
        log "building the CLI (./mvnw -B -q -DskipTests install -pl cli -am)"
        (cd "$REPO" && ./mvnw -B -q -DskipTests install -pl cli -am)
    fi
else
    if [ "${GOFER_UP_SKIP_BUILD:-}" = "1" ] && [ -f "$JAR" ]; then
        log "GOFER_UP_SKIP_BUILD=1: using the jars already built"
    else
        log "building Gofer (./mvnw -B -q -DskipTests install); this takes a few minutes the first time"
        t0=$SECONDS
        (cd "$REPO" && ./mvnw -B -q -DskipTests install)
        log "built in $((SECONDS - t0)) s"
    fi

    rm -f "$STATE/ready" "$STATE/failed"
    LOG_OFFSET="$(stat -c %s "$LOGS/launcher.log" 2>/dev/null || echo 0)"
    log "starting the local stack (log: $LOGS/launcher.log)"
    t0=$SECONDS
    # setsid: the launcher outlives this shell and leads its own process group (down.sh stops the whole group).
    setsid nohup java -Xmx512m -jar "$JAR" start --repo "$REPO" --state-dir "$STATE" "$@" \
        >>"$LOGS/launcher.log" 2>&1 </dev/null &
    echo $! >"$PID_FILE"
    while [ ! -f "$STATE/ready" ]; do
        if ! launcher_alive; then
            print_failure
            rm -f "$PID_FILE"
            exit 1
        fi
        if [ $((SECONDS - t0)) -ge "$READY_TIMEOUT_S" ]; then
            print_failure
            log "gave up after ${READY_TIMEOUT_S} s; the launcher (pid $(cat "$PID_FILE")) still runs: deploy/local/down.sh"
            exit 1
        fi
        sleep 1
    done
    log "local stack ready in $((SECONDS - t0)) s"
fi
sed -n 's/^\(API_URL\|STORE_URL\|TRIGGER_URL\|SCHEDULER_URLS\|KAFKA_BOOTSTRAP\|JDBC_URL\)=/  \1=/p' \
    "$STATE/stack.env" >&2

# The example's image: ubuntu:latest when present or pullable, else the locally built busybox.
if docker image inspect ubuntu:latest >/dev/null 2>&1 \
    || timeout 20 docker pull -q ubuntu:latest >/dev/null 2>&1; then
    IMAGE=ubuntu:latest
else
    IMAGE=local/busybox:latest
    log "note: no registry reachable; the example runs on local/busybox:latest"
fi

# bin/gofer gives the image to later registrations of the example (README's Use section) as GOFER_EXAMPLE_IMAGE.
printf 'EXAMPLE_IMAGE=%s\n' "$IMAGE" >"$STATE/example.env"

cd "$REPO"
status=0
log "registering examples/simple/SimplePipeline.java (image $IMAGE)"
if GOFER_EXAMPLE_IMAGE="$IMAGE" bin/gofer pipeline register examples/simple/SimplePipeline.java; then
    log "running pipeline simple"
    bin/gofer run start simple --follow || status=$?
else
    status=$?
fi
[ "$status" -eq 0 ] || log "the example did not succeed (exit $status); the stack stays up"

cat >&2 <<MSG

Gofer is running locally.
  CLI:     bin/gofer --help          (talks to $(sed -n 's/^API_URL=//p' "$STATE/stack.env") with the admin token)
  token:   GOFER_API_TOKEN in $STATE/keys.env (curl -H "Authorization: Bearer \$GOFER_API_TOKEN" ...)
  logs:    $LOGS/<service>.log, launcher: $LOGS/launcher.log
  stop:    deploy/local/down.sh      (add --purge to delete all local data)
MSG
exit "$status"

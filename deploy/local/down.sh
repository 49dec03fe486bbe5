#!/usr/bin/env bash
# Stops the local stack started by up.sh: SIGTERM to the launcher (it stops the services, PostgreSQL, then Kafka),
# SIGKILL to its whole process group after 30 s.   deploy/local/down.sh [--purge]  (--purge: delete .gofer-local and the local workers' task containers)
set -euo pipefail

REPO="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
STATE="$REPO/.gofer-local"
PID_FILE="$STATE/launcher.pid"

log() { printf '[down] %s\n' "$*" >&2; }

purge=false
for arg in "$@"; do
    case "$arg" in
        --purge) purge=true ;;
        -h|--help) echo "usage: deploy/local/down.sh [--purge]"; exit 0 ;;
        *) log "unknown option $arg"; exit 2 ;;
    esac
done

# Members of the launcher's process group (the services) that belong to Gofer.
group_members() {
    local p
    for p in $(pgrep -g "$1" 2>/dev/null || true); do
        grep -qE 'gofer-local|quarkus-run.jar' "/proc/$p/cmdline" 2>/dev/null && echo "$p"
    done
    return 0
}

pid="$(cat "$PID_FILE" 2>/dev/null || true)"
if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && grep -q 'gofer-local' "/proc/$pid/cmdline" 2>/dev/null; then
    log "stopping the local stack (launcher pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "still running after 30 s: killing process group $pid"
        kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    log "stopped"
else
    log "no launcher running"
fi
# Services that outlived their launcher (it was killed): SIGTERM, then SIGKILL after 10 s.
if [ -n "$pid" ]; then
    left="$(group_members "$pid")"
    if [ -n "$left" ]; then
        log "stopping services left behind by launcher $pid: $(echo $left)"
        kill -TERM $left 2>/dev/null || true
        for _ in $(seq 1 20); do
            [ -n "$(group_members "$pid")" ] || break
            sleep 0.5
        done
        left="$(group_members "$pid")"
        [ -z "$left" ] || kill -KILL $left 2>/dev/null || true
    fi
fi
# PostgreSQL runs in a session of its own (pg_ctl): after a killed launcher it may still run. Fast shutdown.
pg_pid="$(head -n 1 "$STATE/postgres/postmaster.pid" 2>/dev/null || true)"
if [ -n "$pg_pid" ] && kill -0 "$pg_pid" 2>/dev/null && grep -q postgres "/proc/$pg_pid/cmdline" 2>/dev/null; then
    log "stopping the PostgreSQL left behind (pid $pg_pid)"
    kill -INT "$pg_pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
        kill -0 "$pg_pid" 2>/dev/null || break
        sleep 0.5
    done
fi
rm -f "$PID_FILE" "$STATE/ready"

if $purge; then
    # The data is going, so the task containers of this stack's workers (worker-1, worker-2, ...) go too: a new stack
    # starts its run ids at 1 again, and an old container of the same task run would stand in the new one's way.
    if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
        ids="$(docker ps -a --filter label=gofer.task-run \
            --format '{{.ID}} {{.Label "gofer.worker"}}' 2>/dev/null | awk '$2 ~ /^worker-[0-9]+$/ {print $1}')"
        if [ -n "$ids" ]; then
            log "removing $(echo "$ids" | wc -l) task containers of the local workers"
            docker rm -f $ids >/dev/null 2>&1 || true
        fi
    fi
    log "deleting $STATE"
    rm -rf -- "$STATE"
fi

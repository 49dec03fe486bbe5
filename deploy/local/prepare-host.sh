#!/usr/bin/env bash
# Prepares this machine for Gofer's local stack and its tests: a Docker engine, the local images, and the tools the
# tests use (kcat; docker-registry + htpasswd for the private-registry fixture LocalRegistry in test-support).
# Idempotent: installs only what is missing, starts dockerd only when no engine answers.
set -euo pipefail

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

log() { printf '[prepare-host] %s\n' "$*" >&2; }

need_pkgs=()
command -v dockerd >/dev/null 2>&1 || need_pkgs+=(docker.io)
[ -x /bin/busybox ] || need_pkgs+=(busybox-static)
command -v kcat >/dev/null 2>&1 || command -v kafkacat >/dev/null 2>&1 || need_pkgs+=(kafkacat)
command -v docker-registry >/dev/null 2>&1 || need_pkgs+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || need_pkgs+=(apache2-utils)
if [ ${#need_pkgs[@]} -gt 0 ]; then
    log "installing ${need_pkgs[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
    # The tests start their own registries on free ports; the package's service (port 5000) is not wanted.
    if [[ " ${need_pkgs[*]} " == *" docker-registry "* ]] && command -v systemctl >/dev/null 2>&1 \
            && systemctl is-active --quiet docker-registry 2>/dev/null; then
        $SUDO systemctl disable --now docker-registry >/dev/null 2>&1 || true
    fi
fi

if ! docker info >/dev/null 2>&1; then
    log "starting dockerd"
    $SUDO mkdir -p /var/log
    # setsid: the engine must outlive the shell that started it.
    $SUDO setsid nohup dockerd >/var/log/gofer-dockerd.log 2>&1 < /dev/null &
    for _ in $(seq 1 60); do
        docker info >/dev/null 2>&1 && break
        sleep 0.5
    done
    docker info >/dev/null 2>&1 || { log "dockerd did not come up; see /var/log/gofer-dockerd.log"; exit 1; }
fi

# local/busybox:latest — a tiny image built from Debian's busybox-static, since no registry is reachable.
if ! docker image inspect local/busybox:latest >/dev/null 2>&1; then
    log "building local/busybox:latest"
    tmp=$(mktemp -d)
    mkdir -p "$tmp/bin" "$tmp/tmp" "$tmp/etc"
    cp /bin/busybox "$tmp/bin/busybox"
    for applet in $("$tmp/bin/busybox" --list); do
        [ "$applet" = busybox ] || ln -sf busybox "$tmp/bin/$applet"
    done
    chmod 1777 "$tmp/tmp"
    echo 'root:x:0:0:root:/root:/bin/sh' > "$tmp/etc/passwd"
    echo 'root:x:0:' > "$tmp/etc/group"
    tar -C "$tmp" -c . | docker import -c 'ENV PATH=/bin' - local/busybox:latest >/dev/null
    rm -rf "$tmp"
fi
log "docker engine ready; local images: $(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^local/' | tr '\n' ' ')"

#!/usr/bin/env bash
# Make a Docker engine available for the container tests, offline.
#
# Idempotent: each phase is skipped when its result is already there.
#   1. install Debian's docker.io and debootstrap (apt) if missing
#   2. start dockerd (no bridge, no iptables: containers use host networking)
#   3. build the base image debian:bookworm-slim from debootstrap (no pulls)
# Needs root. Safe with CI=true and no stdin.
set -euo pipefail

BASE_TAG="debian:bookworm-slim"
DOCKERD_LOG="${DOCKERD_LOG:-/var/log/dockerd-harness.log}"
export DEBIAN_FRONTEND=noninteractive

log() { printf '[setup-docker] %s\n' "$*"; }

policy_added=""
rootfs=""
cleanup() {
  if [[ -n "$policy_added" ]]; then rm -f /usr/sbin/policy-rc.d; fi
  if [[ -n "$rootfs" ]]; then rm -rf "$rootfs" "$rootfs.log"; fi
}
trap cleanup EXIT

if [[ "$(id -u)" != 0 ]]; then
  log "error: must run as root (installs packages and starts dockerd)" >&2
  exit 1
fi

# Phase 1: packages.
if command -v dockerd >/dev/null 2>&1 && command -v debootstrap >/dev/null 2>&1; then
  log "packages: docker.io and debootstrap already installed"
else
  log "packages: installing docker.io debootstrap"
  # Keep the package scripts from starting dockerd with its default bridge
  # network: it is started below, with host networking only.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    policy_added=1
  fi
  apt-get update -qq </dev/null
  apt-get install -y -qq --no-install-recommends docker.io debootstrap </dev/null >/dev/null
fi

# Phase 2: daemon.
# True when PID runs and is not a zombie (killed daemons can linger as zombies
# here, and dockerd refuses to start while its pid file names a live pid).
pid_alive() {
  [[ -n "$1" && -r "/proc/$1/stat" ]] && [[ "$(sed 's/.*) //' "/proc/$1/stat" | cut -d' ' -f1)" != Z ]]
}
# Removes a pid file whose process is gone, so a restarted daemon starts.
clear_stale_pid() {
  local file=$1 pid
  [[ -f "$file" ]] || return 0
  pid="$(cat "$file" 2>/dev/null || true)"
  if ! pid_alive "$pid"; then
    log "daemon: removing stale $file (pid ${pid:-none} is gone)"
    rm -f "$file"
  fi
}

if docker info >/dev/null 2>&1; then
  log "daemon: docker already running"
else
  daemon_pid=""
  if [[ -f /var/run/docker.pid ]] && pid_alive "$(cat /var/run/docker.pid)"; then
    daemon_pid="$(cat /var/run/docker.pid)"
    log "daemon: dockerd (pid $daemon_pid) is starting; waiting for it"
  else
    clear_stale_pid /var/run/docker.pid
    clear_stale_pid /var/run/docker/containerd/containerd.pid
    log "daemon: starting dockerd (log: $DOCKERD_LOG)"
    nohup dockerd --bridge=none --iptables=false --ip6tables=false \
      </dev/null >>"$DOCKERD_LOG" 2>&1 &
    daemon_pid=$!
  fi
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    pid_alive "$daemon_pid" || break
    sleep 1
  done
  if ! docker info >/dev/null 2>&1; then
    log "error: dockerd is not answering (waited up to 60 s); last log lines:" >&2
    tail -n 20 "$DOCKERD_LOG" >&2 || true
    exit 1
  fi
  log "daemon: docker is up"
fi

# Phase 3: base image.
if docker image inspect "$BASE_TAG" >/dev/null 2>&1; then
  log "base image: $BASE_TAG already present"
else
  log "base image: building $BASE_TAG with debootstrap (about a minute)"
  rootfs="$(mktemp -d /var/tmp/harness-rootfs.XXXXXX)"
  if ! debootstrap --variant=minbase bookworm "$rootfs" >"$rootfs.log" 2>&1; then
    log "error: debootstrap failed; last log lines:" >&2
    tail -n 20 "$rootfs.log" >&2
    exit 1
  fi
  # Keep the image small: builds run apt-get update themselves.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb
  tar -C "$rootfs" -c . | docker import - "$BASE_TAG" >/dev/null
  log "base image: $BASE_TAG built"
fi

log "done"

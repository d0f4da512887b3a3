#!/usr/bin/env bash
# Installs podman (with runc) and debootstrap from Debian's packages and writes the engine
# settings this machine kind needs into /etc/containers/containers.conf. Idempotent: does nothing
# when everything is already in place. Needs root (apt-get, /etc).
#
# Why each setting (see docs/container.md):
#   runtime = "runc"          crun refuses the machine's mixed cgroup v1/v2 layout
#   cgroup_manager = cgroupfs  no systemd in the machine
#   events_logger = "file"     no journald
#   default_ulimits            root lacks CAP_SYS_RESOURCE: podman's default nofile (1048576)
#                              fails with "setrlimit RLIMIT_NOFILE: Operation not permitted",
#                              so containers get the machine's hard limit instead
set -euo pipefail

missing=()
for tool in podman runc debootstrap; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-podman: missing ${missing[*]}; install as root: apt-get install -y podman runc debootstrap" >&2
    exit 1
  fi
  echo "install-podman: installing podman runc debootstrap" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq podman runc debootstrap >/dev/null
fi

conf=/etc/containers/containers.conf
marker='# written by tools/container/install-podman.sh'
if ! grep -qF "$marker" "$conf" 2>/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-podman: $conf lacks the settings this machine needs; run this script as root" >&2
    exit 1
  fi
  nofile="$(ulimit -Hn)"
  [ "$nofile" = unlimited ] && nofile=1048576
  nproc="$(ulimit -Hu)"
  { [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ]; } && nproc=32768
  mkdir -p /etc/containers
  [ -f "$conf" ] && cp "$conf" "$conf.before-chatroom"
  cat >"$conf" <<CONF
$marker
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
  echo "install-podman: wrote $conf" >&2
fi

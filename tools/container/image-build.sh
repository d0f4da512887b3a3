#!/usr/bin/env bash
# `npm run image:build`: builds the service image, localhost/chatroom:<version> and :latest.
# With no RUNTIME_BASE/BUILD_BASE in the environment it first makes (once per machine) the local
# Node 20 bases that stand in for node:20-bookworm-slim (build-base.sh); set both to build on the
# public image instead:
#   RUNTIME_BASE=docker.io/library/node:20-bookworm-slim BUILD_BASE=$RUNTIME_BASE npm run image:build
set -euo pipefail
cd "$(dirname "$0")/../.."
here=tools/container

bash "$here/install-podman.sh"
if [ -z "${RUNTIME_BASE:-}" ] || [ -z "${BUILD_BASE:-}" ]; then
  mapfile -t bases < <(bash "$here/build-base.sh")
  RUNTIME_BASE="${RUNTIME_BASE:-${bases[0]}}"
  BUILD_BASE="${BUILD_BASE:-${bases[1]}}"
fi
pull=never
case "$RUNTIME_BASE$BUILD_BASE" in *docker.io/*|*quay.io/*|*ghcr.io/*) pull=missing ;; esac

version="$(node -p "require('./apps/http-api/package.json').version")"
revision="$(git rev-parse HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then revision="$revision-dirty"; fi
source_url="$(git config --get remote.origin.url 2>/dev/null || echo unknown)"
image="${IMAGE:-localhost/chatroom}"

echo "image:build: $image:$version on $RUNTIME_BASE (build stage on $BUILD_BASE)" >&2
podman build --pull="$pull" --layers \
  --build-arg RUNTIME_BASE="$RUNTIME_BASE" --build-arg BUILD_BASE="$BUILD_BASE" \
  --build-arg VERSION="$version" --build-arg REVISION="$revision" --build-arg SOURCE="$source_url" \
  --format docker -f Containerfile -t "$image:$version" -t "$image:latest" .
podman image inspect "$image:latest" --format 'image:build: {{.Id}} {{.Size}} bytes' >&2

#!/usr/bin/env bash
# `npm run image:run`: the image in embedded mode (PGlite in the volume chatroom-data), in the
# foreground as `npm start` runs, published on 127.0.0.1:${PORT:-8080}. On the volume's first start
# the service prints the development app's credentials (stderr). Ctrl-C stops it (SIGTERM → drain).
# The volume keeps the data: `podman volume rm chatroom-data` starts afresh.
# Builds the image first when there is none (npm run image:build).
set -euo pipefail
cd "$(dirname "$0")/../.."
image="${IMAGE:-localhost/chatroom}:latest"
port="${PORT:-8080}"
bash tools/container/install-podman.sh
podman image exists "$image" || bash tools/container/image-build.sh
# The service names its URL from inside the container; the published port makes it the same.
exec podman run --rm --name "${CONTAINER:-chatroom}" \
  -p "127.0.0.1:$port:$port" -e PORT="$port" \
  -v "${VOLUME:-chatroom-data}:/data" \
  "$image"

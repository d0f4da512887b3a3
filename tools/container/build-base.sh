#!/usr/bin/env bash
# Builds, once per machine, the two local base images that stand in for the public
# node:20-bookworm-slim image on machines that reach no image registry:
#   localhost/chatroom-node-base:<tag>   Debian bookworm minbase + this machine's Node 20 binary
#                                        (the runtime base: what node:20-bookworm-slim gives)
#   localhost/chatroom-node-build:<tag>  the same + npm, and this machine's CA bundle for npm's
#                                        registry traffic (the build stage's base)
# The tag names the Node version, so a new Node makes new bases; an existing one is reused.
# Prints the two image names, one per line. Needs root (debootstrap) and podman (install-podman.sh).
set -euo pipefail

node_bin="$(readlink -f "$(command -v node)")"
node_version="$("$node_bin" --version)"
case "$node_version" in v20.*) ;; *) echo "build-base: need Node 20, found $node_version" >&2; exit 1 ;; esac
tag="${node_version#v}-bookworm"
runtime="localhost/chatroom-node-base:$tag"
build="localhost/chatroom-node-build:$tag"

if podman image exists "$runtime" && podman image exists "$build"; then
  printf '%s\n%s\n' "$runtime" "$build"
  exit 0
fi

# The Debian mirror apt is configured with (deb822 sources first, then the one-line format).
mirror="$(grep -h -m1 '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | head -n1 || true)"
[ -n "$mirror" ] || mirror="$(grep -h -m1 '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | head -n1 || true)"
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian

work="$(mktemp -d /var/tmp/chatroom-base.XXXXXX)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
echo "build-base: debootstrap minbase bookworm from $mirror (about a minute)" >&2
debootstrap --variant=minbase --include=ca-certificates bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
install -m 0755 "$node_bin" "$root/usr/local/bin/node"

# Left out, as the slim image leaves them out: apt's lists and caches, documentation, locales.
tar -C "$root" \
  --exclude=./var/lib/apt/lists/* --exclude=./var/cache/apt/* --exclude=./var/cache/debconf/*-old \
  --exclude=./usr/share/doc/* --exclude=./usr/share/man/* --exclude=./usr/share/info/* \
  --exclude=./usr/share/locale/* --exclude=./var/log/* \
  -c . | podman import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["node"]' \
  --message "debootstrap minbase bookworm + node $node_version" - "$runtime" >/dev/null

# The build base: npm as the machine has it (Node 20's npm), and the machine's CA bundle, which
# npm needs where registry traffic passes a TLS-inspecting proxy.
npm_dir="$(dirname "$(readlink -f "$(command -v npm)")")/.."
mkdir -p "$work/ctx"
cp -a "$(readlink -f "$npm_dir")" "$work/ctx/npm"
cp /etc/ssl/certs/ca-certificates.crt "$work/ctx/ca-bundle.crt"
cat >"$work/ctx/Containerfile" <<CF
FROM $runtime
COPY npm /usr/local/lib/node_modules/npm
COPY ca-bundle.crt /etc/ssl/certs/build-ca-bundle.crt
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/build-ca-bundle.crt
CF
podman build --pull=never -q -t "$build" "$work/ctx" >/dev/null
printf '%s\n%s\n' "$runtime" "$build"

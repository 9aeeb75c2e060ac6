#!/usr/bin/env bash
# The container test builds and runs the images with Debian's podman as root (see docker/README.md). This installs
# what it needs when missing and this machine can: apt-get as root. Where it cannot, it says so in one line and the
# test reports itself skipped (except under CI=true, where that is a failure). Three packages podman only recommends
# are named on their own, each checked where podman looks for it, so that an apt set-up that skips recommends (or
# picks another alternative) still brings them: netavark and aardvark-dns, the network stack that gives containers
# names in their networks (else apt may choose the CNI plugins, without them), and catatonit, the init process for
# `init: true` (compose.local.yaml's RabbitMQ; recommended among catatonit | tini | dumb-init; without it the
# container is never created). apt-get gets 15 minutes.
set -euo pipefail
tools=(podman runc buildah debootstrap podman-compose unzip openssl)
helpers=(/usr/lib/podman/netavark /usr/lib/podman/aardvark-dns /usr/libexec/podman/catatonit)
packages=("${tools[@]}" netavark aardvark-dns catatonit)
missing=()
for tool in "${tools[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
done
for helper in "${helpers[@]}"; do
    [ -x "$helper" ] || missing+=("$(basename "$helper")")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "container test: needs root and apt-get to install ${missing[*]}; it is skipped"
    exit 0
fi
echo "container test: installing Debian's ${missing[*]}"
timeout 300 apt-get update -qq
timeout 900 env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    "${packages[@]}" >/dev/null
podman --version

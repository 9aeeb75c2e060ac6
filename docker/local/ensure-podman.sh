#!/usr/bin/env bash
# The container test builds and runs the images with Debian's podman as root (see docker/README.md). This installs
# what it needs when missing and this machine can: apt-get as root. Where it cannot, it says so in one line and the
# test reports itself skipped (except under CI=true, where that is a failure). With recommends: podman needs
# netavark and aardvark-dns (names in container networks). catatonit is named on its own: it is the init process
# podman runs for `init: true` (compose.local.yaml's RabbitMQ), looked for at /usr/libexec/podman/catatonit, and
# podman only recommends it among alternatives (catatonit | tini | dumb-init), so an apt set-up that skips
# recommends, or one that has tini, leaves it out and the container is never created. apt-get gets 15 minutes.
set -euo pipefail
tools=(podman runc buildah debootstrap podman-compose unzip openssl)
packages=("${tools[@]}" catatonit)
missing=()
for tool in "${tools[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
done
[ -x /usr/libexec/podman/catatonit ] || missing+=(catatonit)
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

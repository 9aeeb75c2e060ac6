#!/usr/bin/env bash
# The rule checks and the Prometheus system test use Debian's prometheus package (prometheus and promtool). This
# installs it when it is missing and this machine can: apt-get as root, or through sudo without a password; without
# recommends (no node exporter) and without letting the package start a Prometheus of its own. Where it cannot, it
# says so in one line and those tests report themselves skipped. Bounded: apt-get gets 15 minutes at most.
set -euo pipefail

if command -v promtool >/dev/null 2>&1 && command -v prometheus >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "prometheus checks: prometheus and promtool are not installed and this is not a Debian-like system; they are skipped"
    exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
    if sudo -n true 2>/dev/null; then
        sudo="sudo -n"
    else
        echo "prometheus checks: run 'sudo apt-get install --no-install-recommends prometheus' once to run them; skipped"
        exit 0
    fi
fi
echo "prometheus checks: installing Debian's prometheus"
# A package's service must not start here: policy-rc.d answering 101 forbids it, for this install only.
policy=/usr/sbin/policy-rc.d
restore=""
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee "$policy" >/dev/null
    $sudo chmod 755 "$policy"
    restore="yes"
fi
trap '[ -n "$restore" ] && $sudo rm -f "$policy"' EXIT
timeout 300 $sudo apt-get update -qq
timeout 900 $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
promtool --version | head -1

#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through its ChromeDriver (packages chromium and chromium-driver). This
# installs them when they are missing and this machine can: apt-get as root, or through sudo without a password. Where
# it cannot, it says so and the browser tests report themselves skipped (except under CI=true, where they fail).
# Bounded: apt-get gets 15 minutes at most.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "browser tests: Chromium and ChromeDriver are not installed and this is not a Debian-like system;" \
         "install them and set CHROME_BINARY and CHROMEDRIVER to run the browser tests"
    exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
    if sudo -n true 2>/dev/null; then
        sudo="sudo -n"
    else
        echo "browser tests: run 'sudo apt-get install chromium chromium-driver' once to run the browser tests"
        exit 0
    fi
fi
echo "browser tests: installing Debian's chromium and chromium-driver"
timeout 300 $sudo apt-get update -qq
timeout 900 $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium chromium-driver >/dev/null
/usr/bin/chromium --version

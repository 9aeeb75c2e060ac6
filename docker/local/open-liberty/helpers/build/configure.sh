#!/bin/bash
# Stand-in for the official image's configure.sh: the official one applies its optional settings (keystore, session
# caching, OpenJ9 class cache). This runtime is HotSpot (no class cache to prime) and the project configures
# everything in server.xml, so what is left is a clean output directory that group 0 may write to. The server's
# files are not touched: the image's COPY --chown already gave them to user 1001, and changing their modes here would
# store every file of the application a second time in this layer.
set -euo pipefail
rm -rf /opt/ol/wlp/output/defaultServer/workarea /opt/ol/wlp/output/defaultServer/logs
mkdir -p /opt/ol/wlp/output/defaultServer
chmod -R g+rwX /opt/ol/wlp/output

#!/bin/bash
# Stand-in for the official image's configure.sh: the official one applies its optional settings (keystore, session
# caching, OpenJ9 class cache) and leaves the server directories writable for group 0. This runtime is HotSpot (no
# OpenJ9 class cache to prime) and the project configures everything in server.xml, so what is left is the
# permissions: any user in group 0 (OpenShift's arbitrary uids) can write where Liberty writes.
set -euo pipefail
rm -rf /opt/ol/wlp/output/defaultServer/workarea /opt/ol/wlp/output/defaultServer/logs
mkdir -p /opt/ol/wlp/output/defaultServer
chmod -R g+rwX /opt/ol/wlp/output /opt/ol/wlp/usr/servers/defaultServer 2>/dev/null || true

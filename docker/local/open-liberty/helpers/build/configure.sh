#!/bin/bash
# Stand-in for the official image's configure.sh (OpenLiberty/ci.docker, helpers/build/configure.sh), doing what
# that one does by default and this project relies on:
# - unless SSL or TLS is "false", write configDropins/defaults/keystore.xml with a random password when there is
#   none: fixed at build time, so an image must bring its own (docker/liberty/Dockerfile);
# - with OPENJ9_SCC=true (the official default) start and stop the server during the build, as populate_scc.sh does,
#   which fills the workarea under /opt/ol/wlp/output. The official one also fills OpenJ9's shared class cache then;
#   this runtime is HotSpot, which has none. Without the switch: a clean output directory.
# In both, the output directory ends writable by group 0, as the server runs as 1001 in group 0.
set -euo pipefail
defaults=/config/configDropins/defaults
mkdir -p "$defaults" /config/configDropins/overrides
if [ "${SSL:-}" != "false" ] && [ "${TLS:-}" != "false" ] && [ ! -e "$defaults/keystore.xml" ]; then
    sed "s|REPLACE|$(head -c 32 /dev/urandom | base64)|" /opt/ol/helpers/build/configuration_snippets/keystore.xml \
        > "$defaults/keystore.xml"
    chmod g+w "$defaults/keystore.xml"
fi
rm -rf /opt/ol/wlp/output/defaultServer/workarea /opt/ol/wlp/output/defaultServer/logs
if [ "${OPENJ9_SCC:-true}" = "true" ]; then
    /opt/ol/wlp/bin/server start
    /opt/ol/wlp/bin/server stop
    rm -rf /opt/ol/wlp/output/defaultServer/logs /logs/*
fi
mkdir -p /opt/ol/wlp/output/defaultServer
chmod -R g+rwX /opt/ol/wlp/output

#!/bin/bash
# Stand-in for the official image's entrypoint (OpenLiberty/ci.docker, helpers/runtime/docker-server.sh), doing what
# that one does by default and this project relies on, in the same order:
# - when no keystore.xml is in configDropins (defaults or overrides), write one with a random password: it fails on a
#   read-only root file system, as the official one does, so an image must bring its own (docker/liberty/Dockerfile);
# - export a random ltpa_keys_password unless one is set or GENERATE_LTPA_KEYS_PASSWORD=false (newer releases
#   configure the LTPA keys with it);
# - run the command it is given (by default the server).
# The official one also imports mounted TLS certificates and sets up session caching, which this project does not use.
set -e
defaults=/config/configDropins/defaults
if [ ! -e "$defaults/keystore.xml" ] && [ ! -e /config/configDropins/overrides/keystore.xml ]; then
    sed "s|REPLACE|$(head -c 32 /dev/urandom | base64)|" /opt/ol/helpers/build/configuration_snippets/keystore.xml \
        > "$defaults/keystore.xml"
fi
if [ "${GENERATE_LTPA_KEYS_PASSWORD:-true}" = "true" ] && [ -z "${ltpa_keys_password:-}" ]; then
    ltpa_keys_password="$(head -c 32 /dev/urandom | base64)"
    export ltpa_keys_password
fi
exec "$@"

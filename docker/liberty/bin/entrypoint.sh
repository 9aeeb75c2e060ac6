#!/bin/bash
# Runs before the base image's entrypoint, on the official image and the stand-in alike.
#
# Secrets come as files (Docker and Swarm secrets, Kubernetes secret volumes): for every NAME_FILE=path in the
# environment, export NAME with that file's content. AUTH_ADMIN_PASSWORD_FILE=/run/secrets/admin_password gives the
# server AUTH_ADMIN_PASSWORD without the password ever being in the container's configuration.
#
# Liberty's default keystore needs a password, or Liberty creates none and what depends on the SSL configuration
# (MicroProfile JWT among them) silently stays inactive: every token is refused. Unless one is configured
# (keystore_password, or a keyStore element), each container makes its own random one at its first start.
set -euo pipefail
for variable in $(compgen -e); do
    if [[ "$variable" == *_FILE ]]; then
        file="${!variable}"
        if [ ! -r "$file" ]; then
            echo "entrypoint: $variable names $file, which cannot be read" >&2
            exit 1
        fi
        export "${variable%_FILE}=$(cat "$file")"
        unset "$variable"
    fi
done

keystore=/config/configDropins/defaults/keystore.xml
if [ -z "${keystore_password:-}" ] && [ ! -e "$keystore" ] && ! grep -qs '<keyStore' /config/server.xml; then
    mkdir -p "$(dirname "$keystore")"
    (umask 077 && printf '<server>\n    <keyStore id="defaultKeyStore" password="%s"/>\n</server>\n' \
        "$(head -c 24 /dev/urandom | base64 | tr -d '/+=')" > "$keystore")
fi
exec "$@"

#!/bin/bash
# Stand-in for the official image's entrypoint. Like the official one, it gives Liberty's default keystore a random
# password at the first start of a container when the configuration names none: without it Liberty creates no
# keystore, and what depends on the SSL configuration (MicroProfile JWT among them) silently stays inactive.
# Then it runs the command it is given (by default the server).
set -euo pipefail
keystore=/config/configDropins/defaults/keystore.xml
if [ -z "${keystore_password:-}" ] && [ ! -e "$keystore" ] && ! grep -qs '<keyStore' /config/server.xml; then
    mkdir -p "$(dirname "$keystore")"
    password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
    printf '<server>\n    <keyStore id="defaultKeyStore" password="%s"/>\n</server>\n' "$password" > "$keystore"
    chmod 600 "$keystore"
fi
exec "$@"

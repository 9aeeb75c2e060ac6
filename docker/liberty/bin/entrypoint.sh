#!/bin/bash
# Runs before the base image's entrypoint, on the official image and the stand-in alike.
#
# Secrets come as files (Docker and Swarm secrets, Kubernetes secret volumes): for every NAME_FILE=path in the
# environment, export NAME with that file's content. AUTH_ADMIN_PASSWORD_FILE=/run/secrets/admin_password gives the
# server AUTH_ADMIN_PASSWORD without the password ever being in the container's configuration.
#
# Liberty's default keystore needs a password, or Liberty creates none and what depends on the SSL configuration
# (MicroProfile JWT among them) silently stays inactive: every token is refused. The image's keystore.xml names the
# variable keystore_password: from the keystore_password secret where one is mounted (keystore_password_FILE), else
# random for each container, kept beside the keystore Liberty makes with it in the server's output folder (writable
# on a read-only root too), so that a restarted container opens its keystore again.
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

# The server's output folder as the image's build left it, with a filled workarea (docker/liberty/Dockerfile), copied
# in at a container's first start: into the image's own folder, or into the empty volume Kubernetes mounts there for
# a read-only root file system.
output=/opt/ol/wlp/output
if [ ! -e "$output/defaultServer/workarea" ] && [ -d /opt/jmicro/output/defaultServer ]; then
    # What is in the folder, not the folder itself: a volume's root belongs to root, and its times cannot be set.
    find /opt/jmicro/output -mindepth 1 -maxdepth 1 -exec cp -R --preserve=mode,timestamps {} "$output/" \;
fi

if [ -z "${keystore_password:-}" ]; then
    saved="$output/.keystore_password"
    if [ ! -s "$saved" ]; then
        (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$saved")
    fi
    keystore_password="$(cat "$saved")"
    export keystore_password
fi
exec "$@"

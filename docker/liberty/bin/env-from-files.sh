#!/bin/bash
# Secrets come as files (Docker/Swarm secrets, Kubernetes secret volumes). For every NAME_FILE=path in the
# environment, export NAME with that file's content, then run the given command: AUTH_ADMIN_PASSWORD_FILE=
# /run/secrets/admin_password gives the server AUTH_ADMIN_PASSWORD without the password ever being in the
# container's configuration.
set -euo pipefail
for variable in $(compgen -e); do
    if [[ "$variable" == *_FILE ]]; then
        file="${!variable}"
        if [ ! -r "$file" ]; then
            echo "env-from-files: $variable names $file, which cannot be read" >&2
            exit 1
        fi
        export "${variable%_FILE}=$(cat "$file")"
        unset "$variable"
    fi
done
exec "$@"

#!/usr/bin/env bash
# Makes the secrets the compose and Swarm stacks read, as files in docker/secrets/ (ignored by git, readable only by
# you): random passwords, the RabbitMQ definitions with its one user, the logger's MongoDB URL, the RSA key that
# signs tokens and auth's encryption keys. Existing files are kept, so running it again changes nothing; delete a file to make it anew.
#
#   docker/generate-secrets.sh [DIR]      # DIR defaults to docker/secrets
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:-$here/secrets}"
umask 077
mkdir -p "$dir"

password() { # file
    [ -s "$dir/$1" ] || openssl rand -base64 36 | tr -d '/+=\n' | head -c 32 > "$dir/$1"
}

password admin_password
password postgres_password
password mongo_password
password rabbitmq_password
password grafana_admin_password
# Liberty's default keystore (only so that MicroProfile JWT activates: HTTPS is off), for read-only containers.
password keystore_password

[ -s "$dir/jwt_signing_key" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/jwt_signing_key" 2>/dev/null
[ -s "$dir/jwt_public_key" ] || openssl pkey -in "$dir/jwt_signing_key" -pubout -out "$dir/jwt_public_key"

# Auth's encryption keys, one line per version: <name>.<version>=<base64 of 32 random bytes>. Rotate by adding the
# next version (e.g. default.2=...): new encryptions use it, the older ones still decrypt.
[ -s "$dir/crypto_keys" ] || printf 'default.1=%s\n' "$(openssl rand -base64 32)" > "$dir/crypto_keys"

# The logger reaches MongoDB with a URL that carries its credentials; short timeouts so a write fails fast.
[ -s "$dir/logger_mongodb_url" ] || printf 'mongodb://logger:%s@mongo:27017/?authSource=admin&serverSelectionTimeoutMS=3000&connectTimeoutMS=2000' \
    "$(cat "$dir/mongo_password")" > "$dir/logger_mongodb_url"

# RabbitMQ creates no default user when it imports definitions at boot, so the user goes into the definitions:
# the topology of docker/rabbitmq/definitions.json with the user "jmicro" and its password in front. The services
# need no tag for AMQP; "management" lets a person see and publish in the UI and HTTP API of this vhost, without the
# administrator's rights over users, policies and definitions.
if [ ! -s "$dir/rabbitmq_definitions" ]; then
    user_lines="  \"users\": [{ \"name\": \"jmicro\", \"password\": \"$(cat "$dir/rabbitmq_password")\", \"tags\": \"management\" }],\n"
    user_lines+="  \"permissions\": [{ \"user\": \"jmicro\", \"vhost\": \"/\", \"configure\": \".*\", \"write\": \".*\", \"read\": \".*\" }],"
    sed "1s|^{\$|{\n$user_lines|" "$here/rabbitmq/definitions.json" > "$dir/rabbitmq_definitions"
fi

# The containers run as their own users (1001, postgres, rabbitmq) and compose binds these files into them: the
# files are readable, the folder that holds them is yours alone.
chmod 0644 "$dir"/*
chmod 0700 "$dir"
echo "secrets in $dir: $(cd "$dir" && ls | tr '\n' ' ')"

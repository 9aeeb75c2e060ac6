#!/usr/bin/env bash
# Builds every image of the system with podman on a machine that reaches no container registry (only Debian's
# packages): a Debian base made with debootstrap, stand-ins for the official Open Liberty, PostgreSQL, RabbitMQ and
# Prometheus images, the project's own stand-ins for MongoDB, Mailpit and Jaeger, then the six services from
# docker/liberty/Dockerfile
# exactly as on a machine with Docker. Run ./mvnw package (or install) first. Each image is rebuilt only when its
# input changed (podman's layer cache; the Debian base only when it is missing).
#
#   docker/local/build-images.sh            # prints one line per image: name, seconds, size
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export CONTAINERS_CONF="${CONTAINERS_CONF:-$root/docker/podman/containers.conf}"
work="$root/target/docker-local"
# The Open Liberty release the Maven build tests and the images run: one number, in the root pom.
liberty_version="$(sed -n 's:.*<openliberty.version>\(.*\)</openliberty.version>.*:\1:p' "$root/pom.xml")"
runtime_zip="${MAVEN_REPOSITORY:-$HOME/.m2/repository}/io/openliberty/openliberty-runtime/$liberty_version/openliberty-runtime-$liberty_version.zip"
services=(auth broker frontend listener logger mail)
mkdir -p "$work"

step() {
    local image="$1" started=$SECONDS
    shift
    if ! "$@" > "$work/build-${image//[\/:]/_}.log" 2>&1; then
        echo "build-images: $image failed; the last lines of $work/build-${image//[\/:]/_}.log:" >&2
        tail -20 "$work/build-${image//[\/:]/_}.log" >&2
        exit 1
    fi
    printf '%-44s %4ds %s\n' "$image" $((SECONDS - started)) "$(podman image inspect --format '{{.Size}}' "$image" | numfmt --to=si)"
}

# Docker image format: OCI images cannot carry a HEALTHCHECK.
build() { # image context [podman build options]
    local image="$1" context="$2"
    shift 2
    step "$image" podman build --network host --layers --format docker -t "$image" "$@" "$context"
}

debian_base() {
    if podman image exists localhost/jmicro/debian:bookworm; then
        return 0
    fi
    rm -rf "$work/rootfs"
    debootstrap --variant=minbase bookworm "$work/rootfs"
    tar -C "$work/rootfs" -c . | podman import - localhost/jmicro/debian:bookworm
    rm -rf "$work/rootfs"
}

liberty_context() {
    local context="$work/open-liberty"
    if [ ! -f "$runtime_zip" ]; then
        echo "build-images: $runtime_zip is missing; ./mvnw package downloads it" >&2
        return 1
    fi
    mkdir -p "$context"
    cp -r "$root/docker/local/open-liberty/." "$context/"
    if [ ! -f "$context/wlp/.unpacked-$liberty_version" ]; then
        rm -rf "$context/wlp"
        unzip -q "$runtime_zip" -d "$context"
        chmod -R g+rwX "$context/wlp"
        touch "$context/wlp/.unpacked-$liberty_version"
    fi
}

stand_ins_context() {
    local context="$work/stand-ins"
    rm -rf "$context/lib"
    mkdir -p "$context/lib"
    cp "$root/docker/local/stand-ins/Dockerfile" "$context/"
    cp "$root/local-stack/target/local-stack.jar" "$context/lib/"
    # The libraries the three stand-ins load; not PostgreSQL's binaries or Artemis, which only the local run uses.
    (cd "$root" && ./mvnw -q -B -pl local-stack dependency:copy-dependencies -DincludeScope=runtime \
        -DexcludeGroupIds=io.zonky.test,io.zonky.test.postgres,org.apache.artemis,org.postgresql \
        -DoutputDirectory="$context/lib")
}

step localhost/jmicro/debian:bookworm debian_base
build localhost/jmicro/java:17 "$root/docker/local/java"
build localhost/jmicro/postgres:15 "$root/docker/local/postgres"
build localhost/jmicro/rabbitmq:3.10 "$root/docker/local/rabbitmq"
build localhost/jmicro/prometheus:2.42 "$root/docker/local/prometheus"
liberty_context
build "localhost/jmicro/open-liberty:$liberty_version-full-java17" "$work/open-liberty"
stand_ins_context
build localhost/jmicro/stand-ins:latest "$work/stand-ins"
for service in "${services[@]}"; do
    if [ ! -f "$root/target/liberty/wlp/usr/servers/$service/apps/$service-war.war" ]; then
        echo "build-images: the $service server is not built; run ./mvnw package first" >&2
        exit 1
    fi
    build "localhost/jmicro/$service:latest" "$root" -f "$root/docker/liberty/Dockerfile" \
        --build-arg SERVICE="$service" --build-arg BASE_IMAGE="localhost/jmicro/open-liberty:$liberty_version-full-java17"
done

#!/bin/bash
# Stand-in for the official image's features.sh. On the official kernel-slim image it installs the features that
# /config/server.xml (and configDropins) name; on the full image, as here, there is nothing to install. Instead every
# named feature must exist in the runtime, or the build fails as the official one would.
set -euo pipefail
config=(/config/server.xml)
shopt -s nullglob
config+=(/config/configDropins/defaults/*.xml /config/configDropins/overrides/*.xml)
missing=0
for feature in $(sed -n 's:.*<feature>\s*\([^<[:space:]]*\)\s*</feature>.*:\1:p' "${config[@]}" | sort -u); do
    if ! grep -qilr --include='*.mf' "^IBM-ShortName: *${feature}\s*$" /opt/ol/wlp/lib/features; then
        echo "features.sh: feature ${feature} is not in this Open Liberty runtime" >&2
        missing=1
    fi
done
exit "$missing"

#!/bin/bash
# Stand-in for the official image's features.sh. The official kernel-slim image installs the features that
# /config/server.xml (and configDropins) name from a repository here; this image carries the full runtime, so
# there is nothing to install: instead every named feature must exist, or the build fails as the official one would.
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

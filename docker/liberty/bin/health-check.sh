#!/bin/bash
# The image's health check: is /health/ready answering 200? It speaks HTTP/1.0 over bash's /dev/tcp rather than with
# curl: the official Open Liberty images have curl, but the stand-in base of docker/local/ (Debian minbase) has not,
# and one check for both keeps them alike.
exec 3<>"/dev/tcp/127.0.0.1/${HTTP_PORT:-9080}" || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r -t 5 status <&3 || exit 1
[[ "$status" == HTTP/1.?" 200 "* ]]

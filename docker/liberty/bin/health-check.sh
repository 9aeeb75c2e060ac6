#!/bin/bash
# The image's health check: is /health/ready answering 200? The Open Liberty images carry no curl, so it speaks
# HTTP/1.0 over bash's /dev/tcp.
exec 3<>"/dev/tcp/127.0.0.1/${HTTP_PORT:-9080}" || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r -t 5 status <&3 || exit 1
[[ "$status" == HTTP/1.?" 200 "* ]]

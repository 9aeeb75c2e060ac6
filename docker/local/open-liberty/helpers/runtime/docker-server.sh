#!/bin/bash
# Stand-in for the official image's entrypoint: it runs the command it is given (by default the server).
exec "$@"

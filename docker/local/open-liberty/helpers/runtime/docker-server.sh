#!/bin/bash
# Stand-in for the official image's entrypoint: it runs the command it is given (by default the server). The
# official one also prepares optional settings (TLS, session caching) that this project does not use.
exec "$@"

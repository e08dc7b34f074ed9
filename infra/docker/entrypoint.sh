#!/bin/sh
# Starts one service: resolves *_URL_FILE variables (connection URLs with passwords) (secrets mounted as files,
# never baked into the image or the compose file), then runs the service.
# Usage: storefront-entrypoint <service> | init <secrets|databases>
set -eu

for var in $(env | sed -n 's/^\([A-Z0-9_]*_URL\)_FILE=.*/\1/p'); do
  file=$(printenv "${var}_FILE")
  if [ -z "$(printenv "$var" || true)" ] && [ -r "$file" ]; then
    export "$var=$(cat "$file")"
  fi
done

case "${1:-}" in
  init) shift; exec node dist/tools/stack/src/docker-init.js "$@" ;;
  healthcheck) shift; exec node dist/tools/stack/src/healthcheck.js "$@" ;;
  gateway|auth|catalog|order|payment-vault|kms|monitor) exec node --enable-source-maps "dist/apps/$1/src/main.js" ;;
  *) echo "unknown service: ${1:-}" >&2; exit 64 ;;
esac

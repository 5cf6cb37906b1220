#!/usr/bin/env bash
# Deploys Chatalot with Docker Compose behind Traefik. Written by chatalot-install traefik.
# DEPLOY_DOMAIN and DEPLOY_NETWORK pick the public name and Traefik's network; the override file with the
# router labels is regenerated from them on every run, so changing a variable and re-running is enough.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

: "${DEPLOY_DOMAIN:?set DEPLOY_DOMAIN to the public host name, e.g. chat.example.com}"
DEPLOY_NETWORK="${DEPLOY_NETWORK:-web}"

if ! docker network inspect "$DEPLOY_NETWORK" >/dev/null 2>&1; then
    echo "deploy: Docker network $DEPLOY_NETWORK does not exist (Traefik must be attached to it)" >&2
    exit 2
fi

chatalot-install traefik --yes --domain "$DEPLOY_DOMAIN" --network "$DEPLOY_NETWORK" \
    --output docker-compose.override.yml
docker compose up -d --remove-orphans
echo "deploy: https://$DEPLOY_DOMAIN is starting; check it with: chatalot-install verify --domain $DEPLOY_DOMAIN"

#!/usr/bin/env bash
# The quick start: Atlas on embedded defaults (no PostgreSQL, Redis or vendor keys needed).
# web on http://127.0.0.1:3000 and admin on http://127.0.0.1:3001, both in embedded mode on an
# embedded PostgreSQL (data in .atlas/postgres, seeded once), dev sign-in, in-process limiter.
#   start.sh start   (npm start)    production builds, made on the first start and again only when
#                                   a source changed (turbo's cache), served by `next start`
#   start.sh dev     (npm run dev)  `next dev`: hot reload, for developers
source "$(dirname "$0")/bootstrap.sh"
cd "$ATLAS_ROOT"
mode="${1:-start}"
if [ "$mode" != start ] && [ "$mode" != dev ]; then
  echo "Usage: bash tooling/scripts/start.sh [start|dev]" >&2
  exit 2
fi
# A build is made for one mode and must run in it: turbo's cache keys builds by ATLAS_MODE.
export ATLAS_MODE="${ATLAS_MODE:-embedded}"
unset DATABASE_URL DATABASE_ADMIN_URL REDIS_URL

ensure_pnpm
ensure_dependencies

if [ "$mode" = start ]; then
  step "building web and admin (ATLAS_MODE=$ATLAS_MODE; only when a source changed since the last build)"
  node tooling/scripts/run-apps.mjs build
else
  # The schema may have changed since the last install (the build above generates it too).
  pnpm --filter @atlas/db generate >/dev/null
fi

step "starting Atlas ($([ "$mode" = start ] && echo "production builds" || echo "next dev, hot reload")): web http://127.0.0.1:3000  ·  admin http://127.0.0.1:3001  (Ctrl-C stops both)"
exec pnpm db:embedded -- node "$ATLAS_ROOT/tooling/scripts/run-apps.mjs" "$mode"

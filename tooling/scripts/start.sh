#!/usr/bin/env bash
# The quick start: Atlas on embedded defaults (no PostgreSQL, Redis or vendor keys needed).
# web on http://127.0.0.1:3000 and admin on http://127.0.0.1:3001, both in embedded mode on an
# embedded PostgreSQL (data in .atlas/postgres, seeded once), dev sign-in, in-process limiter.
source "$(dirname "$0")/bootstrap.sh"
cd "$ATLAS_ROOT"
export ATLAS_MODE="${ATLAS_MODE:-embedded}"
unset DATABASE_URL DATABASE_ADMIN_URL REDIS_URL

ensure_pnpm
ensure_dependencies

step "starting Atlas: web http://127.0.0.1:3000  ·  admin http://127.0.0.1:3001  (Ctrl-C stops both)"
# The schema may have changed since the last install.
pnpm --filter @atlas/db generate >/dev/null
exec pnpm db:embedded -- node "$ATLAS_ROOT/tooling/scripts/run-apps.mjs"

#!/usr/bin/env bash
# The whole suite, from a fresh clone: what README.md's test command and CI run.
# Installs what is missing (pnpm; Debian's redis-server and chromium, as root), starts the local
# PostgreSQL and Redis when they are stopped, then runs every suite through turbo. A suite that
# cannot run fails; none is skipped.
source "$(dirname "$0")/bootstrap.sh"
cd "$ATLAS_ROOT"
export TZ=UTC

ensure_pnpm

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
command -v chromium >/dev/null || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${missing[*]}. Install them (apt-get install ${missing[*]}) or run as root." >&2
    exit 1
  fi
  step "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    step "starting the local PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  fi
fi
# With no PostgreSQL on 127.0.0.1:5432 the integration suites use an embedded one and say so.

if ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
  step "starting the local Redis"
  mkdir -p /tmp/atlas-redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /tmp/atlas-redis --logfile /tmp/atlas-redis/redis.log
fi

ensure_dependencies

# A failing task does not cancel the others: cancelling kills suites mid-run (their databases
# stay behind until the next run) and hides every failure but the first. Each step reports all.
failed=()

step "typecheck, lint, unit and integration tests"
pnpm exec turbo run typecheck lint test test:int --continue=dependencies-successful \
  --output-logs=full --log-order=grouped "$@" || failed+=("typecheck, lint, unit and integration tests")

step "end-to-end journeys: production builds of web and admin (test mode) in Debian's Chromium"
ATLAS_MODE=test pnpm exec turbo run e2e --continue=dependencies-successful \
  --output-logs=full --log-order=grouped "$@" || failed+=("end-to-end journeys")

if [ ${#failed[@]} -gt 0 ]; then
  printf '\n\033[1;31m✗ failed: %s\033[0m\n' "${failed[@]}" >&2
  exit 1
fi

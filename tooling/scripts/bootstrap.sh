# Sourced by the root scripts: makes a fresh clone runnable with nothing but Node and npm.
# shellcheck shell=bash
set -euo pipefail

ATLAS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PNPM_VERSION=$(node -p "require('$ATLAS_ROOT/package.json').packageManager.split('@')[1]")
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1

step() { printf '\n\033[1m▸ %s\033[0m\n' "$*"; }

ensure_pnpm() {
  if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
    step "installing pnpm $PNPM_VERSION"
    npm install --global --silent "pnpm@$PNPM_VERSION"
  fi
}

ensure_dependencies() {
  step "installing dependencies (pnpm install --frozen-lockfile)"
  (cd "$ATLAS_ROOT" && pnpm install --frozen-lockfile --reporter=append-only | tail -n 3)
}

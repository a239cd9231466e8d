#!/usr/bin/env bash
# Every benchmark, from a fresh clone: installs what is missing, then `turbo run bench`.
# Benchmarks print their figures; bench/README.md says how to read them.
source "$(dirname "$0")/bootstrap.sh"
cd "$ATLAS_ROOT"
ensure_pnpm
ensure_dependencies
pnpm exec turbo run bench --output-logs=full --concurrency=1 "$@"

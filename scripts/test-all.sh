#!/usr/bin/env bash
# `npm test`: every check CI runs, in the order a failure is cheapest to find:
# Chromium present, lint and format, type-check, scenario validation, unit tests,
# production build, real-browser tests. Ends with "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
rm -f .tmp/unit.json .tmp/browser.json

step() { printf '\n== %s\n' "$1"; }
die() { printf '\n%s\n' "$1" >&2; node scripts/test-summary.mjs .tmp/unit.json .tmp/browser.json; exit 1; }

step "Chromium"
bash scripts/ensure-chromium.sh || die "Could not install Chromium."
step "Lint and format (Biome)"
npx biome check --error-on-warnings . || die "Lint or format failed: run 'npm run format' and fix what remains."
step "Type-check (tsc, strict)"
npx tsc --noEmit -p . || die "Type-check failed."
step "Scenario validation"
npx tsx scripts/validate-scenarios.ts || die "A scenario is invalid."

status=0
step "Unit tests (Node)"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.tmp/unit.json || status=1
step "Production build"
npx vite build --logLevel warn || die "The build failed."
step "Browser tests (Debian Chromium, playwright-core)"
npx vitest run --project browser --reporter=default --reporter=json --outputFile.json=.tmp/browser.json || status=1

step "Summary"
node scripts/test-summary.mjs .tmp/unit.json .tmp/browser.json || status=1
exit "$status"

#!/usr/bin/env bash
# The Dockerfile's build stage, replayed outside Docker (CI has no registry access for base images): the same
# files copied into a scratch folder, `npm ci`, `npm run build`, `npm prune --omit=dev`; then, as the runtime
# stage would, `node dist/…` with production dependencies only: the corpus check and the health probe's entry.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
cp "$repo/package.json" "$repo/package-lock.json" .
npm ci --no-audit --no-fund
cp "$repo/tsconfig.json" "$repo/tsconfig.build.json" .
cp -r "$repo/src" "$repo/commands" .
npm run build
npm prune --omit=dev --no-audit --no-fund
rm -rf src commands tsconfig.json tsconfig.build.json package-lock.json
echo "runtime stage contents: $(ls | tr '\n' ' ')"
du -sh node_modules dist
node dist/src/cli/check-corpus-main.js "$repo/corpus"
# Every command module loads with production dependencies only.
node --input-type=module -e "
const { loadCommands } = await import('$work/dist/src/bot/loader.js');
const names = (await loadCommands()).map((c) => c.data.name);
console.log('commands:', names.join(', '));
"

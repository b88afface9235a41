#!/usr/bin/env bash
# Proves that a production install starts: in a temporary copy of the checkout it builds, removes the
# dev dependencies (`npm prune --omit=dev`), runs `npm start` as a platform would, waits for /readyz,
# then stops the app with SIGTERM and expects exit status 0.
#
# By default the copy starts from this checkout's node_modules (the native SQLite driver takes minutes
# to build); `FRESH_INSTALL=1` runs `npm ci` in the copy instead. The prune is real either way.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/sota-slack-pruned-XXXXXX")"
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then kill -KILL -- "-$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cd "$root"
git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - | tar -xf - -C "$work"
cd "$work"
if [[ "${FRESH_INSTALL:-0}" == "1" ]]; then
  npm ci --no-audit --no-fund
else
  cp -a "$root/node_modules" "$work/node_modules"
fi
rm -rf dist
npm run build --silent
npm prune --omit=dev --no-audit --no-fund >/dev/null

for dev in typescript vitest tsx @biomejs/biome; do
  if [[ -e "node_modules/$dev" ]]; then
    echo "pruned install still has the dev dependency $dev" >&2
    exit 1
  fi
done
[[ -f dist/main.js ]] || { echo "npm run build wrote no dist/main.js" >&2; exit 1; }

port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
mkdir -p data
export PORT="$port" \
  SLACK_SIGNING_SECRET=pruned-start-signing-secret \
  SLACK_BOT_TOKEN=xoxb-pruned-start \
  PUBLIC_URL="http://127.0.0.1:$port" \
  DATABASE_URL="file:$work/data/sota-slack.db" \
  LOG_LEVEL=warn \
  NODE_ENV=production

started_ms="$(date +%s%3N)"
setsid npm start >"$work/app.log" 2>&1 &
app_pid=$!

ready_ms=""
for _ in $(seq 1 300); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; then
    ready_ms="$(date +%s%3N)"
    break
  fi
  if ! kill -0 "$app_pid" 2>/dev/null; then break; fi
  sleep 0.02
done
if [[ -z "$ready_ms" ]]; then
  echo "the pruned install did not answer /readyz; its output:" >&2
  cat "$work/app.log" >&2
  exit 1
fi
if grep -q 'tsc' "$work/app.log"; then
  echo "npm start compiled something:" >&2
  cat "$work/app.log" >&2
  exit 1
fi

# SIGTERM to the app itself, as a platform's stop does (npm passes the app's exit status on).
app_main="$(pgrep -g "$app_pid" -x node | head -n 1)"
kill -TERM "$app_main"
status=0
wait "$app_pid" || status=$?
app_pid=""
if [[ "$status" -ne 0 ]]; then
  echo "the app exited with status $status after SIGTERM; its output:" >&2
  cat "$work/app.log" >&2
  exit 1
fi
elapsed=$((ready_ms - started_ms))
note="target < 1000 ms"
if ((elapsed >= 1000)); then note="$note: MISSED (a busy machine?)"; fi
echo "pruned install (npm ci, npm run build, npm prune --omit=dev): npm start → /readyz 200 in ${elapsed} ms ($note); SIGTERM → exit 0"

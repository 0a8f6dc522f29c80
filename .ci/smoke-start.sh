#!/usr/bin/env bash
# Start-up smoke test of `npm start` on the embedded default: the three apps answer /health, a demo
# buyer signs in and reads /me, a restart keeps the data, and Ctrl-C (SIGINT) stops cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATA_DIR="$(mktemp -d)/data"
unset DATABASE_URL
log="$(mktemp)"
pid=""

start() {
  setsid npm start >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    if curl -sf localhost:3001/health >/dev/null && curl -sf localhost:3002/health >/dev/null && curl -sf localhost:3003/health >/dev/null \
       && grep -q "Kontor is up" "$log"; then return 0; fi
    sleep 1
  done
  echo "smoke: platform did not come up within 120 s"; grep -v '^{' "$log" | tail -30; exit 1
}

stop() {
  kill -INT -- -"$pid"  # like Ctrl-C: the whole process group
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  echo "smoke: platform did not stop on SIGINT"; exit 1
}

signin() {
  curl -sf -X POST localhost:3001/auth/sign-in -H 'content-type: application/json' \
    -d '{"email":"buyer1@demo.kontor","password":"kontor-demo-2026"}' | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).accessToken))'
}

start
token="$(signin)"
curl -sf localhost:3001/me -H "authorization: Bearer $token" | grep -q '"legalName":"Nordwerk Maschinenbau AG"'
# The demo catalogue reaches the search index through the outbox worker: a typo'd query finds it.
found=""
for _ in $(seq 1 60); do
  if curl -sf "localhost:3001/search?q=stainles%20bolt" -H "authorization: Bearer $token" | grep -q 'Hex bolt M8'; then found=1; break; fi
  sleep 1
done
[ -n "$found" ] || { echo "smoke: the demo catalogue never became searchable"; exit 1; }
echo "smoke: first start OK (buyer signed in, /me answered, demo catalogue searchable)"
stop
start
grep -q "Demo data created" "$log" && { echo "smoke: demo data was seeded twice"; exit 1; }
token="$(signin)"
curl -sf localhost:3001/me -H "authorization: Bearer $token" >/dev/null
echo "smoke: restart kept the data"
stop
grep -q "Stopped." "$log" || { echo "smoke: no clean stop"; exit 1; }
echo "smoke: 1 passed, 0 failed"

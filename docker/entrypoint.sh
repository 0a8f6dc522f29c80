#!/bin/sh
# Runs the app named by KONTOR_APP; `migrate` applies migrations (run it once before the apps).
set -e
case "$KONTOR_APP" in
  buyer|supplier|admin) exec node -r @swc-node/register "apps/$KONTOR_APP/src/main.ts" ;;
  migrate) exec node -r @swc-node/register scripts/cli.ts db:migrate ;;
  *) echo "KONTOR_APP must be buyer, supplier, admin or migrate (got '$KONTOR_APP')" >&2; exit 1 ;;
esac

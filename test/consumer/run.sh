#!/usr/bin/env bash
# The consumer test: pack oauth-harness, install the tarball into a new project outside
# the repo with a recent vitest and msw (not the harness's own versions), then run a
# user-style suite (test/consumer/project), typecheck it strictly (nodenext), and run the
# installed CLI. A broken public API, export map, type declaration or bin fails here.
#
#   bash test/consumer/run.sh                      # newest vitest 4.1.x, msw 2.15.x
#   CONSUMER_VITEST=3.2 CONSUMER_MSW=2.7.0 bash test/consumer/run.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
vitest_version="${CONSUMER_VITEST:-~4.1.0}"
msw_version="${CONSUMER_MSW:-~2.15.0}"
work="$(mktemp -d "${TMPDIR:-/tmp}/oauth-harness-consumer.XXXXXX")"
if [ -z "${CONSUMER_KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "consumer: keeping $work"; fi

echo "consumer: npm pack"
tarball="$(cd "$repo" && npm pack --silent --pack-destination "$work" | tail -1)" || { echo "consumer: npm pack failed (the build: npm run build)" >&2; exit 1; }
app="$work/app"
mkdir -p "$app"
cp -r "$repo/test/consumer/project/." "$app/"
cat > "$app/package.json" <<JSON
{ "name": "consumer-app", "version": "1.0.0", "private": true, "type": "module" }
JSON
cd "$app"
echo "consumer: npm install $tarball vitest@$vitest_version msw@$msw_version"
npm install --no-audit --no-fund --loglevel=error "$work/$tarball" "vitest@$vitest_version" "msw@$msw_version" typescript@5.9.3 "@types/node@^20.19.0" >/dev/null
echo "consumer: installed $(node -p "['oauth-harness','vitest','msw'].map(p => p + ' ' + require('./node_modules/' + p + '/package.json').version).join(', ')")"

# Optional peers are not pulled in for someone who wants only the mock.
for p in testcontainers playwright-core; do
  if [ -e "node_modules/$p" ]; then echo "consumer: $p was installed although it is an optional peer" >&2; exit 1; fi
done

echo "consumer: vitest run"
npx vitest run --reporter=dot
echo "consumer: without msw (an optional peer), the root entry and the fixture still work"
mv node_modules/msw "$work/msw-away"
npx vitest run --reporter=dot no-msw
mv "$work/msw-away" node_modules/msw
echo "consumer: tsc --strict (nodenext)"
npx tsc -p tsconfig.json
echo "consumer: npx oauth-harness run"
npx oauth-harness run --grep 'docusign|github' --out reports >run.log || { cat run.log; exit 1; }
tail -2 run.log
test -s reports/results.json
npx oauth-harness run scenarios --report none >/dev/null
echo "consumer: a container target without testcontainers is a one-line error"
set +e
out="$(npx oauth-harness run --target container:glewlwyd --grep docusign --report none 2>&1)"; code=$?
set -e
if [ "$code" != 2 ] || ! grep -q 'install testcontainers' <<<"$out" || grep -q '    at ' <<<"$out"; then echo "consumer: expected exit 2 naming testcontainers, got $code: $out" >&2; exit 1; fi
echo "consumer: ok"

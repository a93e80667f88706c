#!/usr/bin/env bash
# Builds the `serve` container image from this checkout, offline:
#
#   npm run build && bash docker/serve/build.sh [TAG]      (default tag oauth-harness/serve:<version>)
#
# Stages a build context with the package as `npm pack` packs it, its production
# dependencies from node_modules (as `npm ci` installed them), and this machine's Node.js
# binary (NODE_BINARY to use another Linux one), then `docker build --network host` FROM
# BASE_IMAGE (default debian:bookworm-slim, or OAUTH_HARNESS_BASE_IMAGE): no registry,
# no pull. Prints the tag on its last line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
version=$(node -p "require('$root/package.json').version")
tag=${1:-oauth-harness/serve:$version}
base=${BASE_IMAGE:-${OAUTH_HARNESS_BASE_IMAGE:-debian:bookworm-slim}}
node_binary=${NODE_BINARY:-$(node -p process.execPath)}

fail() { echo "docker/serve/build.sh: $*" >&2; exit 2; }
[ -f "$root/dist/cli/oauth-harness.js" ] || fail "no build in $root/dist: run npm run build first"
[ -d "$root/node_modules" ] || fail "no node_modules in $root: run npm ci first"
head -c 4 "$node_binary" | grep -q ELF || fail "$node_binary is not a Linux binary: set NODE_BINARY to a Linux node (^20.19 || ^22.13 || >=24)"
docker image inspect "$base" > /dev/null 2>&1 || fail "base image $base is not here and is never pulled: docker pull it, or run bash .ci/setup-docker.sh (builds debian:bookworm-slim offline)"

context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
(cd "$root" && npm pack --ignore-scripts --silent --pack-destination "$context" > /dev/null)
mkdir "$context/app"
tar -xzf "$context"/oauth-harness-*.tgz -C "$context/app" --strip-components=1
rm "$context"/oauth-harness-*.tgz
# the production dependency tree, as installed from the lockfile
(cd "$root" && npm ls --omit=dev --omit=optional --all --parseable) | tail -n +2 | while read -r dir; do
  rel=${dir#"$root/node_modules/"}
  mkdir -p "$context/app/node_modules/$(dirname "$rel")"
  cp -R "$dir" "$context/app/node_modules/$rel"
done
cp "$node_binary" "$context/node"
cp "$here/Dockerfile" "$here/healthcheck.mjs" "$context/"
docker build --quiet --network host --build-arg "BASE_IMAGE=$base" --label "org.oauth-harness.image=$tag" -t "$tag" "$context" > /dev/null
echo "$tag"

#!/usr/bin/env bash
# Installs Stoplight Prism (the pinned version) into .prism/, which git ignores.
# Needs Node.js and npm. Does nothing when that version is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

version=5.16.0
prism=.prism/node_modules/.bin/prism
if [ -x "$prism" ] && [ "$("$prism" --version 2>/dev/null)" = "$version" ]; then
    exit 0
fi
if ! command -v npm >/dev/null; then
    echo "install-prism: npm is needed to install @stoplight/prism-cli (Node.js 18 or later)" >&2
    exit 1
fi
mkdir -p .prism
npm install --prefix .prism --no-audit --no-fund --loglevel=error "@stoplight/prism-cli@$version"
"$prism" --version

#!/usr/bin/env bash
# Installs what is missing, builds, and runs the main job on the project's own
# corpus (corpora/default: short documents on clearly different themes).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
bin=${UNBAKE_BUILD_DIR:-build}/unbake
"$bin" fit corpora/default -k 6

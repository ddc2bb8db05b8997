#!/usr/bin/env bash
# Installs what unbake needs to build, test and benchmark, from Debian 12's
# packages only. Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config
  libeigen3-dev libicu-dev nlohmann-json3-dev libspdlog-dev libfmt-dev
  libcli11-dev libstemmer-dev doctest-dev
  # Optional readers (the build turns each on when found): .gz inputs.
  zlib1g-dev
  # mail with MIME parts (GMime), HTML (gumbo), PDF (poppler; GPL, see README).
  libgmime-3.0-dev libgumbo-dev libpoppler-cpp-dev
  # --stopwords auto: each document's language (CLD2).
  libcld2-dev
  # `scripts/test.sh --all`: libFuzzer and the sanitizer runtimes come with clang.
  clang libclang-rt-dev libomp-dev
  # The reference peer for TF-IDF and NMF (tests skip without it; bench needs it).
  python3 python3-sklearn python3-scipy python3-numpy
  # tests/cli/schemas.sh and scripts/validate-json.py: the JSON outputs against schemas/ (skips without it).
  python3-jsonschema
  # tests/cli/interrupt.sh: strace's fault injection holds a write open while a signal arrives.
  strace
  # bench/languages.py: real German, Japanese and Chinese text (the manual pages).
  manpages-de manpages-ja manpages-zh man-db groff
  # GNU time (/usr/bin/time): wall time and peak memory in bench/harness.sh.
  time
  # bench/rcppml.sh: RcppML, the R NMF peer (R, Matrix and RcppML from Debian).
  r-cran-rcppml
  # tests/cli/html_report.sh: the HTML reports in headless Chromium (tests/browser/check_report.py).
  chromium chromium-driver python3-selenium
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

# Sourced by the bench scripts: where the repository, the peer's Python and
# the unbake binary are (UNBAKE_BUILD_DIR, PYTHON override them).
bench=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
repo=$(cd "$bench/.." && pwd)
python=${PYTHON:-/usr/bin/python3}
unbake=${UNBAKE_BUILD_DIR:-$repo/build}/unbake
[[ $unbake = /* ]] || unbake=$repo/$unbake

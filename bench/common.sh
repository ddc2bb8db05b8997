# Sourced by the bench scripts: where the repository, the peer's Python and
# the unbake binary are (UNBAKE_BUILD_DIR, PYTHON override them), and the
# helpers they share.
bench=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
repo=$(cd "$bench/.." && pwd)
python=${PYTHON:-/usr/bin/python3}
build_dir=${UNBAKE_BUILD_DIR:-$repo/build}
[[ $build_dir = /* ]] || build_dir=$repo/$build_dir
unbake=$build_dir/unbake

# need_unbake SCRIPT: stops with a message when the binary is missing.
need_unbake() {
  [[ -x $unbake ]] || { echo "$1: $unbake not found (build it with scripts/build.sh)" >&2; exit 1; }
}

# need_peer SCRIPT: stops with a message when $python has no scikit-learn.
need_peer() {
  "$python" -c 'import sklearn' 2>/dev/null ||
    { echo "$1: $python has no scikit-learn (install python3-sklearn, or set PYTHON)" >&2; exit 1; }
}

# install_peer SCRIPT: Debian's scikit-learn and GNU time (/usr/bin/time)
# through scripts/install-deps.sh when either is missing, then need_peer.
install_peer() {
  if ! "$python" -c 'import sklearn' 2>/dev/null || [[ ! -x /usr/bin/time ]]; then
    echo "$1: scikit-learn or /usr/bin/time missing; running scripts/install-deps.sh" >&2
    "$repo/scripts/install-deps.sh"
  fi
  [[ -x /usr/bin/time ]] || { echo "$1: /usr/bin/time (package time) is missing" >&2; exit 1; }
  need_peer "$1"
}

# json_field FILE KEY...: the value at that key path (nested keys in order).
json_field() {
  "$python" -c 'import json, sys
v = json.load(open(sys.argv[1]))
for key in sys.argv[2:]:
    v = v[key]
print(v)' "$@"
}

# summary_value FILE NAME: the number after NAME at the start of a line of
# `unbake factor`'s summary ("iterations 13, ...", "relative error 0.97", "seconds 0.6").
summary_value() { sed -n "s/^$2 \([-0-9.e+]*\).*/\1/p" "$1"; }

# measure [--timeout S] PREFIX COMMAND...: runs COMMAND with stdout in
# PREFIX.out and stderr in PREFIX.err under GNU time; sets m_wall (seconds)
# and m_rss (peak resident set, kB) and returns COMMAND's status. With
# --timeout, COMMAND is killed after S seconds; GNU time still reports its
# wall time and peak memory up to then (a `timeout` wrapper would hide them).
measure() {
  local limit=0 prefix pid watchdog= status=0
  if [[ $1 = --timeout ]]; then limit=$2; shift 2; fi
  prefix=$1
  shift
  /usr/bin/time -f '%e %M' -o "$prefix.time" "$@" >"$prefix.out" 2>"$prefix.err" &
  pid=$!
  if ((limit > 0)); then
    (
      for ((waited = 0; waited < limit; waited++)); do
        sleep 1
        kill -0 "$pid" 2>/dev/null || exit 0
      done
      child=$(pgrep -P "$pid") && kill -KILL $child
    ) 2>/dev/null &
    watchdog=$!
  fi
  wait "$pid" || status=$?
  if [[ -n $watchdog ]]; then wait "$watchdog" || true; fi
  read -r m_wall m_rss < <(tail -n 1 "$prefix.time")
  return $status
}

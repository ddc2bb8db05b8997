# Shared by the reliability tests (tests/cli/bad_*.sh, outputs.sh, interrupt.sh):
# sourced, not run. Call `expect_setup "$@"` first; it sets $bin, $src, $work
# (a scratch folder, removed on exit, and the current folder), $py (Debian's
# python3, for reading JSON outputs) and `failures`.

expect_setup() {
  bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")  # absolute: the test runs elsewhere
  src=$(cd "$2" && pwd)
  work=$(mktemp -d)
  trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
  cd "$work" || exit 1
  failures=0
  skipped_parts=0
  py=/usr/bin/python3
  [ -x "$py" ] || py=$(command -v python3)
}

# small_corpus DIR: six one-line documents sharing four words, enough for
# fit -k 2 --min-df 1.
small_corpus() {
  mkdir "$1"
  for i in 1 2 3 4 5 6; do
    printf 'apple banana cherry date %s %s\n' "word$i" "word$((i % 3))" >"$1/d$i.txt"
  done
}

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# expect_error CODE REGEX CMD...: CMD must exit with CODE and print exactly one
# line on stderr, matching the extended REGEX (which should name the problem
# and the file). Its stdout is kept in out.txt, its stderr in err.txt.
expect_error() {
  local code=$1 pattern=$2
  shift 2
  "$@" >out.txt 2>err.txt </dev/null
  local got=$?
  local what="'${*#"$bin "}'"
  if [ "$got" -ne "$code" ]; then
    fail "$what exited $got, expected $code; stderr: $(head -c 600 err.txt)"
    return
  fi
  local lines
  lines=$(wc -l <err.txt)
  if [ "$lines" -ne 1 ]; then
    fail "$what printed $lines lines on stderr, expected one: $(head -c 600 err.txt)"
    return
  fi
  grep -qE -- "$pattern" err.txt || fail "$what: stderr '$(cat err.txt)' does not match /$pattern/"
}

# expect_ok CMD...: CMD must succeed; stdout in out.txt, stderr in err.txt.
expect_ok() {
  "$@" >out.txt 2>err.txt </dev/null || fail "'${*#"$bin "}' exited $?: $(head -c 600 err.txt)"
}

# no_temp_files DIR: a failed or interrupted write leaves no temporary file.
no_temp_files() {
  local left
  left=$(find "$1" -name '*.unbake-tmp-*' 2>/dev/null)
  [ -z "$left" ] || fail "temporary files left behind: $left"
}

checksum() { sha256sum "$1" | cut -d' ' -f1; }

# has_reader NAME: whether the binary was built with that optional reader
# (gzip, mime, html, pdf), as `unbake --version` lists them.
has_reader() {
  "$bin" --version | sed -n 's/^optional readers: //p' | tr ' ' '\n' | grep -qx "$1"
}

# skip_part REASON: a part of the test that cannot run here. The test then
# reports itself skipped to CTest (exit 77) even when every other check
# passed, so that a partial run never counts as a pass; failures still fail.
skip_part() {
  echo "skipped: $*"
  skipped_parts=$((skipped_parts + 1))
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  if [ "$skipped_parts" -ne 0 ]; then
    echo "$skipped_parts part(s) could not run here (see 'skipped:' above); every check that ran passed"
    exit 77
  fi
  echo "all checks passed"
}

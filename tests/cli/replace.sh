#!/usr/bin/env bash
# Replacing an existing output behaves like the shell's `>` writing into it:
# the file keeps its mode, owner and group; a file the user may not write is
# refused before any work (root may still replace a read-only file); a file
# with other hard links gets a warning that those keep the old content.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"

printf ',a,b,c\nr1,1,0,2\nr2,0,3,1\nr3,2,1,0\n' >x.csv

# 1. The mode survives: a private file stays private, an odd mode stays odd.
for mode in 600 640 755; do
  printf 'old\n' >"m$mode.csv"
  chmod "$mode" "m$mode.csv"
  expect_ok "$bin" factor x.csv -k 1 --w "m$mode.csv"
  [ "$(stat -c %a "m$mode.csv")" = "$mode" ] || fail "mode $mode became $(stat -c %a "m$mode.csv")"
  grep -q factor_1 "m$mode.csv" || fail "m$mode.csv was not replaced"
done
# A new file still gets what an ordinary new file gets.
(umask 027 && "$bin" factor x.csv -k 1 --w new.csv >/dev/null 2>&1) || fail "factor --w new.csv failed"
[ "$(stat -c %a new.csv)" = 640 ] || fail "a new file under umask 027 got mode $(stat -c %a new.csv)"

# 2. Owner and group survive where the writer may set them (root may).
if [ "$(id -u)" -eq 0 ]; then
  printf 'old\n' >owned.csv
  chown 65534:65534 owned.csv
  expect_ok "$bin" factor x.csv -k 1 --w owned.csv
  [ "$(stat -c %u:%g owned.csv)" = 65534:65534 ] || fail "owner became $(stat -c %u:%g owned.csv)"
fi

# 3. A read-only file is refused for a user who could not write it, before
# any work and as it was; root may replace it, as with `>`.
as_nobody=()
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null &&
  setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
  as_nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
elif [ "$(id -u)" -ne 0 ]; then
  as_nobody=(env)  # already unprivileged
fi
if [ ${#as_nobody[@]} -gt 0 ]; then
  # A scratch folder the user may write into (so a rename would succeed):
  # only the file's own mode stands in the way, as it would for `>`.
  mkdir shelf
  cp x.csv shelf/x.csv
  printf 'kept\n' >shelf/ro.csv
  chmod 444 shelf/ro.csv
  chmod 777 shelf
  chmod 755 "$work"
  expect_error 1 '^error: cannot write shelf/ro\.csv: no permission to replace it: Permission denied$' \
    "${as_nobody[@]}" "$bin" factor shelf/x.csv -k 1 --w shelf/ro.csv
  [ -s out.txt ] && fail "the read-only refusal came after the work: $(head -c 200 out.txt)"
  [ "$(cat shelf/ro.csv)" = kept ] || fail "the read-only file changed"
  no_temp_files shelf
else
  skip_part "the read-only refusal needs an unprivileged user (setpriv as root, or not root)"
fi
if [ "$(id -u)" -eq 0 ]; then
  printf 'old\n' >ro-root.csv
  chmod 444 ro-root.csv
  expect_ok "$bin" factor x.csv -k 1 --w ro-root.csv
  grep -q factor_1 ro-root.csv || fail "root could not replace a read-only file"
  [ "$(stat -c %a ro-root.csv)" = 444 ] || fail "the read-only file became $(stat -c %a ro-root.csv)"
fi

# 4. Hard links: the named path gets the new content, the other link keeps
# the old, and the warning says so.
printf 'old\n' >linked.csv
ln linked.csv other.csv
expect_ok "$bin" factor x.csv -k 1 --w linked.csv
grep -q factor_1 linked.csv || fail "the hard-linked file was not replaced"
[ "$(cat other.csv)" = old ] || fail "the other hard link changed"
grep -q '^warning: linked\.csv: replaced; its 1 other hard link(s) still hold the previous content$' err.txt ||
  fail "no hard-link warning: $(cat err.txt)"

finish

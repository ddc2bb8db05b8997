#!/usr/bin/env bash
# Outputs that cannot be written (missing or read-only folder, full disk,
# file size limit) fail with one line and exit 1, leave no partial or temporary file, and leave
# an existing file as it was. Outputs that are not regular files (/dev/stdout,
# a FIFO, /dev/full) are written straight through, never replaced.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"

small_corpus docs
printf ',a,b,c\nr1,1,0,2\nr2,0,3,1\nr3,2,1,0\n' >x.csv
printf 'previous report\n' >report.json
printf 'previous model\n' >model.json
report_sum=$(checksum report.json)
model_sum=$(checksum model.json)
unchanged() {
  [ "$(checksum report.json)" = "$report_sum" ] || fail "$1: report.json changed"
  [ "$(checksum model.json)" = "$model_sum" ] || fail "$1: model.json changed"
  no_temp_files .
}

# 1. A folder that does not exist: found before any work, nothing written.
expect_error 1 '^error: cannot write missing/out\.json: folder missing does not exist$' \
  "$bin" fit docs -k 2 --min-df 1 --model model.json --json missing/out.json
unchanged "missing folder"
expect_error 1 '^error: cannot write missing/V\.mtx: folder missing does not exist$' \
  "$bin" vectorize docs -o missing/V.mtx
expect_error 1 '^error: cannot write missing/W\.csv: folder missing does not exist$' \
  "$bin" factor x.csv -k 1 --w missing/W.csv
expect_error 1 '^error: cannot write \.: it is a folder$' "$bin" fit docs -k 2 --min-df 1 --json .

# 2. A read-only folder. root may write anywhere chmod forbids, so as root a
# folder where no file can be created (/proc) stands in for it.
if [ "$(id -u)" -ne 0 ]; then
  mkdir locked
  chmod 555 locked
  expect_error 1 '^error: cannot write locked/out\.json: folder locked is not writable: Permission denied$' \
    "$bin" fit docs -k 2 --min-df 1 --json locked/out.json
  [ -z "$(ls -A locked)" ] || fail "files left in the read-only folder: $(ls -A locked)"
fi
expect_error 1 '^error: cannot write /proc/unbake-test\.json: cannot create a file in its folder' \
  "$bin" fit docs -k 2 --min-df 1 --json /proc/unbake-test.json --model model.json
unchanged "unwritable folder"

# 3. A full disk. /dev/full fails every write; it is written straight
# through, so it stays a device, and the model after it is not touched.
expect_error 1 '^error: cannot write /dev/full: write failed: No space left on device$' \
  "$bin" fit docs -k 2 --min-df 1 --json /dev/full --model model.json
[ -c /dev/full ] || fail "/dev/full is no longer a character device"
unchanged "/dev/full"
# A regular file on a full disk: a file size limit (ulimit -f) makes the
# write fail the way ENOSPC does. SIGXFSZ, which would kill the process
# mid-write, is not ignored here: unbake ignores it itself, so the write
# fails with EFBIG. The old report stays and the temporary file is gone.
expect_error 1 '^error: cannot write report\.json: write failed: File too large$' \
  bash -c 'trap - XFSZ; ulimit -f 1 && exec "$@" >/dev/null' _ "$bin" fit docs -k 2 --min-df 1 --json-words 500 --json report.json
unchanged "file size limit"
expect_error 1 '^error: cannot write to standard output: No space left on device$' \
  bash -c '"$@" >/dev/full' _ "$bin" fit docs -k 2 --min-df 1 --json -
expect_error 1 '^error: cannot write to standard output: No space left on device$' \
  bash -c '"$@" >/dev/full' _ "$bin" fit docs -k 2 --min-df 1
expect_error 1 '^error: cannot write /dev/stdout: write failed: No space left on device$' \
  bash -c '"$@" >/dev/full' _ "$bin" factor x.csv -k 1 -o /dev/stdout

# 4. Outputs that are not regular files are written straight through.
"$bin" factor x.csv -k 2 -o /dev/stdout >stdout.txt 2>err.txt || fail "factor -o /dev/stdout exited $?: $(cat err.txt)"
grep -q '"relative_error"' stdout.txt || fail "factor -o /dev/stdout wrote no JSON to stdout"
[ -L /dev/stdout ] || fail "/dev/stdout is no longer a symbolic link"
# The text report and then the JSON, both on stdout, in that order.
"$bin" fit docs -k 2 --min-df 1 --json /dev/stdout >both.txt 2>err.txt || fail "fit --json /dev/stdout exited $?"
[ "$(grep -n -m1 '^Topic 1 of 2' both.txt | cut -d: -f1)" = 1 ] || fail "fit --json /dev/stdout lost the text report"
grep -q '^ "corpus": {' both.txt || fail "fit --json /dev/stdout lost the JSON"
mkfifo out.fifo
cat out.fifo >from-fifo.json &
reader=$!
timeout 60 "$bin" factor x.csv -k 2 -o out.fifo >/dev/null 2>err.txt || fail "factor -o FIFO exited $?: $(cat err.txt)"
wait "$reader"
grep -q '"relative_error"' from-fifo.json || fail "nothing came out of the FIFO"
[ -p out.fifo ] || fail "the FIFO was replaced by a regular file"

# 5. A symbolic link to an output: the file it names is replaced, the link stays.
mkdir real
ln -s real/target.json link.json
expect_ok "$bin" factor x.csv -k 2 -o link.json
[ -L link.json ] || fail "the link was replaced by a regular file"
grep -q '"relative_error"' real/target.json || fail "the link's target was not written"

finish

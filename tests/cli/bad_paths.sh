#!/usr/bin/env bash
# Messy folders: missing paths, folders with nothing usable, symbolic link
# loops, vanished files, FIFOs and devices. unbake either reads what it can
# and lists the rest as skipped, or fails with one error line and exit 1.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"

words() { printf 'apple banana cherry %s\n' "$1"; }

# 1. A folder or a file that does not exist.
expect_error 1 '^error: missing-folder: no such file or folder$' "$bin" fit missing-folder -k 2
expect_error 1 '^error: missing/doc\.txt: no such file or folder$' "$bin" fit missing/doc.txt -k 2
expect_error 1 '^error: missing-folder: no such file or folder$' "$bin" vectorize missing-folder -o V.mtx
[ -e V.mtx ] && fail "a failed vectorize wrote V.mtx"

# 2. A folder with no eligible file (only other extensions, hidden files).
mkdir -p none/.hidden
touch none/photo.jpg none/paper.docx none/.notes.txt none/.hidden/a.txt
expect_error 1 '^error: none: no documents: no file has one of the extensions read' "$bin" fit none -k 1

# 3. A folder with only binary, empty or oversized files.
mkdir junk
printf 'text\0with a NUL byte' >junk/binary.txt
: >junk/empty.txt
head -c 2000000 /dev/zero | tr '\0' 'a' >junk/big.txt
expect_error 1 '^error: junk: no words in the 1 documents read .*2 files skipped' \
  "$bin" fit junk -k 1 --max-file-mb 1
mkdir unusable
printf 'text\0with a NUL byte' >unusable/binary.txt
head -c 2000000 /dev/zero | tr '\0' 'a' >unusable/big.txt
expect_error 1 '^error: unusable: no readable documents \(2 skipped, first: big\.txt: larger than 1 MB' \
  "$bin" fit unusable -k 1 --max-file-mb 1

# 4. Symbolic link loops: a link to a parent folder is walked once, a link to
# itself is skipped with its reason; the run succeeds on the real files.
mkdir -p loop/sub
words date >loop/a.txt
words elder >loop/b.txt
words fig >loop/sub/c.txt
ln -s .. loop/sub/up
ln -s self.txt loop/self.txt
ln -s missing-target.txt loop/broken.txt
if timeout 60 "$bin" fit loop -k 1 --min-df 1 --json loop.json >out.txt 2>err.txt; then
  "$py" - loop.json <<'PY' || fail "link loop report"
import json, sys
r = json.load(open(sys.argv[1]))
skipped = {s["path"]: s["reason"] for s in r["corpus"]["skipped"]}
assert r["corpus"]["documents"] == 3, r["corpus"]
assert skipped.get("self.txt") == "symbolic link loop", skipped
assert skipped.get("broken.txt") == "broken symbolic link", skipped
assert "folder already visited" in skipped.get("sub/up", ""), skipped
PY
else
  fail "fit on a folder with link loops exited $? (124 = hung): $(head -c 300 err.txt)"
fi

# 5. FIFOs and devices in the folder are skipped, never opened: a FIFO
# without a writer would block forever.
mkdir -p special
words grape >special/a.txt
words kiwi >special/b.txt
mkfifo special/pipe.txt
ln -s /dev/zero special/zero.txt
ln -s /dev/null special/null.txt
if timeout 60 "$bin" fit special -k 1 --min-df 1 --json special.json >out.txt 2>err.txt; then
  "$py" - special.json <<'PY' || fail "FIFO and device reasons"
import json, sys
r = json.load(open(sys.argv[1]))
skipped = {s["path"]: s["reason"] for s in r["corpus"]["skipped"]}
assert skipped == {"pipe.txt": "not a regular file (FIFO)",
                   "zero.txt": "not a regular file (character device)",
                   "null.txt": "not a regular file (character device)"}, skipped
assert r["corpus"]["documents"] == 2
PY
else
  fail "fit on a folder with a FIFO exited $? (124 = hung): $(head -c 300 err.txt)"
fi
# A FIFO or device named directly is refused the same way, without blocking.
expect_error 1 '^error: special/pipe\.txt: no readable documents \(1 skipped, first: pipe\.txt: not a regular file \(FIFO\)\)' \
  timeout 60 "$bin" fit special/pipe.txt -k 1

# 6. A file removed while reading: the test hook cannot pause unbake between
# listing and reading, so tests/text/test_reader.cpp covers it directly
# ("reader skips binary, oversized and vanished files with a reason"). Here: a
# file without read permission, which fails at the same open call.
# Root reads any file, so as root the check runs as the user nobody, with a
# copy of the binary in a folder that user may enter.
unprivileged=()
if [ "$(id -u)" -ne 0 ]; then
  unprivileged=(env)
elif command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
  unprivileged=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
if [ ${#unprivileged[@]} -gt 0 ]; then
  jail=$(mktemp -d)
  chmod 777 "$jail"
  cp "$bin" "$jail/unbake"
  chmod 755 "$jail/unbake"
  mkdir "$jail/locked"
  words lemon >"$jail/locked/a.txt"
  words mango >"$jail/locked/b.txt"
  words melon >"$jail/locked/secret.txt"
  chmod -R a+rX "$jail/locked"
  chmod 000 "$jail/locked/secret.txt"
  (cd "$jail" && "${unprivileged[@]}" ./unbake fit locked -k 1 --min-df 1 --json locked.json >/dev/null 2>&1) ||
    fail "fit of a folder with an unreadable file failed"
  grep -q '"reason": "unreadable: Permission denied"' "$jail/locked.json" 2>/dev/null ||
    fail "unreadable file not listed as skipped"
  rm -rf "$jail"
else
  skip_part "the unreadable-file check needs an unprivileged user (setpriv as root, or not root)"
fi

# 7. Too few file descriptors: with `ulimit -n 4` unbake starts (the loader
# needs the one free descriptor, then gives it back), but several reader
# threads cannot each hold a file open. Skipping those documents as
# unreadable would drop good data and exit 0; it must stop with one line.
mkdir many
for i in $(seq 1 1000); do words "w$i" >"many/d$i.txt"; done
# Descriptors inherited from the test runner are closed first, so that the
# limit leaves exactly one free.
low_fds() {
  bash -c 'for fd in $(ls /proc/$$/fd); do [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done
           ulimit -n 4 && exec "$0" "$@"' "$@"
}
# As many reader threads as the thread cap allows without a warning.
low_fds "$bin" vectorize many --threads "$((4 * $(nproc)))" --min-df 1 -o many.mtx >out.txt 2>err.txt </dev/null
code=$?
if [ "$code" -eq 0 ]; then
  # No two threads happened to open files at once: then nothing may be missing.
  grep -q 'Too many open files' err.txt && fail "a document was skipped for lack of descriptors: $(head -c 300 err.txt)"
  grep -q '1000 documents read, 0 skipped' err.txt || fail "not every document read: $(head -c 300 err.txt)"
else
  [ "$code" -eq 1 ] || fail "a run short of descriptors exited $code, expected 1: $(head -c 300 err.txt)"
  [ "$(wc -l <err.txt)" -eq 1 ] || fail "a run short of descriptors printed more than one line: $(head -c 300 err.txt)"
  grep -qE '^error: many/d[0-9]+\.txt: cannot read: Too many open files \(raise the open-file limit with `ulimit -n`, or use fewer threads\)$' err.txt ||
    fail "a run short of descriptors said: $(head -c 300 err.txt)"
  [ -e many.mtx ] && fail "a run stopped for lack of descriptors wrote its output"
fi
no_temp_files .

finish

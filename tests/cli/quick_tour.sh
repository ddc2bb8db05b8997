#!/usr/bin/env bash
# The README's quick tour runs as written: every `$ command` of its console
# blocks is run from a copy of the repository's root (unbake on the PATH),
# must succeed, and every output line shown must appear in what it prints,
# numbers aside (they may differ in the last digits between processors) and
# but for elisions ("…") and the seconds line (and the languages line in a
# build without a language detector, whose summary says so instead).
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"
[ -n "$py" ] || { echo "skipped: needs python3 to read the README"; exit 77; }
mkdir root bin
for entry in "$src"/*; do ln -s "$entry" "root/$(basename "$entry")"; done
rm -f root/build && mkdir -p root/build && ln -s "$bin" root/build/unbake && ln -s "$bin" bin/unbake
"$py" - "$src/README.md" blocks <<'PY' || fail "cannot read the quick tour"
import os, re, sys
text = open(sys.argv[1], encoding="utf-8").read()
tour = text[text.index("## Quick tour"):]
tour = tour[:tour.index("\n## ", 5)]
os.makedirs(sys.argv[2])
n = 0
for block in re.findall(r"```console\n(.*?)```", tour, re.S):
    lines = block.splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].startswith("$ "):
            i += 1
            continue
        command = lines[i][2:]
        while command.endswith("\\"):
            i += 1
            command = command[:-1] + " " + lines[i].strip()
        i += 1
        shown = []
        while i < len(lines) and not lines[i].startswith("$ "):
            shown.append(lines[i])
            i += 1
        n += 1
        open(f"{sys.argv[2]}/{n:02d}.sh", "w").write(command + "\n")
        open(f"{sys.argv[2]}/{n:02d}.out", "w").write("\n".join(shown) + "\n")
print(n, "commands")
PY
detector=$("$bin" --version | sed -n 's/^language detector: //p')
count=0
for cmd in blocks/*.sh; do
  count=$((count + 1))
  # A terminal shows stdout and stderr (the log) together.
  (cd root && PATH="$work/bin:$PATH" bash "$work/$cmd") >"${cmd%.sh}.got" 2>&1 ||
    { fail "'$(cat "$cmd")' exited $?: $(tail -2 "${cmd%.sh}.got")"; continue; }
  "$py" - "${cmd%.sh}.out" "${cmd%.sh}.got" "$(cat "$cmd")" "$detector" <<'PY' || fail "'$(cat "$cmd")' printed other lines"
import re, sys
def norm(line):
    return re.sub(r"\s+", " ", re.sub(r"-?\d[\d,]*(\.\d+)?(e[-+]?\d+)?", "N", line)).strip()
printed = open(sys.argv[2], encoding="utf-8").read().splitlines()
got = {norm(l) for l in printed}
if sys.argv[3].startswith("ls "):  # ls prints a name a line into a pipe, in columns on a terminal
    got.add(norm("  ".join(printed)))
missing = [l for l in open(sys.argv[1], encoding="utf-8")
           if l.strip() and "…" not in l and "seconds" not in l and norm(l) not in got
           and not (sys.argv[4] == "none" and l.strip().startswith("languages "))]
for l in missing[:5]:
    print("  not printed:", l.rstrip())
sys.exit(1 if missing else 0)
PY
done
[ "$count" -ge 8 ] || fail "only $count commands found in the quick tour"
rm -f root/report.json root/model.json root/mixtures.csv root/topics.csv root/V.mtx root/terms.txt root/docs.txt
finish

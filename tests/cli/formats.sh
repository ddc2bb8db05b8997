#!/usr/bin/env bash
# Each file of a folder read by its kind: a news post (no extension) and an
# .eml as mail, an .mbox as one document per message, HTML as its visible
# text, PDF as its text layer; a broken message and a PDF without text are
# skipped with their reasons; --format text reads every byte as text.
set -uo pipefail
source "$(dirname "$0")/lib/expect.bash"
expect_setup "$@"
mkdir -p docs/news docs/web docs/box docs/pdf
printf 'From: someone@cs.cmu.edu (Some One)\nSubject: comets and orbits\nOrganization: Carnegie Mellon\nLines: 3\n\nIn article <x@y.edu> other@y.edu writes:\n> quoted perihelion\nComets follow elliptical orbits.\n-- \nSome One, Pittsburgh\n' >docs/news/101
printf 'From: a@example.org\nTo: b@example.org\nSubject: bread recipes\nDate: Mon, 1 Jan 2001 00:00:00 +0000\n\nKnead the dough and bake the bread.\n' >docs/news/note.eml
printf '<!DOCTYPE html><html><head><title>Tides</title><script>var tracker;</script></head><body><table><tr><td>moon pulls</td><td>ocean tides</td></tr></table></body></html>\n' >docs/web/tides.html
printf 'From a@b Mon Jan  1 00:00:00 2001\nFrom: a@b\nSubject: garden soil\n\nCompost feeds the garden soil.\n\nFrom c@d Tue Jan  2 00:00:00 2001\nthis message lost its headers\n\nFrom e@f Wed Jan  3 00:00:00 2001\nFrom: e@f\nSubject: seeds\n\nSow the seeds in spring.\n' >docs/box/inbox.mbox
"$py" - docs/pdf <<'PY'
import sys
def pdf(content):
    objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = "%PDF-1.4\n", []
    for i, o in enumerate(objs):
        offsets.append(len(out)); out += "%d 0 obj\n%s\nendobj\n" % (i + 1, o)
    xref = len(out)
    out += "xref\n0 6\n0000000000 65535 f \n" + "".join("%010d 00000 n \n" % o for o in offsets)
    return out + "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
open(sys.argv[1] + "/paper.pdf", "w").write(pdf("BT /F1 12 Tf 72 712 Td (Volcanic basalt cools slowly) Tj ET"))
open(sys.argv[1] + "/scan.pdf", "w").write(pdf("0 0 1 rg 10 10 100 100 re f"))
PY

"$bin" vectorize docs --min-df 1 --max-df 1.0 -o V.mtx --terms terms.txt --docs ids.txt 2>log.txt || fail "vectorize exited $?: $(cat log.txt)"
# Mail needs no optional reader (these messages have no MIME encoding).
for w in comets elliptical orbits bread dough compost garden soil sow seeds; do
  grep -qx "$w" terms.txt || fail "the term '$w' was not read"
done
for w in cmu carnegie organization lines quoted perihelion pittsburgh example td tr tracker script html; do
  grep -qx "$w" terms.txt && fail "the term '$w' is mail furniture or markup, yet it was read"
done
for id in news/101 news/note.eml box/inbox.mbox#1 box/inbox.mbox#3; do
  grep -qxF "$id" ids.txt || fail "document $id missing from $(tr '\n' ' ' <ids.txt)"
done
grep -qxF 'box/inbox.mbox#2' ids.txt && fail "the broken message became a document"
grep -q 'box/inbox.mbox#2: not a mail message' log.txt || fail "no reason for the broken message: $(cat log.txt)"
# HTML and PDF: read by a build that has the reader, else skipped with a reason saying so.
if has_reader html; then
  for w in tides moon ocean; do grep -qx "$w" terms.txt || fail "the HTML term '$w' was not read"; done
  grep -qxF web/tides.html ids.txt || fail "the HTML page is not a document"
else
  grep -q 'web/tides.html: HTML: this build has no HTML reader (gumbo)' log.txt || fail "no reason for HTML: $(cat log.txt)"
fi
if has_reader pdf; then
  for w in volcanic basalt; do grep -qx "$w" terms.txt || fail "the PDF term '$w' was not read"; done
  grep -qxF pdf/paper.pdf ids.txt || fail "the PDF is not a document"
  grep -q 'pdf/scan.pdf: no text layer (scanned?)' log.txt || fail "no reason for the PDF without text: $(cat log.txt)"
else
  grep -q 'pdf/paper.pdf: PDF: this build has no PDF reader (poppler)' log.txt || fail "no reason for PDF: $(cat log.txt)"
fi

# --format text: the same files as plain bytes, headers and tags included.
"$bin" -q vectorize docs --format text --min-df 1 --max-df 1.0 -o T.mtx --terms raw.txt 2>/dev/null || fail "--format text exited $?"
for w in cmu organization; do grep -qx "$w" raw.txt || fail "--format text did not read '$w'"; done
if has_reader html; then grep -qx td raw.txt || fail "--format text did not read the tags"; fi

# A single message on standard input, forced to mail.
"$bin" -q vectorize - --format mail --min-df 1 --max-df 1.0 -o S.mtx --terms stdin.txt <docs/news/101 || fail "stdin mail exited $?"
grep -qx comets stdin.txt && ! grep -qx cmu stdin.txt || fail "standard input was not read as mail: $(tr '\n' ' ' <stdin.txt)"

# A compressed document is read through zlib; a truncated one is skipped with the reason.
mkdir -p zipped
printf 'Glaciers carve valleys slowly.\n' | gzip >zipped/ice.txt.gz
seq 1 20000 | sed 's/^/filler line /' | gzip | head -c 2000 >zipped/cut.txt.gz
if has_reader gzip; then
  "$bin" vectorize zipped --ext .gz --min-df 1 --max-df 1.0 -o Z.mtx --terms zipped-terms.txt 2>zipped-log.txt ||
    fail "vectorize of .gz documents exited $?"
  grep -qx glaciers zipped-terms.txt || fail "the .gz document was not decompressed"
  grep -q 'cut.txt.gz: truncated gzip data' zipped-log.txt || fail "no reason for the truncated .gz: $(cat zipped-log.txt)"
else
  skip_part "compressed documents: this build has no zlib"
fi
finish

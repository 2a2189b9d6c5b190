#!/usr/bin/env bash
# Does a long editing session make the preview grow? Runs the preview on a generated site of 5000 pages and edits
# one trend page EDITS times, PAUSE_MS apart (500 edits at about 7 s each: an hour of editing), with bench
# PreviewLatency --heap: after the warm-up and after every tenth of the edits, a full GC in the preview JVM
# (jcmd GC.run) and its live heap (jcmd GC.heap_info) and resident set (/proc/PID/status).
#
#   bench/preview-memory.sh                          # 5000 pages, 500 edits, 6.5 s apart
#   EDITS=50 PAUSE_MS=1000 bench/preview-memory.sh   # a shorter run
#   HEADER=1 XMX=1g bench/preview-memory.sh          # move the trend between two themes; preview heap at most 1 GiB
#   PAGES=40 EDITS=12 PAUSE_MS=300 bench/preview-memory.sh   # try the script itself
#
# Output (also in target/bench/preview-memory.txt): one line "heap after GC: EDIT USED_MIB rss RSS_MIB" per sample,
# then the edit-to-served times as bench/run.sh reports them (median min max in s; every edit), and at the end
# "heap growth after GC: first X MiB, last Y MiB, max Z MiB; peak RSS R MiB" (peak: the kernel's high-water mark).
# The site is generated once (bench/generate.py) and kept; the edited trend file is put back afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES=${PAGES:-5000}
EDITS=${EDITS:-500}
PAUSE_MS=${PAUSE_MS:-6500}
WORK=target/bench
src="$WORK/site-$PAGES"
out="$WORK/preview-memory.txt"
mkdir -p "$WORK"

if [ ! -f target/ivb.jar ] || [ ! -f target/test-classes/nl/noordoostpolder/ivb/bench/PreviewLatency.class ]; then
  mvn -B -q -DskipTests -DskipSiteBake package
fi
if [ ! -d "$src/content" ]; then
  python3 bench/generate.py "$PAGES" "$src"
fi

options=(--heap --pause "$PAUSE_MS")
if [ -n "${HEADER:-}" ]; then options+=(--header); fi
if [ -n "${XMX:-}" ]; then options+=(--xmx "$XMX"); fi

{
  echo "# preview memory $(date -u +%Y-%m-%dT%H:%MZ), $PAGES pages, $EDITS edits ${PAUSE_MS} ms apart, $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "# PreviewLatency target/ivb.jar $src $EDITS ${options[*]}"
} > "$out"
java -cp target/test-classes nl.noordoostpolder.ivb.bench.PreviewLatency target/ivb.jar "$src" "$EDITS" "${options[@]}" \
  | tee -a "$out"

#!/usr/bin/env bash
# Times cold builds of generated sites with this project and with stock JBake 2.7.0, in the same run.
#
#   bench/run.sh                 # N = 40 1000 5000, 3 runs each
#   SIZES="40 1000" RUNS=5 bench/run.sh
#   SIZES=5000 STOCK_RUNS=1 STOCK_TIMEOUT=900 bench/run.sh
#
# For each N: generate N pages (bench/generate.py), then RUNS times a cold `java -jar target/ivb.jar build` and
# RUNS times stock JBake (bench/stock: same jbake-core, its own crawler, renderers and Pebble engine) under
# /usr/bin/time -v, alternating. Prints median wall time and median peak RSS, and the ratio stock/ours.
# Also times a second build of an unchanged site, and the preview: edit-to-served time of one trend page
# (median of PREVIEW_EDITS edits, bench PreviewLatency), once for an edit of its body and once for a header edit that
# moves it to another theme (--header). Results go to target/bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"40 1000 5000"}
RUNS=${RUNS:-3}
# Stock JBake grows with the square of the site (a 5000-page bake takes most of an hour here):
# STOCK_RUNS limits its runs per size (0: none), STOCK_TIMEOUT (seconds) stops a run and reports it as "> limit".
STOCK_RUNS=${STOCK_RUNS:-$RUNS}
STOCK_TIMEOUT=${STOCK_TIMEOUT:-0}
PREVIEW_EDITS=${PREVIEW_EDITS:-9}
WORK=target/bench
mkdir -p "$WORK"
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)"; exit 2; }

if [ ! -f target/ivb.jar ] || [ ! -d target/test-classes/nl/noordoostpolder/ivb/bench ]; then
  mvn -B -q -DskipTests -DskipSiteBake package
fi

# measure CMD...: prints "wall_seconds peak_mib"; with LIMIT set, a run past LIMIT seconds prints "> LIMIT"
measure() {
  local log; log=$(mktemp)
  local run=("$@")
  if [ "${LIMIT:-0}" -gt 0 ]; then run=(timeout "$LIMIT" "$@"); fi
  if ! /usr/bin/time -v "${run[@]}" >/dev/null 2>"$log"; then
    if [ "${LIMIT:-0}" -gt 0 ] && grep -q "Exit status: 124" "$log"; then rm -f "$log"; echo "> $LIMIT"; return 0; fi
    echo "FAILED: $*" >&2; tail -20 "$log" >&2; rm -f "$log"; return 1
  fi
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$log" | awk -F': ' '{print $2}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$log" | awk -F': ' '{printf "%.0f", $2/1024}')
  rm -f "$log"
  echo "$wall $rss"
}

median() { sort -n | awk '{a[NR]=$1} END { if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2 }'; }

out="$WORK/results.md"
{
  echo "# Benchmark $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo
  echo "| pages | ivb wall (s) | ivb peak (MiB) | ivb rebuild, no change (s) | preview edit (s) | preview header edit (s) | stock JBake wall (s) | stock peak (MiB) | stock / ivb |"
  echo "|---|---|---|---|---|---|---|---|---|"
} > "$out"

for n in $SIZES; do
  src="$WORK/site-$n"; stock="$WORK/stock-$n"
  python3 bench/generate.py "$n" "$src" >/dev/null
  rm -rf "$stock" && cp -r "$src" "$stock" && rm -rf "$stock/templates" "$stock/jbake.properties"
  cp -r bench/stock/templates bench/stock/jbake.properties "$stock/"
  : > "$WORK/ivb-$n.txt"; : > "$WORK/stock-$n.txt"; : > "$WORK/rebuild-$n.txt"
  for run in $(seq 1 "$RUNS"); do
    rm -rf "$WORK/out-ivb-$n" "$WORK/out-stock-$n"
    measure java -jar target/ivb.jar build "$src" --out "$WORK/out-ivb-$n" >> "$WORK/ivb-$n.txt"
    measure java -jar target/ivb.jar build "$src" --out "$WORK/out-ivb-$n" >> "$WORK/rebuild-$n.txt"
    if [ "$run" -le "$STOCK_RUNS" ]; then
      LIMIT=$STOCK_TIMEOUT measure java -cp "target/test-classes:target/lib/*" nl.noordoostpolder.ivb.bench.StockJBake "$stock" "$WORK/out-stock-$n" >> "$WORK/stock-$n.txt"
    fi
    echo "N=$n run $run: ivb $(tail -1 "$WORK/ivb-$n.txt"), rebuild $(tail -1 "$WORK/rebuild-$n.txt"), stock $(tail -1 "$WORK/stock-$n.txt" 2>/dev/null)"
  done
  java -cp target/test-classes nl.noordoostpolder.ivb.bench.PreviewLatency target/ivb.jar "$src" "$PREVIEW_EDITS" > "$WORK/preview-$n.txt"
  pw=$(head -1 "$WORK/preview-$n.txt" | awk '{print $1}')
  echo "N=$n preview edit-to-served (median, min, max in s): $(head -1 "$WORK/preview-$n.txt")"
  java -cp target/test-classes nl.noordoostpolder.ivb.bench.PreviewLatency target/ivb.jar "$src" "$PREVIEW_EDITS" --header > "$WORK/preview-header-$n.txt"
  ph=$(head -1 "$WORK/preview-header-$n.txt" | awk '{print $1}')
  echo "N=$n preview header edit, a trend moved to another theme (median, min, max in s): $(head -1 "$WORK/preview-header-$n.txt")"
  iw=$(awk '{print $1}' "$WORK/ivb-$n.txt" | median); im=$(awk '{print $2}' "$WORK/ivb-$n.txt" | median)
  rw=$(awk '{print $1}' "$WORK/rebuild-$n.txt" | median)
  if [ ! -s "$WORK/stock-$n.txt" ]; then
    sw="not run (STOCK_RUNS=0)"; sm="-"; ratio="-"
  elif grep -q "^>" "$WORK/stock-$n.txt"; then
    sw="> $STOCK_TIMEOUT (stopped)"; sm="?"
    ratio=$(awk -v s="$STOCK_TIMEOUT" -v i="$iw" 'BEGIN { printf "> %.1fx", s/i }')
  else
    sw=$(awk '{print $1}' "$WORK/stock-$n.txt" | median); sm=$(awk '{print $2}' "$WORK/stock-$n.txt" | median)
    ratio=$(awk -v s="$sw" -v i="$iw" 'BEGIN { printf "%.1fx", s/i }')
  fi
  echo "| $n | $iw | $im | $rw | $pw | $ph | $sw | $sm | $ratio |" >> "$out"
done
echo
cat "$out"

#!/usr/bin/env bash
# Search benchmark: bytes before the first results and keystroke-to-results time, in headless Chromium, on the real
# site and on generated sites, in one run. Usage: bench/search/run.sh [PAGES...] (default 1000), for example
# bench/search/run.sh 1000 5000. Needs chromium and chromium-driver (as the browser tests).
# Results: target/bench-search/results.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
pages="${*:-1000}"
mvn -B -q -DskipTests package                      # compiles and bakes the real site into target/site
mkdir -p target/bench-search
mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-search/classpath.txt
cp="$(cat target/bench-search/classpath.txt)"
export SE_OFFLINE=true TMPDIR="$PWD/target"
java -Djava.io.tmpdir="$PWD/target" -cp "target/test-classes:target/classes:$cp" \
  nl.noordoostpolder.ivb.search.SearchBenchmark . "${pages// /,}" target/bench-search

#!/usr/bin/env bash
# Peak RSS of `coquille check` on the 20,000 generated files, for every output format and
# for --fix (into an output folder) and --diff, with 1 and 2 threads; prints a Markdown table
# and, per run, the SHA-256 of stdout (to compare two builds byte for byte).
#
#   scripts/memory.sh [BINARY]     # default target/release/coquille (built if missing)
#
# Needs GNU time (/usr/bin/time); generates target/corpus/many when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${1:-target/release/coquille}
MANY=target/corpus/many
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[ -x "$BIN" ] || cargo build --release --quiet
[ -d "$MANY" ] || cargo run --release --quiet --example gen_corpus -- --files 20000 --out "$MANY"

# Runs coquille with $@ after `check`, $threads threads; prints "RSS_MB SHA256".
peak() {
  rm -rf "$WORK/cleaned"
  /usr/bin/time -f '%M' -o "$WORK/rss" "$BIN" check "$MANY" --jobs "$threads" "$@" \
    >"$WORK/out" 2>/dev/null || true
  local kb sha
  kb=$(tail -1 "$WORK/rss")
  sha=$(sed "s#$WORK/##g" "$WORK/out" | sha256sum | cut -c1-12)
  echo "$((kb / 1024)) $sha"
}

echo "| run | 1 thread | 2 threads | stdout SHA-256 |"
echo "|---|---|---|---|"
for run in "--format pretty" "--format concise" "--format json" "--format jsonl" \
  "--format github" "--format sarif" "--diff" "--fix --output-dir $WORK/cleaned"; do
  row=()
  for threads in 1 2; do
    # shellcheck disable=SC2086 # $run is several arguments
    read -r mb sha < <(peak $run)
    row+=("$mb MB")
  done
  echo "| \`${run/$WORK\//}\` | ${row[0]} | ${row[1]} | $sha |"
done

#!/usr/bin/env bash
# Times coquille against `cat` (the I/O floor) and ripgrep on the generated corpora, and one
# resolution end to end; writes the Markdown report to target/bench/report.md and prints it.
#
#   scripts/bench.sh            # BENCH_RUNS=5 timed runs per command (median), after a warm-up
#
# Needs the Rust toolchain, python3 and apt-get: ripgrep, hyperfine and GNU time are
# installed from Debian's packages when missing; the corpora are generated when missing
# (target/corpus/many: 20,000 files, target/corpus/one.txt: 200 MB).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${BENCH_RUNS:-5}
OUT=target/bench
MANY=target/corpus/many
ONE=target/corpus/one.txt
RESOLUTION=fixtures/A_RES_66_152.txt
BIN=target/release/coquille

# What the typographic rules look for, written as a user would write them for speed: ASCII
# classes, no Unicode word boundary. First the Rust rules of src/rules/, by hand; then, read
# from the rule packs rules/*.toml below, every pattern of the pack rules (already written
# that way: `(?-u:\b)`, `[0-9]`), their exceptions left out.
PATTERNS=(
  '[[:alnum:]][;!?]'                       # space-before-punctuation: missing
  ' [;:!?]'                                # space-before-punctuation: ordinary space
  '«[[:alnum:]]'                           # guillemets: no space inside
  '[[:alnum:]]»'
  '["“”]'                                  # guillemets: English quotes
  ' [,.)]'                                 # punctuation-spacing: space before
  '\( '                                    # punctuation-spacing: space after (
  ',[[:alpha:]]'                           # punctuation-spacing: no space after
  '[[:lower:]]\.[[:upper:]]'
  "[[:alpha:]]'[[:alpha:]]"                # apostrophe: straight
  '’'                                      # apostrophe: typographic
  '[0-9]%'                                 # number-format
  '(?-u:\b)[0-9]{5,}(?-u:\b)'
  '[0-9] [0-9]{3}(?-u:\b)'
  '  '                                     # whitespace: doubled
  ' $'                                     # whitespace: trailing
  '\t'                                     # whitespace: tab
  '[\x{200B}\x{00AD}\x{FEFF}]'             # whitespace: invisible
  '[\x{0300}-\x{036F}]'                    # whitespace: not NFC
)

# The `patterns` of each `[[rule]]` of rules/*.toml (a string, or a table's `regex`), one a line,
# as a user would pass them to rg: groups unnamed (rg joins the patterns into one regex, where
# two groups may not share a name) and no `\n` (rg matches line by line; `$` stays).
pack_patterns() {
  python3 - rules/*.toml <<'PYTHON'
import re
import sys
import tomllib

for path in sys.argv[1:]:
    with open(path, "rb") as pack:
        for rule in tomllib.load(pack).get("rule", []):
            for pattern in rule.get("patterns", []):
                regex = pattern if isinstance(pattern, str) else pattern["regex"]
                regex = re.sub(r"\(\?P<\w+>", "(?:", regex).replace(r"\r\n", r"\r")
                if "\n" in regex:
                    sys.exit(f"{path}: {rule['id']}: a pattern that matches a line break")
                print(regex)
PYTHON
}
PACK_LINES=$(pack_patterns)
[ -n "$PACK_LINES" ] || { echo "no pattern read from rules/*.toml" >&2; exit 1; }
mapfile -t PACK_PATTERNS <<<"$PACK_LINES"
PATTERNS+=("${PACK_PATTERNS[@]}")

install_missing() {
  local packages=()
  command -v rg >/dev/null || packages+=(ripgrep)
  command -v hyperfine >/dev/null || packages+=(hyperfine)
  [ -x /usr/bin/time ] || packages+=(time)
  if ((${#packages[@]})); then
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
  fi
}

# $1 in single quotes, for bash and for hyperfine -N alike.
quote() {
  local escaped=${1//\'/\'\\\'\'}
  printf "'%s'" "$escaped"
}

# `rg` with every pattern, on $2 threads, over $1.
rg_command() {
  local command="rg -j$2 --no-ignore --count-matches"
  for pattern in "${PATTERNS[@]}"; do
    command+=" -e $(quote "$pattern")"
  done
  echo "$command $1"
}

# Times the commands on one corpus: hyperfine for the median, GNU time for the peak RSS.
# Usage: measure NAME CAT_COMMAND TARGET
measure() {
  local name=$1 cat_command=$2 target=$3
  local -a names=(cat rg-j1 rg-j2 coquille-j1 coquille-j2)
  local -a commands=(
    "$cat_command"
    "$(rg_command "$target" 1)"
    "$(rg_command "$target" 2)"
    "$BIN check --format json --jobs 1 $target"
    "$BIN check --format json --jobs 2 $target"
  )
  local -a args=()
  for i in "${!names[@]}"; do
    args+=(-n "${names[$i]}" "${commands[$i]}")
    /usr/bin/time -v bash -c "${commands[$i]} >/dev/null" 2>"$OUT/$name-${names[$i]}.time" || true
  done
  hyperfine --style basic --warmup 1 --runs "$RUNS" --ignore-failure \
    --export-json "$OUT/$name.json" "${args[@]}" >/dev/null
}

install_missing
cargo build --release --quiet --bin coquille --example gen_corpus
mkdir -p "$OUT"
[ -d "$MANY" ] || target/release/examples/gen_corpus --files 20000 --out "$MANY"
[ -f "$ONE" ] || target/release/examples/gen_corpus --single-mb 200 --out "$ONE"

echo "timing 20,000 files…" >&2
measure many "find $MANY -type f -name '*.txt' -print0 | xargs -0 cat" "$MANY"
echo "timing one 200 MB file…" >&2
measure one "cat $ONE" "$ONE"
echo "timing one resolution end to end…" >&2
hyperfine --style basic -N --warmup 20 --runs 300 --ignore-failure \
  --export-json "$OUT/resolution.json" \
  -n cat "cat $RESOLUTION" \
  -n rg "$(rg_command "$RESOLUTION" 1)" \
  -n coquille "$BIN check --format json $RESOLUTION" >/dev/null

cat /proc/loadavg >"$OUT/loadavg"
python3 scripts/bench_report.py "$OUT" "$MANY" "$ONE" "$RESOLUTION" "${#PATTERNS[@]}" \
  >"$OUT/report.md"
cat "$OUT/report.md"

#!/usr/bin/env bash
# Runs fuzz targets (all, or those named) for FUZZ_SECONDS each (default 60), one after the
# other on one core, from a fixed seed and corpora seeded with the repository's fixtures.
# Exits non-zero on the first crash; its input is left in fuzz/artifacts/<target>/.
# Needs a nightly toolchain and cargo-fuzz.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-60}
if [[ $# -gt 0 ]]; then targets=("$@"); else targets=(parse lint_utf8 lint_auto fix config pack); fi

# seed DIR FILES...: copies FILES into the corpus DIR under their content's hash.
seed() {
  local dir=$1; shift
  mkdir -p "$dir"
  for file in "$@"; do cp "$file" "$dir/$(sha1sum < "$file" | cut -c1-40)"; done
}

# The TOML blocks of a Markdown file, each into its own file of DIR.
toml_blocks() {
  awk -v out="$2/${1//\//-}" '/^```toml$/ {n++; on=1; next} /^```$/ {on=0} on {print > (out "-" n ".toml")}' "$1"
}

texts=(../fixtures/*.txt ../fixtures/crafted/*.txt ../fixtures/crafted/*/*.txt ../fixtures/typography/*.md)
tomls=$(mktemp -d)
trap 'rm -rf "$tomls"' EXIT
(cd .. && toml_blocks README.md "$tomls" && toml_blocks rules/README.md "$tomls")
cp ../rules/typography.toml "$tomls/"

for target in "${targets[@]}"; do
  corpus=corpus/$target
  case $target in
    config | pack) seed "$corpus" "$tomls"/*.toml; dict=dict/toml.dict ;;
    *) seed "$corpus" "${texts[@]}"; dict=dict/text.dict ;;
  esac
  if [[ $target == lint_auto ]]; then # the real resolutions as an old Windows export writes them
    for file in ../fixtures/A_RES_*.txt; do
      iconv -f UTF-8 -t WINDOWS-1252//TRANSLIT "$file" > "$corpus/$(basename "$file").cp1252" || true
    done
  fi
  regressions=(../tests/data/fuzz/"$target"/*)
  [[ -e ${regressions[0]} ]] && seed "$corpus" "${regressions[@]}"
  # A loaded pack leaks its ids and docs on purpose (they live as long as the run): no leak
  # to report there.
  leaks=1; [[ $target == pack ]] && leaks=0
  echo "fuzz: $target for ${seconds}s"
  ASAN_OPTIONS=detect_leaks=$leaks cargo +nightly fuzz run "$target" "$PWD/$corpus" -- \
    -max_total_time="$seconds" -seed=1 -dict="$PWD/$dict" -detect_leaks=$leaks \
    -max_len=65536 -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
done

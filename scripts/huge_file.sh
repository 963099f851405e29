#!/usr/bin/env bash
# Checks then fixes a generated resolution of about 1 GB (tests/huge_file.rs, ignored by a
# plain `cargo test`), release build: prints each run's wall time, MB/s and peak RSS. The
# file lives in a temporary folder under target/tmp, removed when the test ends.
#
#   scripts/huge_file.sh
#
# Needs about 3 GB of free disk and 8 GB of memory (the generator holds the text too).
set -euo pipefail
cd "$(dirname "$0")/.."

free_gb=$(df -BG --output=avail target 2>/dev/null | tail -1 | tr -dc 0-9 || echo 0)
if [ "${free_gb:-0}" -lt 3 ]; then
  echo "huge_file.sh: ${free_gb} GB free under target/, 3 needed" >&2
  exit 1
fi
cargo test --release --test huge_file -- --ignored --nocapture

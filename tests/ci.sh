#!/usr/bin/env bash
# The binary as a CI job runs it: `--format github` on a fixture with an error exits 1 and
# annotates it; on a clean one it exits 0 and prints nothing. Run by tests/ci.rs, from the
# repository root, with COQUILLE set to the binary.
set -u
coquille=${COQUILLE:?set COQUILLE to the coquille binary}
failures=0

expect() { # expect CODE DESCRIPTION -- ARGS...
    local code=$1 what=$2
    shift 3
    "$coquille" "$@" >"$out" 2>&1
    local got=$?
    if [ "$got" -ne "$code" ]; then
        echo "FAIL: $what: exit $got, expected $code"
        cat "$out"
        failures=$((failures + 1))
    fi
}

out=$(mktemp)
trap 'rm -f "$out"' EXIT

expect 1 "an error fails the job" -- check --format github fixtures/crafted/footnote-duplicate.txt
grep -q '^::error file=fixtures/crafted/footnote-duplicate.txt,line=36,col=1,endLine=36,endColumn=2,title=footnote-duplicate::' "$out" ||
    { echo "FAIL: no ::error annotation"; cat "$out"; failures=$((failures + 1)); }

expect 0 "a clean resolution passes" -- check --format github fixtures/A_RES_66_152.txt --select structure
[ -s "$out" ] && { echo "FAIL: output on a clean file"; cat "$out"; failures=$((failures + 1)); }

expect 0 "a warning passes" -- check --format github fixtures/crafted/footnote-order.txt --select structure
expect 1 "a warning fails with --deny-warnings" -- check --format github --deny-warnings fixtures/crafted/footnote-order.txt --select structure
expect 2 "an unknown rule is a usage error" -- check --format github --select nonsense fixtures/

config=$(mktemp)
trap 'rm -f "$out" "$config"' EXIT
printf 'spacing = "wide"\n' >"$config"
expect 2 "a bad coquille.toml is a configuration error" -- check --format github --config "$config" fixtures/A_RES_66_152.txt
grep -q 'spacing' "$out" || { echo "FAIL: the bad value is not named"; cat "$out"; failures=$((failures + 1)); }

if [ "$failures" -eq 0 ]; then echo "ci.sh: all passed"; fi
exit $((failures > 0))

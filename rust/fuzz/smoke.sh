#!/usr/bin/env bash
# Fuzz smoke test: run every cargo-fuzz target in this directory for N
# seconds each (N = $1, default 30); exit non-zero if any target crashes.
#
# Only a stable toolchain is available, so RUSTC_BOOTSTRAP=1 lets rustc take
# the nightly flags that cargo-fuzz passes (-Zsanitizer=address and the
# sanitizer-coverage options). Crashing inputs are left in artifacts/<target>/.
set -euo pipefail

secs="${1:-30}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

export RUSTC_BOOTSTRAP=1
cargo fuzz build --fuzz-dir .

for target in $(cargo fuzz list --fuzz-dir .); do
    echo "== fuzz: $target for ${secs}s"
    if ! cargo fuzz run --fuzz-dir . "$target" -- -max_total_time="$secs" 2>"target/$target.log"; then
        tail -n 60 "target/$target.log" >&2
        echo "== fuzz: $target FAILED (crash input in artifacts/$target/)" >&2
        exit 1
    fi
    grep -E '^Done [0-9]+ runs' "target/$target.log" || true
done
echo "== fuzz: all targets ran ${secs}s without a crash"

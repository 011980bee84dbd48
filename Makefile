# mars: make | make test | make bench | make check | make stress | make fuzz-smoke
CARGO ?= cargo
FUZZ_SECONDS ?= 30

.PHONY: all build test bench stress check fmt fuzz-smoke test-piers clean

all: build

build:
	$(CARGO) build --release --workspace

# The test command (README, CI). Release mode: the workloads are real.
# (Deep-recursion tests run themselves on 256 KiB thread stacks: Nock depth
# must never use the Rust stack.)
test:
	$(CARGO) test --release --workspace

bench: build
	$(CARGO) run --release -p mars-bench
	$(CARGO) bench -p mars-serial
	$(CARGO) bench -p mars-jets

# The memory-design proof: 20 GB allocated, 500 MB live, peak RSS < 2 GB.
stress:
	$(CARGO) run --release -p mars-bench -- stress

check:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

fmt:
	$(CARGO) fmt --all

# Regenerate test-piers/ (piers of our own toy kernels, with expected mugs).
test-piers:
	$(CARGO) run --release -p mars-serf --example make_test_piers -- test-piers
	find test-piers -name lock.mdb -delete

fuzz-smoke:
	bash rust/fuzz/smoke.sh $(FUZZ_SECONDS)

clean:
	$(CARGO) clean

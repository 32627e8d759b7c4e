# shellcheck shell=bash
# Shared by scripts/*: the repo root, tool versions and a timed step.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

TRUNK_VERSION=0.21.14 # 0.22 needs a newer rustc than this machine's
GECKODRIVER_VERSION=0.37.1 # drives Firefox for the tests (scripts/setup test)
LEPTOSFMT_VERSION=0.1.33 # formats view! for scripts/test (leptosfmt.toml)
# wasm-bindgen-cli must be exactly the wasm-bindgen crate that Cargo.lock resolves.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)

# Trunk finds wasm-opt (npm binaryen 132) and wasm-bindgen on PATH; never Debian's binaryen.
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback

# step NAME CMD...: run CMD, print its wall time, return its status.
step() {
  local name=$1; shift
  echo "==> $name"
  local t0=$SECONDS rc=0
  "$@" || rc=$?
  if [ "$rc" = 0 ]; then echo "<== $name: $((SECONDS - t0))s"; else echo "<== $name: FAILED (exit $rc) after $((SECONDS - t0))s"; fi
  return "$rc"
}

# The release wasm is built with nightly for size: std rebuilt for size (build-std),
# panics abort at once (public/crash.js speaks for them), no Debug formatting or panic
# locations, Leptos components type-erased. Tests and clippy use stable.
# A dated nightly, installed by scripts/setup: an unpinned `nightly` would be another
# compiler next month (this one is rustc 1.97.0-nightly e50aa6fba 2026-05-19).
RELEASE_TOOLCHAIN=nightly-2026-05-20
release_env() {
  export RUSTUP_TOOLCHAIN=$RELEASE_TOOLCHAIN
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none"
  export CARGO_TARGET_DIR="$ROOT/target/release-wasm"
}

# The release app with a generated ladder of 50 levels (scripts/ladder50.mjs, written to
# target/ladder50) in place of ladders/, in dist-ladder50/ and its own target dir so
# that neither build undoes the other: the size test and benches/firstpaint.mjs measure
# what the size of a ladder costs. Generating again rewrites nothing that is unchanged.
# The linter must find no error in it (the build would embed a ladder with errors).
build_ladder50() {
  node scripts/ladder50.mjs target/ladder50 &&
    cargo run --offline --locked --quiet --bin ladder -- check target/ladder50 &&
    (release_env && RUNGS_LADDERS=target/ladder50 CARGO_TARGET_DIR="$ROOT/target/release-wasm-ladder50" \
      trunk build --release --offline --locked --dist dist-ladder50)
}

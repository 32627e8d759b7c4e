# shellcheck shell=bash
# Shared by scripts/*: the repo root, tool versions and a timed step.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

TRUNK_VERSION=0.21.14 # 0.22 needs a newer rustc than this machine's
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

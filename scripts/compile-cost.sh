#!/usr/bin/env bash
# The compile cost of twill-api, whose endpoints are declared with #[endpoint], with the
# products of TWILL_FEATURES (default: every product, the features of `full`, 1,447
# endpoints):
#  - its build time with dependencies prebuilt, clean and after touching one endpoint
#    file, and the `cargo check` time after that touch;
#  - the same for a copy of the crate with every #[endpoint] already expanded (by
#    scripts/expand-endpoints, which runs the macro's own code) and checked in as plain
#    Rust: the macro's cost is the difference (target: at most 1.25x);
#  - the time the macro itself spends expanding the declarations.
# Usage: bash scripts/compile-cost.sh [runs]   (default 3; medians are printed)
#        TWILL_FEATURES=conversations-v1 bash scripts/compile-cost.sh   (one product)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-3}
work=target/compile-cost
products=$(sed -n '/^full = \[/,/^\]/p' api/Cargo.toml | grep -o '"[a-z0-9-]*"' | tr -d '"' | tr '\n' ' ')
feature_flags=(--no-default-features --features "${TWILL_FEATURES:-$products}")
# The declarations the features compile: those of each enabled product's directory
# (`ip-messaging-v2` is api/src/ip_messaging/v2, `iam-organizations` api/src/iam/organizations,
# `preview` api/src/preview; Conversations v1's families all count: the default set
# turns them all on).
endpoints=0
for feature in ${TWILL_FEATURES:-$products}; do
    case "$feature" in
        *-*) product=${feature%-*} version=${feature##*-} dir="api/src/${product//-/_}/$version" ;;
        *) dir="api/src/$feature" ;;
    esac
    # (A product without operations, IAM SCIM, has no match: grep's status 1 is fine.)
    [ -d "$dir" ] && endpoints=$((endpoints + $({ grep -rh '^#\[endpoint' "$dir" || true; } | wc -l)))
done

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
# Seconds taken by a command, quiet.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

# twill-api's [features] table, resource families included, for the expanded copy.
features() { sed -n '/^\[features\]/,/^\[/p' api/Cargo.toml | sed '$d'; }

echo "== preparing: the expander, the expanded copy, and every dependency"
cargo build -q --manifest-path scripts/expand-endpoints/Cargo.toml \
    --target-dir target/expand-endpoints
rm -rf "$work/expanded"
mkdir -p "$work/expanded"
# The expander is a debug build, as rustc runs proc macros.
target/expand-endpoints/debug/expand-endpoints api/src "$work/expanded/src" | tee "$work/expansion.txt"
cp Cargo.lock "$work/expanded/"
cat > "$work/expanded/Cargo.toml" <<TOML
[package]
name = "twill-api-expanded"
version = "0.1.0"
edition = "2024"
publish = false

[lib]
name = "twill_api"

[workspace]

$(features)

[dependencies]
serde = { version = "1.0.200", features = ["derive"] }
serde_json = "1.0.120"
twill-runtime = { path = "../../../runtime" }
TOML
expanded_at=(--manifest-path "$work/expanded/Cargo.toml" --target-dir "$work/target")
expanded=("${expanded_at[@]}" "${feature_flags[@]}")
cargo build -q -p twill-api "${feature_flags[@]}"
cargo check -q -p twill-api "${feature_flags[@]}"
cargo build -q "${expanded[@]}"
# The copy must be the same crate: a feature or cfg it lost would compile code out.
if cargo check "${expanded[@]}" 2>&1 | grep -q '^warning'; then
    cargo check "${expanded[@]}"
    echo "the expanded copy has warnings: it does not match twill-api" >&2
    exit 1
fi

clean_macro=() clean_expanded=() touch_macro=() touch_expanded=() check_macro=() check_expanded=()
for run in $(seq "$runs"); do
    echo "== run $run of $runs"
    cargo clean -q -p twill-api
    clean_macro+=("$(seconds cargo build -p twill-api "${feature_flags[@]}")")
    cargo clean -q -p twill-api-expanded "${expanded_at[@]}"
    clean_expanded+=("$(seconds cargo build "${expanded[@]}")")
    touch api/src/conversations/v1/conversation.rs
    touch_macro+=("$(seconds cargo build -p twill-api "${feature_flags[@]}")")
    touch "$work/expanded/src/conversations/v1/conversation.rs"
    touch_expanded+=("$(seconds cargo build "${expanded[@]}")")
    # An incremental check: checked once, touched, checked again.
    cargo check -q -p twill-api "${feature_flags[@]}"
    touch api/src/conversations/v1/conversation.rs
    check_macro+=("$(seconds cargo check -p twill-api "${feature_flags[@]}")")
    cargo check -q "${expanded[@]}"
    touch "$work/expanded/src/conversations/v1/conversation.rs"
    check_expanded+=("$(seconds cargo check "${expanded[@]}")")
done

m() { printf '%s\n' "$@" | median; }
cm=$(m "${clean_macro[@]}") ce=$(m "${clean_expanded[@]}")
tm=$(m "${touch_macro[@]}") te=$(m "${touch_expanded[@]}")
km=$(m "${check_macro[@]}") ke=$(m "${check_expanded[@]}")
ratio() { echo "scale=3; $1 / $2" | bc; }
per_op() { echo "scale=1; $1 * 1000 / $endpoints" | bc; }
echo
echo "machine: $(nproc) cores; medians of $runs runs; dependencies prebuilt; dev profile"
echo "features: ${TWILL_FEATURES:-$products} ($endpoints endpoints)"
echo "macro expansion alone: $(cat "$work/expansion.txt")"
echo "clean build of twill-api:       ${cm} s ($(per_op "$cm") ms per endpoint)"
echo "clean build, expanded copy:     ${ce} s ($(per_op "$ce") ms per endpoint)"
echo "ratio macro / expanded (clean): $(ratio "$cm" "$ce") (target <= 1.25)"
echo "build after touching one file:  ${tm} s (expanded copy: ${te} s, ratio $(ratio "$tm" "$te"))"
echo "cargo check after that touch:   ${km} s (expanded copy: ${ke} s, ratio $(ratio "$km" "$ke"))"

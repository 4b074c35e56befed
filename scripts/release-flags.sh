# The flags of every release build of pdpcheck (sourced by demo.sh and the benchmark scripts).
#
# The Swift runtime and Foundation are linked statically: the dynamic loader no longer resolves
# tens of thousands of symbols at every start, which took a third of a short run's CPU (an empty
# `pdpcheck fix` went from ~30 to ~20 ms; fixing 1,080 small photos, ~8 % less wall time). The
# binary also runs on a machine without the Swift runtime. lld links it: GNU ld prints a warning
# about Foundation's own use of mktemp on every static link.
RELEASE_FLAGS=(-c release --static-swift-stdlib)
if command -v ld.lld >/dev/null 2>&1; then RELEASE_FLAGS+=(-Xswiftc -use-ld=lld); fi

#!/usr/bin/env bash
# RSS per idle stream on one instance (issue 23's target: at 5,000 streams), for one published build.
#   bench/idle-rss.sh PUBLISH_DIR [RESULTS_FILE]
# A fresh instance (no Redis) on SERVER_CPUS (0), Healthy, then `idle` from the bench on LOAD_CPUS (1):
# STREAMS (5000) /two pages held HOLD (30) s; rss_per_stream_kib = (RSS held - RSS before opening) / opened.
# Run it for the build before and the build after, one after the other, to compare.
set -uo pipefail
[ $# -ge 1 ] || { echo "usage: bench/idle-rss.sh PUBLISH_DIR [RESULTS_FILE]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
app=$(realpath "$1"); results=$(realpath -m "${2:-$here/RESULTS.md}")
STREAMS=${STREAMS:-5000}; HOLD=${HOLD:-30}; SERVER_CPUS=${SERVER_CPUS:-0}; LOAD_CPUS=${LOAD_CPUS:-1}
out=${OUT:-/tmp/rz-idle-rss}; port=5594
rm -rf "$out"; mkdir -p "$out"
dotnet build "$here/Remandzana.Bench" -c Release -o "$out/bench" >"$out/bench-build.log" 2>&1 || { echo "the bench did not build: $out/bench-build.log" >&2; exit 1; }
ulimit -n 20000
export Remandzana__Limits__PerAddressLimitsEnabled=false DOTNET_CLI_TELEMETRY_OPTOUT=1
pid=$(cd "$app" || exit 1; env Remandzana__KeyRing__Directory="$out/keys" Remandzana__Backplane__SiloPort=11394 \
  taskset -c "$SERVER_CPUS" dotnet Remandzana.Web.dll --urls "http://127.0.0.1:$port" >"$out/instance.log" 2>&1 </dev/null & echo $!)
trap 'kill $pid 2>/dev/null; for _ in $(seq 1 300); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done; kill -KILL $pid 2>/dev/null; true' EXIT
trap 'exit 130' INT TERM
for _ in $(seq 1 1200); do [ "$(curl -s --max-time 2 "http://127.0.0.1:$port/healthz" || true)" = Healthy ] && break; sleep 0.1; done
(cd "$out/bench" && taskset -c "$LOAD_CPUS" dotnet Remandzana.Bench.dll idle --base "http://127.0.0.1:$port" --server-pid "$pid" \
  --streams "$STREAMS" --hold "$HOLD" --label "idle-rss: one instance, $STREAMS streams, fresh; server on core $SERVER_CPUS, bench on $LOAD_CPUS" \
  --results "$results") | grep -E '^(opened|failures|rss_before_mib|rss_held_mib|rss_per_stream_kib|cores_per_1000_streams|results):'

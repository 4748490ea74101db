#!/usr/bin/env bash
# One instance, two builds alternating twice: short and long texts, warm (the single-instance rows of line-path.sh, repeated).
#   bench/alone-again.sh BEFORE_PUBLISH_DIR AFTER_PUBLISH_DIR [RESULTS_FILE]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
declare -A dirs=([before]=$(realpath "$1") [after]=$(realpath "$2"))
R=$(realpath -m "${3:-$here/RESULTS.md}"); bd=/tmp/rz-bench
dotnet build "$here/Remandzana.Bench" -c Release -o $bd >/dev/null
ulimit -n 20000
export Remandzana__Limits__PerAddressLimitsEnabled=false DOTNET_CLI_TELEMETRY_OPTOUT=1
bench() { (cd $bd && taskset -c 1 dotnet Remandzana.Bench.dll "$@" --results "$R"); }
for round in 1 2; do for build in before after; do
  dir=${dirs[$build]}
  pid=$(cd $dir; env Remandzana__KeyRing__Directory=/tmp/rz-alone-keys-$build Remandzana__Backplane__SiloPort=11295 taskset -c 0 dotnet Remandzana.Web.dll --urls http://127.0.0.1:5495 >/tmp/rz-alone.log 2>&1 </dev/null & echo $!)
  for _ in $(seq 1 600); do [ "$(curl -s http://127.0.0.1:5495/healthz || true)" = Healthy ] && break; sleep 0.1; done
  bench pairs --base http://127.0.0.1:5495 --server-pid $pid --pairs 300 --messages 10 --rate 1 --warmup-seconds 20 --no-record >/dev/null
  for len in 0 48; do
    bench pairs --base http://127.0.0.1:5495 --server-pid $pid --pairs 300 --messages 20 --rate 1 --warmup-seconds 20 --message-length $len --label "$build: alone again, round $round, warm, length $len" >/dev/null
  done
  kill $pid; while kill -0 $pid 2>/dev/null; do sleep 0.1; done
done; done

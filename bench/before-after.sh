#!/usr/bin/env bash
# Before/after in one run on one machine: two published builds of the app, measured back to back
# with the same bench build (server on core 0, bench on core 1), every row labelled with its build.
#   bench/before-after.sh BEFORE_PUBLISH_DIR AFTER_PUBLISH_DIR [RESULTS_FILE]
# Figures: single-instance pairs at 1,000 msg/s (CPU per message, p99), 10,000 idle streams
# (CPU and RSS per stream), two instances on one redis-server (cross-instance p99), and the
# time from process start to /healthz Healthy.
set -euo pipefail
before=$(realpath -m "$1"); after=$(realpath "$2"); results=$(realpath -m "${3:-bench/RESULTS.md}")
here=$(cd "$(dirname "$0")" && pwd)
dotnet build "$here/Remandzana.Bench" -c Release -o /tmp/rz-bench >/dev/null
bench() { (cd /tmp/rz-bench && taskset -c 1 dotnet Remandzana.Bench.dll "$@" --results "$results"); }
ulimit -n 20000
export Remandzana__Limits__PerAddressLimitsEnabled=false DOTNET_CLI_TELEMETRY_OPTOUT=1

wait_healthy() { # url → prints milliseconds from $2 (ns) until Healthy or Degraded-free
  for _ in $(seq 1 600); do
    [ "$(curl -s "$1/healthz" || true)" = "Healthy" ] && { echo $(( ($(date +%s%N) - $2) / 1000000 )); return; }
    sleep 0.05
  done; echo "never"; }

start() { # dir port [env...] → pid
  local dir=$1 port=$2; shift 2
  (cd "$dir"; env "$@" taskset -c 0 dotnet Remandzana.Web.dll --urls "http://127.0.0.1:$port" >"/tmp/rz-$port.log" 2>&1 </dev/null & echo $!)
}

# BEFORE may be "-" to measure the after build alone (a quick check while working; no comparison).
builds="before after"; [ "$1" = "-" ] && builds=after
for build in $builds; do
  dir=$before; [ $build = after ] && dir=$after
  t0=$(date +%s%N); pid=$(start "$dir" 5390 Remandzana__KeyRing__Directory=/tmp/rz-keys-$build Remandzana__Backplane__SiloPort=11191 Remandzana__Backplane__GatewayPort=30091)
  echo "$build: start to Healthy $(wait_healthy http://127.0.0.1:5390 "$t0") ms (fresh)"
  ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
  sleep 5; c0=$(ticks "$pid"); sleep 30; c1=$(ticks "$pid")
  echo "$build: idle server with nobody connected: $(( (c1 - c0) * 1000 / 30 / $(getconf CLK_TCK) )) ms CPU per second"
  bench pairs --base http://127.0.0.1:5390 --server-pid "$pid" --pairs 500 --messages 30 --rate 1 --warmup-seconds 60 --label "$build-warm"
  bench idle --base http://127.0.0.1:5390 --server-pid "$pid" --streams 10000 --hold 30 --label "$build-warm"
  kill "$pid"; wait "$pid" 2>/dev/null || true

  redis-server --port 6390 --bind 127.0.0.1 --save '' --appendonly yes --appendfsync everysec --dir /tmp --appendfilename "rz-$build.aof" --daemonize yes >/dev/null
  a=$(start "$dir" 5391 Remandzana__Backplane__Redis=127.0.0.1:6390 Remandzana__Backplane__KeyPrefix=rz$build Remandzana__Backplane__SiloPort=11192 Remandzana__Backplane__GatewayPort=30092 Remandzana__Backplane__AdvertisedAddress=127.0.0.1 Remandzana__Backplane__InstanceName=a)
  b=$(start "$dir" 5392 Remandzana__Backplane__Redis=127.0.0.1:6390 Remandzana__Backplane__KeyPrefix=rz$build Remandzana__Backplane__SiloPort=11193 Remandzana__Backplane__GatewayPort=30093 Remandzana__Backplane__AdvertisedAddress=127.0.0.1 Remandzana__Backplane__InstanceName=b)
  wait_healthy http://127.0.0.1:5391 "$(date +%s%N)" >/dev/null; wait_healthy http://127.0.0.1:5392 "$(date +%s%N)" >/dev/null
  bench pairs --base http://127.0.0.1:5391,http://127.0.0.1:5392 --pairs 500 --messages 30 --rate 1 --post-to own --server-pid "$a,$b" --label "$build: 2 instances + redis on core 0, post to own (every delivery crosses)"
  kill "$a" "$b"; wait "$a" "$b" 2>/dev/null || true
  redis-cli -p 6390 shutdown nosave >/dev/null || true
  rm -f /tmp/rz-$build.aof*; rm -rf /tmp/appendonlydir
done

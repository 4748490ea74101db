#!/usr/bin/env bash
# Issue 16 in one run on one machine: two published builds back to back (server on core 0, bench
# on core 1), each row labelled with its build, then the bare floor.
#   bench/send-path.sh BEFORE_PUBLISH_DIR AFTER_PUBLISH_DIR [RESULTS_FILE] [PERF_DIR]
# Per build: start to /healthz Healthy; 400 pairs at 800 msg/s timed for 30 s after a 3-second
# warm-up on the just-started server (fresh; FRESH_STARTS starts, 3 by default); CPU per message at 1,000 msg/s after 60 s of
# warm-up; then the fresh run's command again on that server (warm); 500 pairs at 2,000 to 6,000 msg/s
# (the per-person send limit raised for these); 10,000 idle streams for 30 s. Then the bare floor: idle, 1,000 msg/s and 4,000 to 6,000 msg/s. With PERF_DIR, the
# fresh phase is recorded with perf (and the server runs with DOTNET_PerfMapEnabled=1 and
# DOTNET_EnableWriteXorExecute=0 so that compiled code has names: that changes start-up costs, so
# take the figures from a run without it).
set -euo pipefail
before=$(realpath "$1"); after=$(realpath "$2"); results=$(realpath -m "${3:-bench/RESULTS.md}"); perfdir=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
dotnet build "$here/Remandzana.Bench" -c Release -o /tmp/rz-bench >/dev/null
bench() { (cd /tmp/rz-bench && taskset -c 1 dotnet Remandzana.Bench.dll "$@" --results "$results"); }
ulimit -n 20000
export Remandzana__Limits__PerAddressLimitsEnabled=false Remandzana__Limits__SendPerSecond=10 Remandzana__Limits__SendBurst=20 DOTNET_CLI_TELEMETRY_OPTOUT=1

stop() { kill "$1"; while kill -0 "$1" 2>/dev/null; do sleep 0.1; done; } # the server is not this shell's child: wait cannot see it end

wait_healthy() { # url start-ns → milliseconds until Healthy
  for _ in $(seq 1 1200); do
    [ "$(curl -s "$1/healthz" || true)" = "Healthy" ] && { echo $(( ($(date +%s%N) - $2) / 1000000 )); return; }
    sleep 0.05
  done; echo "never"; }

# BUILDS=after (or before) measures one build alone; NO_FLOOR=1 leaves the floor out (to finish a run that a neighbour disturbed).
for build in ${BUILDS:-before after}; do
  dir=$before; [ $build = after ] && dir=$after
  # The first 30 s after Healthy vary from start to start: FRESH_STARTS of them, the last one goes on to the warm phases.
  for start in $(seq 1 "${FRESH_STARTS:-3}"); do
    [ "$start" = 1 ] || stop "$pid"
    rm -rf "/tmp/rz-keys-$build"
    t0=$(date +%s%N)
    profiling=(); [ -n "$perfdir" ] && profiling=(DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0)
    pid=$(cd "$dir"; env "${profiling[@]}" Remandzana__KeyRing__Directory=/tmp/rz-keys-$build taskset -c 0 dotnet Remandzana.Web.dll --urls http://127.0.0.1:5390 >"/tmp/rz-5390-$build.log" 2>&1 </dev/null & echo $!)
    echo "$build: start to Healthy $(wait_healthy http://127.0.0.1:5390 "$t0") ms (fresh $start)"
    if [ -n "$perfdir" ]; then mkdir -p "$perfdir"; perf record -F 499 -g -p "$pid" -o "$perfdir/$build-fresh-$start.data" -- sleep 34 >/dev/null 2>&1 & fi
    bench pairs --base http://127.0.0.1:5390 --server-pid "$pid" --pairs 400 --messages 30 --rate 1 --warmup-seconds 3 --label "$build-fresh-$start"
    wait
  done
  bench pairs --base http://127.0.0.1:5390 --server-pid "$pid" --pairs 500 --messages 30 --rate 1 --warmup-seconds 60 --label "$build-warm-1000"
  bench pairs --base http://127.0.0.1:5390 --server-pid "$pid" --pairs 400 --messages 30 --rate 1 --warmup-seconds 3 --label "$build-warm-800"
  for rate in 2 3 4 5 6; do
    bench pairs --base http://127.0.0.1:5390 --server-pid "$pid" --pairs 500 --messages $((rate * 20)) --rate $rate --warmup-seconds 10 --label "$build-warm-$((rate * 1000))"
  done
  stop "$pid"
  pid=$(cd "$dir"; env Remandzana__KeyRing__Directory=/tmp/rz-keys-$build taskset -c 0 dotnet Remandzana.Web.dll --urls http://127.0.0.1:5390 >>"/tmp/rz-5390-$build.log" 2>&1 </dev/null & echo $!)
  wait_healthy http://127.0.0.1:5390 "$(date +%s%N)" >/dev/null
  bench pairs --base http://127.0.0.1:5390 --server-pid "$pid" --pairs 500 --messages 10 --rate 1 --warmup-seconds 20 --no-record
  bench idle --base http://127.0.0.1:5390 --server-pid "$pid" --streams 10000 --hold 30 --label "$build-warm"
  stop "$pid"
done
[ "${NO_FLOOR:-0}" = 1 ] && exit 0
bench floor --server-cpus 0 --port 5391 --streams 10000 --hold 30 --pairs 500 --messages 30 --rate 1 --label floor
# The floor's own rate ladder, on a floor server that has served 1,000 msg/s for 20 s first.
pid=$(cd /tmp/rz-bench; taskset -c 0 dotnet Remandzana.Bench.dll floor-server --port 5391 >/tmp/rz-floor.log 2>&1 </dev/null & echo $!)
until curl -s -o /dev/null http://127.0.0.1:5391/up; do sleep 0.1; done
bench pairs --base http://127.0.0.1:5391 --server-pid "$pid" --pairs 500 --messages 10 --rate 1 --warmup-seconds 20 --no-record
for rate in 4 5 6; do
  bench pairs --base http://127.0.0.1:5391 --server-pid "$pid" --pairs 500 --messages $((rate * 20)) --rate $rate --warmup-seconds 10 --label "floor-$((rate * 1000))"
done
stop "$pid"

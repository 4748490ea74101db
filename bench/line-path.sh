#!/usr/bin/env bash
# Issue 23.5, first step, in one run: one line's cost alone and scaled out (two instances on one
# redis-server), long texts (48 characters, which pay the echo count) against short ones.
#   bench/line-path.sh PUBLISH_DIR [RESULTS_FILE]
# Timed rows: 300 pairs x 20 messages at 1/s per side, warm. Counted windows: 100 pairs at 1/s per
# side, Orleans' and the runtime's counters (dotnet-counters) and Redis's commandstats over 20 s,
# minus 10 s idle, in OUT (/tmp/rz-line-path). Needs dotnet-counters in /tmp/bench-tools
# (dotnet tool install --tool-path /tmp/bench-tools dotnet-counters) and redis-server.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
app=$(realpath "$1"); results=$(realpath -m "${2:-$here/RESULTS.md}")
benchdir=/tmp/rz-bench; out=/tmp/rz-line-path; counters=/tmp/bench-tools/dotnet-counters
mkdir -p $out
dotnet build "$here/Remandzana.Bench" -c Release -o $benchdir >/dev/null
ulimit -n 20000
export Remandzana__Limits__PerAddressLimitsEnabled=false DOTNET_CLI_TELEMETRY_OPTOUT=1
bench() { (cd $benchdir && taskset -c 1 dotnet Remandzana.Bench.dll "$@" --results "$results"); }
healthy() { for _ in $(seq 1 600); do [ "$(curl -s "$1/healthz" || true)" = Healthy ] && return; sleep 0.1; done; echo "never healthy: $1"; }
start() { local port=$1; shift; (cd $app; env "$@" taskset -c 0 dotnet Remandzana.Web.dll --urls "http://127.0.0.1:$port" >"$out/srv-$port.log" 2>&1 </dev/null & echo $!); }
stop() { for p in "$@"; do kill "$p"; done; for p in "$@"; do while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; done; }
cmdstats() { redis-cli -p 6490 info commandstats | tr -d '\r' | grep '^cmdstat' | sed 's/^cmdstat_\([^:]*\):calls=\([0-9]*\).*/\1 \2/'; }
# counted NAME PIDS BENCH-ARGS...: a steady bench run of 100 pairs at 1 msg/s per side (200 msg/s); Orleans' counters
# (every pid) and Redis's commandstats over a 20 s window in its middle, and the same window idle before it.
counted() {
  local name=$1 pids=$2; shift 2
  local cps=()
  for p in ${pids//,/ }; do $counters collect -p $p --counters Microsoft.Orleans,System.Runtime --format csv -o "$out/k-$name-idle-$p.csv" --refresh-interval 1 --duration 00:00:00:10 >/dev/null 2>&1 & cps+=($!); done
  [ "$redis" = 1 ] && cmdstats > "$out/s-$name-idle-before.txt"
  wait "${cps[@]}"; cps=()
  [ "$redis" = 1 ] && cmdstats > "$out/s-$name-idle-after.txt"
  bench pairs "$@" --pairs 100 --messages 55 --rate 1 --warmup-seconds 0 --no-record > "$out/d-$name.txt" 2>&1 &
  local run=$!
  sleep 25
  for p in ${pids//,/ }; do $counters collect -p $p --counters Microsoft.Orleans,System.Runtime --format csv -o "$out/k-$name-busy-$p.csv" --refresh-interval 1 --duration 00:00:00:20 >/dev/null 2>&1 & cps+=($!); done
  [ "$redis" = 1 ] && cmdstats > "$out/s-$name-busy-before.txt"
  wait "${cps[@]}"
  [ "$redis" = 1 ] && cmdstats > "$out/s-$name-busy-after.txt"
  wait $run
  echo "== $name: $(grep -E '^(sent|delivered|lost|sent_per_s|latency_p50_ms|latency_p99_ms):' "$out/d-$name.txt" | tr '\n' ' ')"
}
PAIRS=${PAIRS:-300}; MSGS=${MSGS:-20}; WARM=${WARM:-20}
# BUILD names the build in every row's label (before/after runs of one session); COUNTED=0 skips the counted windows.
BUILD=${BUILD:+$BUILD: }; COUNTED=${COUNTED:-1}

# ---- one instance (no Redis) ----
redis=0
a=$(start 5490 Remandzana__KeyRing__Directory=$out/keys Remandzana__Backplane__SiloPort=11291 Remandzana__Backplane__GatewayPort=30291)
healthy http://127.0.0.1:5490
bench pairs --base http://127.0.0.1:5490 --server-pid $a --pairs $PAIRS --messages 10 --rate 1 --warmup-seconds 20 --no-record >/dev/null  # warm the server (JIT)
for len in 48 0; do
  bench pairs --base http://127.0.0.1:5490 --server-pid $a --pairs $PAIRS --messages $MSGS --rate 1 --warmup-seconds $WARM --message-length $len --label "${BUILD}line-path alone, warm, length $len; server on core 0, bench on core 1"
done
[ "$COUNTED" = 1 ] && for len in 48 0; do
  counted "alone-$len" $a --base http://127.0.0.1:5490 --message-length $len
done
stop $a

# ---- two instances on one redis-server ----
redis=1
redis-server --port 6490 --bind 127.0.0.1 --save '' --appendonly yes --appendfsync everysec --dir $out --appendfilename rz-line-path.aof --daemonize yes >/dev/null
common=(Remandzana__Backplane__Redis=127.0.0.1:6490 Remandzana__Backplane__KeyPrefix=rzline Remandzana__Backplane__AdvertisedAddress=127.0.0.1 Remandzana__KeyRing__Directory=$out/keys2)
a=$(start 5491 "${common[@]}" Remandzana__Backplane__SiloPort=11292 Remandzana__Backplane__GatewayPort=30292 Remandzana__Backplane__InstanceName=a)
b=$(start 5492 "${common[@]}" Remandzana__Backplane__SiloPort=11293 Remandzana__Backplane__GatewayPort=30293 Remandzana__Backplane__InstanceName=b)
healthy http://127.0.0.1:5491; healthy http://127.0.0.1:5492
two=(--base http://127.0.0.1:5491,http://127.0.0.1:5492 --server-pid $a,$b)
bench pairs "${two[@]}" --pairs $PAIRS --messages 10 --rate 1 --warmup-seconds 20 --no-record >/dev/null  # warm both
for post in own next; do for len in 48 0; do
  bench pairs "${two[@]}" --pairs $PAIRS --messages $MSGS --rate 1 --warmup-seconds $WARM --message-length $len --post-to $post --label "${BUILD}line-path 2 instances + redis on core 0, warm, post to $post, length $len"
done; done
[ "$COUNTED" = 1 ] && for post in own next; do for len in 48 0; do
  counted "two-$post-$len" $a,$b "${two[@]}" --message-length $len --post-to $post
done; done
stop $a $b
redis-cli -p 6490 shutdown nosave >/dev/null
rm -rf $out/appendonlydir

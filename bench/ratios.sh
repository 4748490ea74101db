#!/usr/bin/env bash
# Issue 23's CPU targets in one run: one instance for two builds (before, after), then two instances
# (after) posting to own and to next, long (48) and short texts. Each server is warmed twice
# (300 pairs x 10 messages, plus each row's own 20 s of untimed messages), since a two-instance
# server still compiles hot methods (tiered JIT) well after the line-path warm-up.
#   bench/ratios.sh BEFORE_PUBLISH_DIR AFTER_PUBLISH_DIR [RESULTS_FILE]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
declare -A dirs=([before]=$(realpath "$1") [after]=$(realpath "$2"))
R=$(realpath -m "${3:-$here/RESULTS.md}"); bd=/tmp/rz-bench; out=/tmp/rz-ratios
mkdir -p $out
dotnet build "$here/Remandzana.Bench" -c Release -o $bd >/dev/null
ulimit -n 20000
export Remandzana__Limits__PerAddressLimitsEnabled=false DOTNET_CLI_TELEMETRY_OPTOUT=1
bench() { (cd $bd && taskset -c 1 dotnet Remandzana.Bench.dll "$@" --results "$R"); }
healthy() { for _ in $(seq 1 600); do [ "$(curl -s "$1/healthz" || true)" = Healthy ] && return; sleep 0.1; done; echo "never healthy: $1"; }
start() { local dir=$1 port=$2; shift 2; (cd "$dir"; env "$@" taskset -c 0 dotnet Remandzana.Web.dll --urls "http://127.0.0.1:$port" >"$out/srv-$port.log" 2>&1 </dev/null & echo $!); }
stop() { for p in "$@"; do kill "$p"; done; for p in "$@"; do while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; done; }
warm() { for _ in 1 2; do bench pairs "$@" --pairs 300 --messages 10 --rate 1 --warmup-seconds 20 --no-record >/dev/null; done; }

for build in before after; do
  a=$(start "${dirs[$build]}" 5496 Remandzana__KeyRing__Directory=$out/keys-$build Remandzana__Backplane__SiloPort=11296)
  healthy http://127.0.0.1:5496
  warm --base http://127.0.0.1:5496 --server-pid $a
  for len in 48 0; do
    bench pairs --base http://127.0.0.1:5496 --server-pid $a --pairs 300 --messages 20 --rate 1 --warmup-seconds 20 --message-length $len --label "$build: ratios, alone, warmed twice, length $len" >/dev/null
  done
  stop $a
done

redis-server --port 6496 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >/dev/null
common=(Remandzana__Backplane__Redis=127.0.0.1:6496 Remandzana__Backplane__KeyPrefix=rzratio$RANDOM Remandzana__Backplane__AdvertisedAddress=127.0.0.1 Remandzana__KeyRing__Directory=$out/keys-two)
a=$(start "${dirs[after]}" 5497 "${common[@]}" Remandzana__Backplane__SiloPort=11297 Remandzana__Backplane__InstanceName=a)
b=$(start "${dirs[after]}" 5498 "${common[@]}" Remandzana__Backplane__SiloPort=11298 Remandzana__Backplane__InstanceName=b)
healthy http://127.0.0.1:5497; healthy http://127.0.0.1:5498
two=(--base http://127.0.0.1:5497,http://127.0.0.1:5498 --server-pid $a,$b)
warm "${two[@]}"
for post in own next; do for len in 48 0; do
  bench pairs "${two[@]}" --pairs 300 --messages 20 --rate 1 --warmup-seconds 20 --message-length $len --post-to $post --label "after: ratios, two instances, warmed twice, post to $post, length $len" >/dev/null
done; done
stop $a $b
redis-cli -p 6496 shutdown nosave >/dev/null

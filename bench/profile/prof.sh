#!/usr/bin/env bash
# perf profile of the line path, warm: alone or two instances on one redis-server.
#   PUB=PUBLISH_DIR WHAT=alone|two [LEN=48] [POST=own|next] bench/profile/prof.sh
# -> /tmp/rz-prof/WHAT-LEN.data; then: perf script -i FILE | python3 bench/profile/cats.py 12000 1999
# W^X is off so that perf can name JIT-compiled frames (they sit in memfd:doublemapper otherwise).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd); mkdir -p /tmp/rz-prof
dotnet build "$here/../Remandzana.Bench" -c Release -o /tmp/rz-bench >/dev/null
app=${PUB:-/tmp/rz-pub-main}; out=/tmp/rz-prof; benchdir=/tmp/rz-bench
ulimit -n 20000
export Remandzana__Limits__PerAddressLimitsEnabled=false DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
bench() { (cd $benchdir && taskset -c 1 dotnet Remandzana.Bench.dll "$@" --no-record); }
healthy() { for _ in $(seq 1 600); do [ "$(curl -s "$1/healthz" || true)" = Healthy ] && return; sleep 0.1; done; echo "never healthy: $1"; }
start() { local port=$1; shift; (cd $app; env "$@" taskset -c 0 dotnet Remandzana.Web.dll --urls "http://127.0.0.1:$port" >"$out/srv-$port.log" 2>&1 </dev/null & echo $!); }
stop() { for p in "$@"; do kill "$p"; done; for p in "$@"; do while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; done; }
LEN=${LEN:-48}
if [ "${WHAT:-alone}" = alone ]; then
a=$(start 5490 Remandzana__KeyRing__Directory=$out/keys Remandzana__Backplane__SiloPort=11291 Remandzana__Backplane__GatewayPort=30291)
healthy http://127.0.0.1:5490
bench pairs --base http://127.0.0.1:5490 --server-pid $a --pairs 300 --messages 10 --rate 1 --warmup-seconds 20 >/dev/null
bench pairs --base http://127.0.0.1:5490 --server-pid $a --pairs 300 --messages 40 --rate 1 --warmup-seconds 5 --message-length $LEN > $out/run-alone-$LEN.txt 2>&1 &
r=$!; sleep 15
perf record -F 1999 -g -p $a -o $out/alone-$LEN.data -- sleep 20 2>/dev/null
wait $r; stop $a
else
redis-server --port 6490 --bind 127.0.0.1 --save '' --appendonly no --daemonize yes >/dev/null
common=(Remandzana__Backplane__Redis=127.0.0.1:6490 Remandzana__Backplane__KeyPrefix=rzprof$RANDOM Remandzana__Backplane__AdvertisedAddress=127.0.0.1 Remandzana__KeyRing__Directory=$out/keys2)
a=$(start 5491 "${common[@]}" Remandzana__Backplane__SiloPort=11292 Remandzana__Backplane__GatewayPort=30292 Remandzana__Backplane__InstanceName=a)
b=$(start 5492 "${common[@]}" Remandzana__Backplane__SiloPort=11293 Remandzana__Backplane__GatewayPort=30293 Remandzana__Backplane__InstanceName=b)
healthy http://127.0.0.1:5491; healthy http://127.0.0.1:5492
two=(--base http://127.0.0.1:5491,http://127.0.0.1:5492 --server-pid $a,$b)
bench pairs "${two[@]}" --pairs 300 --messages 10 --rate 1 --warmup-seconds 20 >/dev/null
bench pairs "${two[@]}" --pairs 300 --messages 40 --rate 1 --warmup-seconds 5 --message-length $LEN --post-to ${POST:-own} > $out/run-two-$LEN.txt 2>&1 &
r=$!; sleep 15
perf record -F 1999 -g -p $a,$b -o $out/two-$LEN.data -- sleep 20 2>/dev/null
wait $r; stop $a $b
redis-cli -p 6490 shutdown nosave >/dev/null
fi

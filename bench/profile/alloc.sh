#!/usr/bin/env bash
# Allocation per message by type (dotnet-trace's GC allocation ticks, summed with TraceEvent) over
# 15 s of 600 messages/s, one warm instance.
#   bench/profile/alloc.sh PUBLISH_DIR NAME [MESSAGE_LENGTH]   -> /tmp/rz-prof/alloc-NAME.txt
# Needs dotnet-trace: dotnet tool install --tool-path /tmp/bench-tools dotnet-trace
set -uo pipefail
app=$1; name=$2; len=${3:-0}; out=/tmp/rz-prof; benchdir=/tmp/rz-bench
here=$(cd "$(dirname "$0")" && pwd); mkdir -p $out
dotnet build "$here/alloctool" -c Release -o /tmp/alloctool/out >/dev/null
dotnet build "$here/../Remandzana.Bench" -c Release -o $benchdir >/dev/null
ulimit -n 20000
export Remandzana__Limits__PerAddressLimitsEnabled=false DOTNET_CLI_TELEMETRY_OPTOUT=1
bench() { (cd $benchdir && taskset -c 1 dotnet Remandzana.Bench.dll "$@" --no-record); }
healthy() { for _ in $(seq 1 600); do [ "$(curl -s "$1/healthz" || true)" = Healthy ] && return; sleep 0.1; done; echo "never healthy: $1"; }
a=$(cd $app; env Remandzana__KeyRing__Directory=$out/keys-$name Remandzana__Backplane__SiloPort=11291 taskset -c 0 dotnet Remandzana.Web.dll --urls http://127.0.0.1:5490 >$out/srv-alloc-$name.log 2>&1 </dev/null & echo $!)
healthy http://127.0.0.1:5490
bench pairs --base http://127.0.0.1:5490 --server-pid $a --pairs 300 --messages 10 --rate 1 --warmup-seconds 20 >/dev/null
bench pairs --base http://127.0.0.1:5490 --server-pid $a --pairs 300 --messages 40 --rate 1 --warmup-seconds 5 --message-length $len > $out/run-alloc-$name.txt 2>&1 &
r=$!; sleep 15
/tmp/bench-tools/dotnet-trace collect -p $a --providers Microsoft-Windows-DotNETRuntime:0x1:5 --duration 00:00:00:15 -o $out/alloc-$name.nettrace >/dev/null 2>&1
wait $r; kill $a; while kill -0 $a 2>/dev/null; do sleep 0.1; done
dotnet /tmp/alloctool/out/alloctool.dll $out/alloc-$name.nettrace 9000 45 > $out/alloc-$name.txt

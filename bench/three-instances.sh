#!/usr/bin/env bash
# Issue 23's scale-out targets in one run: three instances on one redis-server behind the shipped
# round-robin nginx (deploy/nginx/remandzana-scale-out.conf).
#   bench/three-instances.sh PUBLISH_DIR [RESULTS_FILE]
# 1. redis-server, three instances clustered through it, nginx in front with enough workers that
#    no process needs more than 20,000 open files (each proxied stream costs nginx two);
# 2. PAGES chat pages (/two) held through nginx for HOLD s by hold workers (each under 20,000 files,
#    each connecting from its own loopback address), and while they are held PAIRS pairs chatting
#    through nginx: failures (must be 0), p50/p99, CPU per message (all three instances), RSS, the
#    most files any process held;
# 3. pairs against two instances and against three (fresh clusters, warm, same pairs, messages and
#    rate, straight to the instances): CPU per message and p50/p99 side by side with the ratio.
# The bench appends its rows to RESULTS_FILE (bench/RESULTS.md); this script adds one summary row
# per phase. Logs and raw outputs in OUT (/tmp/rz-three).
# Scale (environment): PAGES=50000 PAIRS=500 MSGS=30 WARM=20 HOLD=max(60, WARM+MSGS+45) POSTS="own next";
# cores: SERVER_CPUS=0 (instances, redis) LOAD_CPUS=1 (bench) NGINX_CPUS=$LOAD_CPUS.
set -uo pipefail
[ $# -ge 1 ] || { echo "usage: bench/three-instances.sh PUBLISH_DIR [RESULTS_FILE]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd); repo=$(dirname "$here")
app=$(realpath "$1"); results=$(realpath -m "${2:-$here/RESULTS.md}")
[ -f "$app/Remandzana.Web.dll" ] || { echo "no Remandzana.Web.dll in $app (dotnet publish Remandzana.Web -c Release -o DIR)" >&2; exit 2; }
PAGES=${PAGES:-50000}; PAIRS=${PAIRS:-500}; MSGS=${MSGS:-30}; WARM=${WARM:-20}; POSTS=${POSTS:-own next}
# The pages are held at least 60 s and long enough for the pairs (opening, warm-up, messages, drain) to finish inside.
HOLD=${HOLD:-$(( WARM + MSGS + 45 > 60 ? WARM + MSGS + 45 : 60 ))}
SERVER_CPUS=${SERVER_CPUS:-0}; LOAD_CPUS=${LOAD_CPUS:-1}; NGINX_CPUS=${NGINX_CPUS:-$LOAD_CPUS}
out=${OUT:-/tmp/rz-three}; benchdir=$out/bench
redis_port=6590; nginx_port=5590; http_ports=(5591 5592 5593); silo_ports=(11391 11392 11393)
for port in $redis_port $nginx_port "${http_ports[@]}" "${silo_ports[@]}"; do
  ss -Htln "sport = :$port" | grep -q . && { echo "port $port is in use: this script needs $redis_port, $nginx_port, ${http_ports[*]}, ${silo_ports[*]}" >&2; exit 1; }
done
rm -rf "$out"; mkdir -p "$out"
dotnet build "$here/Remandzana.Bench" -c Release -o "$benchdir" >"$out/bench-build.log" 2>&1 || { echo "the bench did not build: $out/bench-build.log" >&2; exit 1; }
ulimit -n 20000
export Remandzana__Limits__PerAddressLimitsEnabled=false DOTNET_CLI_TELEMETRY_OPTOUT=1

# ---- every process this script starts is stopped on the way out, whatever happens ----
instances=(); nginx_pid=""; redis_up=0; background=()
gone() { for p in "$@"; do for _ in $(seq 1 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; kill -KILL "$p" 2>/dev/null; done; true; }
stop_instances() { [ ${#instances[@]} -gt 0 ] || return 0; kill "${instances[@]}" 2>/dev/null; gone "${instances[@]}"; instances=(); }
stop_nginx() { [ -n "$nginx_pid" ] || return 0; kill -TERM "$nginx_pid" 2>/dev/null; gone "$nginx_pid"; nginx_pid=""; }
cleanup() {
  [ ${#background[@]} -gt 0 ] && { kill "${background[@]}" 2>/dev/null; gone "${background[@]}"; }
  stop_nginx; stop_instances
  [ $redis_up = 1 ] && { redis-cli -p $redis_port shutdown nosave >/dev/null 2>&1; redis_up=0; }
  rm -rf "$out/appendonlydir"
}
trap cleanup EXIT; trap 'exit 130' INT TERM

# run_bench ARGS...: the bench on the load cores; `run_bench … &` runs it in a subshell that it replaces,
# so $! is the bench's own pid. bench ARGS...: the same in the foreground.
run_bench() { cd "$benchdir" && exec taskset -c "$LOAD_CPUS" dotnet Remandzana.Bench.dll "$@" --results "$results"; }
bench() { (run_bench "$@"); }
healthy() { for _ in $(seq 1 1200); do [ "$(curl -s --max-time 2 "$1/healthz" || true)" = Healthy ] && return 0; sleep 0.1; done; echo "never healthy: $1" >&2; exit 1; }
# start_cluster N PREFIX: N instances on one redis-server; fills instances, pids (a,b,c) and bases.
start_cluster() {
  local n=$1 prefix=$2 i pid
  for ((i = 0; i < n; i++)); do
    pid=$(cd "$app" || exit 1; env Remandzana__Backplane__Redis=127.0.0.1:$redis_port Remandzana__Backplane__KeyPrefix="$prefix" \
      Remandzana__Backplane__AdvertisedAddress=127.0.0.1 Remandzana__Backplane__SiloPort=${silo_ports[$i]} \
      Remandzana__Backplane__InstanceName="$prefix-$i" Remandzana__KeyRing__Directory="$out/keys-$prefix" \
      taskset -c "$SERVER_CPUS" dotnet Remandzana.Web.dll --urls "http://127.0.0.1:${http_ports[$i]}" \
      >"$out/instance-$prefix-$i.log" 2>&1 </dev/null & echo $!)
    instances+=("$pid")
  done
  for ((i = 0; i < n; i++)); do healthy "http://127.0.0.1:${http_ports[$i]}"; done
  pids=$(IFS=,; echo "${instances[*]}")
  bases=$(for ((i = 0; i < n; i++)); do printf 'http://127.0.0.1:%s,' "${http_ports[$i]}"; done); bases=${bases%,}
}
# The shipped scale-out site config with only its listen port (plus `reuseport`, so the kernel
# spreads connections evenly over the workers) and its upstream's server lines replaced.
site_config() {
  PORT=$nginx_port UPSTREAMS="$*" perl -0777 -pe '
    my $first = 1;
    s{^([ \t]*)server 127\.0\.0\.1:\d+;[ \t]*\n}{my $indent = $1; my $r = $first ? join("", map { "${indent}server 127.0.0.1:$_;\n" } split / /, $ENV{UPSTREAMS}) : ""; $first = 0; $r}gme;
    my $listen = 1;
    s{^[ \t]*listen [^;]*;}{my $r = $listen ? "    listen 127.0.0.1:$ENV{PORT} reuseport;" : ""; $listen = 0; $r}gme;
  ' "$repo/deploy/nginx/remandzana-scale-out.conf"
}
start_nginx() { # UPSTREAM_PORT...
  local dir=$out/nginx
  mkdir -p "$dir"; chmod 755 "$out" "$dir"
  site_config "$@" >"$dir/site.conf"
  grep -q "listen 127.0.0.1:$nginx_port reuseport;" "$dir/site.conf" && [ "$(grep -c '^ *server 127.0.0.1:' "$dir/site.conf")" = $# ] \
    || { echo "could not adapt deploy/nginx/remandzana-scale-out.conf (listen or upstream lines changed?)" >&2; exit 1; }
  # Each stream holds two of a worker's connections (browser and instance); 15,000 fds per worker at most leaves room.
  workers=$(( (2 * (PAGES + 4 * PAIRS) + 14999) / 15000 + 1 )); [ $workers -lt 2 ] && workers=2
  cat >"$dir/nginx.conf" <<EOF
worker_processes $workers;
worker_rlimit_nofile 20000;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 19000; }
http {
    access_log off;
    client_body_temp_path $dir/client_body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    include $dir/site.conf;
}
EOF
  taskset -c "$NGINX_CPUS" nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >"$dir/stderr.log" 2>&1 &
  nginx_pid=$!
  healthy "http://127.0.0.1:$nginx_port"
}
say() { echo "$(date -u +%H:%M:%S) $*"; }
fig() { grep -m1 "^$2: " "$1" | cut -d' ' -f2-; }
num() { local v; v=$(fig "$1" "$2"); [[ "$v" =~ ^-?[0-9.]+$ ]] && echo "$v" || echo 0; }
summary_row() { # LABEL FIGURES: one row in the results file's table, like the bench's own
  printf '| %s | %s | script | `%s` | %s cores, %s; server cpus %s, bench cpus %s, nginx cpus %s; load %s | %s |\n' \
    "$(date -u '+%Y-%m-%d %H:%M UTC')" "$1" "PAGES=$PAGES PAIRS=$PAIRS MSGS=$MSGS HOLD=$HOLD WARM=$WARM bench/three-instances.sh $app $results" \
    "$(nproc)" "$(awk '/MemTotal/ {printf "%.2f GiB", $2/1048576}' /proc/meminfo)" "$SERVER_CPUS" "$LOAD_CPUS" "$NGINX_CPUS" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$2" >>"$results"
}

taskset -c "$SERVER_CPUS" redis-server --port $redis_port --bind 127.0.0.1 --save '' --appendonly yes --appendfsync everysec \
  --dir "$out" --appendfilename rz-three.aof --daemonize yes >/dev/null || { echo "redis-server did not start" >&2; exit 1; }
redis_up=1

# ---- 2. PAGES pages held through nginx while PAIRS pairs chat across the three instances ----
say "== three instances behind nginx: $PAGES pages held $HOLD s, $PAIRS pairs x $MSGS messages while they are held"
start_cluster 3 rz3held
three_pids=$pids
start_nginx "${http_ports[@]}"
front=http://127.0.0.1:$nginx_port
echo "nginx: $workers workers x 19000 connections, rlimit 20000 files each"

run_bench idle --base "$front" --server-pid "$three_pids" --streams "$PAGES" --hold "$HOLD" --source-per-worker \
  --label "three-instances: $PAGES pages held through nginx ($workers workers) while $PAIRS pairs chat; 3 instances + redis on cores $SERVER_CPUS, bench on $LOAD_CPUS, nginx on $NGINX_CPUS" \
  >"$out/held-idle.txt" 2>&1 &
idle=$!; background+=("$idle")
for _ in $(seq 1 2400); do grep -q '^opened: ' "$out/held-idle.txt" && break; kill -0 $idle 2>/dev/null || break; sleep 0.5; done
grep -q '^opened: ' "$out/held-idle.txt" || { echo "the pages were not opened:"; cat "$out/held-idle.txt"; exit 1; }
say "opened $(fig "$out/held-idle.txt" opened) of $PAGES pages in $(fig "$out/held-idle.txt" open_s) s (failed $(fig "$out/held-idle.txt" open_failed): $(fig "$out/held-idle.txt" open_error))"

# The most files each process holds while the pages are held (sampled every 5 s).
( while kill -0 $idle 2>/dev/null; do
    for p in $(pgrep -P "$nginx_pid"); do echo "nginx-worker $p $(ls /proc/$p/fd 2>/dev/null | wc -l)"; done
    for p in ${three_pids//,/ }; do echo "instance $p $(ls /proc/$p/fd 2>/dev/null | wc -l)"; done
    for p in $idle $(pgrep -P $idle) $(cat "$out/pairs.pid" 2>/dev/null); do echo "bench $p $(ls /proc/$p/fd 2>/dev/null | wc -l)"; done
    sleep 5
  done >"$out/fds.txt" ) &
sampler=$!; background+=("$sampler")

run_bench pairs --base "$front" --server-pid "$three_pids" --pairs "$PAIRS" --messages "$MSGS" --rate 1 --warmup-seconds "$WARM" \
  --label "three-instances: $PAIRS pairs through nginx while $PAGES pages are held; 3 instances + redis on cores $SERVER_CPUS, bench on $LOAD_CPUS, nginx on $NGINX_CPUS" \
  >"$out/held-pairs.txt" 2>&1 &
echo $! >"$out/pairs.pid"; pairs_pid=$!; background+=("$pairs_pid")
wait "$pairs_pid"
held_throughout=no; kill -0 $idle 2>/dev/null && held_throughout=yes
wait "$idle"; wait "$sampler" 2>/dev/null
background=()
stop_nginx; stop_instances

ip=$out/held-idle.txt; pp=$out/held-pairs.txt
# Chat pages asked for straight from an instance (its own port in the URL it logged) rather than
# through nginx: another process on this machine sharing the instances' lobby, which spoils the run.
direct=$(cat "$out"/instance-rz3held-*.log | grep -cE "GET http://127\.0\.0\.1:($(IFS='|'; echo "${http_ports[*]}"))/two")
unpaired=$(( 2 * PAIRS - $(num "$pp" paired_streams) ))
failures=$(awk -v a="$(num "$ip" failures)" -v b="$(num "$pp" open_failed)" -v c="$unpaired" -v d="$(num "$pp" refused)" \
  -v e="$(num "$pp" lost)" -v f="$(num "$pp" duplicated)" -v g="$(num "$pp" streams_ended_early)" 'BEGIN { print a + b + c + d + e + f + g }')
maxfd() { awk -v r="$1" '$1 == r && $3 > m { m = $3 } END { print m + 0 }' "$out/fds.txt"; }
held_figures="pages_opened=$(fig "$ip" opened); pages_failed=$(fig "$ip" failures); pairs_sent=$(fig "$pp" sent); pairs_refused=$(fig "$pp" refused); pairs_lost=$(fig "$pp" lost); pairs_unpaired_streams=$unpaired; pairs_streams_ended_early=$(fig "$pp" streams_ended_early); failures=$failures; pairs_done_while_held=$held_throughout; latency_p50_ms=$(fig "$pp" latency_p50_ms); latency_p99_ms=$(fig "$pp" latency_p99_ms); server_cpu_us_per_msg=$(fig "$pp" server_cpu_us_per_msg); server_rss_mib=$(fig "$pp" server_rss_mib); rss_held_mib=$(fig "$ip" rss_held_mib); rss_per_stream_kib=$(fig "$ip" rss_per_stream_kib); nginx_workers=$workers; max_fds_nginx_worker=$(maxfd nginx-worker); max_fds_instance=$(maxfd instance); max_fds_bench=$(maxfd bench); chat_pages_not_through_nginx=$direct"
echo "$held_figures" | tr ';' '\n' | sed 's/^ //'
summary_row "three-instances: summary, $PAGES pages held through nginx while $PAIRS pairs chat" "$held_figures"

# ---- 3. a send with two instances and with three: fresh clusters, warm, the same load ----
declare -A cpu p50 p99
for n in 2 3; do
  say "== $n instances, $PAIRS pairs x $MSGS messages at 1/s per side, warm, straight to the instances"
  start_cluster $n rz3n$n
  bench pairs --base "$bases" --server-pid "$pids" --pairs "$PAIRS" --messages 10 --rate 1 --warmup-seconds "$WARM" --no-record >"$out/warm-$n.txt" 2>&1
  for post in $POSTS; do
    f=$out/n$n-$post.txt
    bench pairs --base "$bases" --server-pid "$pids" --pairs "$PAIRS" --messages "$MSGS" --rate 1 --warmup-seconds "$WARM" --post-to "$post" \
      --label "three-instances: $n instances + redis on cores $SERVER_CPUS, bench on $LOAD_CPUS, warm, post to $post" >"$f" 2>&1
    cpu[$n-$post]=$(fig "$f" server_cpu_us_per_msg); p50[$n-$post]=$(fig "$f" latency_p50_ms); p99[$n-$post]=$(fig "$f" latency_p99_ms)
    echo "   post to $post: delivered $(fig "$f" delivered) of $(fig "$f" sent), lost $(fig "$f" lost), ${cpu[$n-$post]} µs CPU per message, p50 ${p50[$n-$post]} ms, p99 ${p99[$n-$post]} ms"
  done
  stop_instances
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b != "") printf "%.2f", b / a; else print "n/a" }'; }
echo
echo "| post to | CPU/message, 2 instances | 3 instances | ratio | p50 2 / 3 (ms) | ratio | p99 2 / 3 (ms) | ratio |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for post in $POSTS; do
  echo "| $post | ${cpu[2-$post]} µs | ${cpu[3-$post]} µs | $(ratio "${cpu[2-$post]}" "${cpu[3-$post]}")× | ${p50[2-$post]} / ${p50[3-$post]} | $(ratio "${p50[2-$post]}" "${p50[3-$post]}")× | ${p99[2-$post]} / ${p99[3-$post]} | $(ratio "${p99[2-$post]}" "${p99[3-$post]}")× |"
  summary_row "three-instances: summary, a send with two instances and with three, post to $post" \
    "pairs=$PAIRS; messages_per_side=$MSGS; cpu_us_per_msg_2=${cpu[2-$post]}; cpu_us_per_msg_3=${cpu[3-$post]}; cpu_ratio_3_to_2=$(ratio "${cpu[2-$post]}" "${cpu[3-$post]}"); p50_ms_2=${p50[2-$post]}; p50_ms_3=${p50[3-$post]}; p99_ms_2=${p99[2-$post]}; p99_ms_3=${p99[3-$post]}; p99_ratio_3_to_2=$(ratio "${p99[2-$post]}" "${p99[3-$post]}")"
done

#!/usr/bin/env bash
# Runs every AudioLab test. Installs and starts what the tests need (PostgreSQL, Redis, JACK with its
# dummy backend, PortAudio, sox, Chromium) from Debian packages when they are missing, so it works on a
# fresh Debian machine with the .NET SDK. Usage: ./test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
log_dir="$root/.test-logs"
mkdir -p "$log_dir"

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)

packages=(postgresql redis-server jackd2 libportaudio2 sox chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  # jackd2 asks about real-time priority; the dummy backend needs none.
  echo "jackd2 jackd/tweak_rt_limits boolean false" | "${sudo_cmd[@]}" debconf-set-selections
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >"$log_dir/apt.log" 2>&1 \
    || { tail -30 "$log_dir/apt.log"; exit 1; }
fi

echo "== PostgreSQL"
if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
  cluster=$(pg_lsclusters -h | awk 'NR==1{print $1" "$2}')
  if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -n | tail -1)
    "${sudo_cmd[@]}" pg_createcluster "$version" main
    cluster="$version main"
  fi
  "${sudo_cmd[@]}" pg_ctlcluster $cluster start
fi
pg_port=$(pg_lsclusters -h | awk '$4=="online"{print $3; exit}')
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p "$pg_port" && break; sleep 0.5; done
"${sudo_cmd[@]}" su postgres -c "psql -p $pg_port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='audiolab'\"" | grep -q 1 \
  || "${sudo_cmd[@]}" su postgres -c "psql -p $pg_port -qc \"CREATE ROLE audiolab LOGIN CREATEDB PASSWORD 'audiolab'\""
"${sudo_cmd[@]}" su postgres -c "psql -p $pg_port -tAc \"SELECT 1 FROM pg_database WHERE datname='audiolab_test'\"" | grep -q 1 \
  || "${sudo_cmd[@]}" su postgres -c "createdb -p $pg_port -O audiolab audiolab_test"
export AUDIOLAB_TEST_PG="Host=127.0.0.1;Port=$pg_port;Username=audiolab;Password=audiolab;Database=audiolab_test"

echo "== Redis"
if ! redis-cli -p 6379 ping >/dev/null 2>&1; then
  redis-server --daemonize yes --port 6379 --bind 127.0.0.1 --save "" --appendonly no >/dev/null
  for _ in $(seq 1 30); do redis-cli -p 6379 ping >/dev/null 2>&1 && break; sleep 0.2; done
fi
export AUDIOLAB_TEST_REDIS="127.0.0.1:6379"

echo "== JACK (dummy backend, 48 kHz, 128 frames)"
if ! jack_lsp >/dev/null 2>&1; then
  setsid nohup jackd --no-realtime -d dummy -r 48000 -p 128 >"$log_dir/jackd.log" 2>&1 < /dev/null &
  for _ in $(seq 1 50); do jack_lsp >/dev/null 2>&1 && break; sleep 0.2; done
  jack_lsp >/dev/null 2>&1 || { echo "jackd did not start:"; cat "$log_dir/jackd.log"; exit 1; }
fi
export AUDIOLAB_TEST_JACK=1

echo "== build"
dotnet build AudioLab.slnx -c Release -nologo -v quiet -clp:ErrorsOnly

echo "== test"
status=0
dotnet test --solution AudioLab.slnx -c Release --no-build --max-parallel-test-modules 1 "$@" 2>&1 | tee "$log_dir/test.log" || status=$?
# Microsoft.Testing.Platform's run summary: "succeeded: N", "failed: N", "skipped: N".
count() { grep -oE "^ +$1: +[0-9]+" "$log_dir/test.log" | awk '{s+=$2} END{print s+0}'; }
passed=$(count succeeded)
failed=$(count failed)
skipped=$(count skipped)
echo
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi

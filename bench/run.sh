#!/usr/bin/env bash
# One command for the mixing benchmarks:
#  1. end-to-end: 32 stereo 24-bit 48 kHz WAVs of DURATION seconds mixed by our export (3 effects per track, pan,
#     master limiter, TPDF dither) and by `sox -m` (plain sum), side by side, with wall time, x-realtime and peak RSS;
#  2. BenchmarkDotNet: the graph's per-block cost at 64/128/256 frames, 32 tracks x 3 effects.
# Writes bench/results.md. Options: --duration SECONDS (default 180), --runs N (default 3: each tool runs N times,
# interleaved sox / ours / ours single-thread, and the median wall time is reported), --quick (short BenchmarkDotNet
# job), --skip-bdn. Needs: sox, /usr/bin/time (Debian package `time`), the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=180
QUICK=""
SKIP_BDN=0
RUNS=3
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --quick) QUICK="--quick"; shift ;;
    --runs) RUNS="$2"; shift 2 ;;
    --skip-bdn) SKIP_BDN=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
TRACKS=32
WORK="${AUDIOLAB_BENCH_DIR:-/tmp/audiolab-bench}/${DURATION}s"
mkdir -p "$WORK/in"
command -v sox >/dev/null || { echo "sox is missing (apt-get install -y sox)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install -y time)" >&2; exit 1; }

echo "== generating $TRACKS x ${DURATION}s stereo 24-bit WAVs in $WORK/in (kept for later runs)"
for i in $(seq -w 1 $TRACKS); do
  f="$WORK/in/track$i.wav"
  [ -f "$f" ] || sox -R -n -r 48000 -b 24 -c 2 "$f" synth "$DURATION" pinknoise synth sine mix $((80 + 10#$i * 37)) vol 0.5 2>/dev/null
done

echo "== building (Release)"
dotnet build -c Release bench/AudioLab.Bench/AudioLab.Bench.csproj -v q -nologo >/dev/null
BENCH="dotnet bench/AudioLab.Bench/bin/Release/net10.0/AudioLab.Bench.dll"

# Both tools read the same files; warm the page cache once so neither pays for the first read.
cat "$WORK"/in/*.wav > /dev/null

measure() { # label, command...  -> sets SECS and RSS_MB
  local log="$WORK/time-$1.txt"; shift
  /usr/bin/time -v "$@" > "$WORK/stdout.txt" 2> "$log"
  local wall; wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}')
  SECS=$(python3 -c "import sys; p=sys.argv[1].split(':'); print(round(sum(float(x)*60**i for i,x in enumerate(reversed(p))),3))" "$wall")
  RSS_MB=$(( $(grep "Maximum resident set size" "$log" | awk '{print $NF}') / 1024 ))
}

# Fairness: same input files, same output format (24-bit WAV) on the same disk ($WORK), wall clock of the whole
# process (our start-up and JIT included) measured the same way, and the runs interleaved so that machine load
# (the machine is shared) hits every tool alike; the median of RUNS runs is reported.
SOX_ALL=(); OUR_ALL=(); ONE_ALL=(); SOX_MB=0; OUR_MB=0; ONE_MB=0
maxmb() { [ "$1" -gt "$2" ] && echo "$1" || echo "$2"; }
for run in $(seq 1 "$RUNS"); do
  echo "== run $run/$RUNS: sox -m"
  rm -f "$WORK/sox.wav"
  measure sox sox -m "$WORK"/in/*.wav -b 24 "$WORK/sox.wav"
  SOX_ALL+=("$SECS"); SOX_MB=$(maxmb "$RSS_MB" "$SOX_MB"); echo "   ${SECS} s"
  echo "== run $run/$RUNS: AudioLab export"
  rm -f "$WORK/audiolab.wav"
  measure audiolab $BENCH export --dir "$WORK/in" --out "$WORK/audiolab.wav"
  OUR_ALL+=("$SECS"); OUR_MB=$(maxmb "$RSS_MB" "$OUR_MB"); OUR_LINE=$(cat "$WORK/stdout.txt")
  echo "   ${SECS} s  ($OUR_LINE)"
  echo "== run $run/$RUNS: AudioLab export, single thread"
  rm -f "$WORK/audiolab1.wav"
  measure audiolab1 $BENCH export --dir "$WORK/in" --out "$WORK/audiolab1.wav" --threads 1
  ONE_ALL+=("$SECS"); ONE_MB=$(maxmb "$RSS_MB" "$ONE_MB"); echo "   ${SECS} s"
done
cmp -s "$WORK/audiolab.wav" "$WORK/audiolab1.wav" || { echo "parallel and single-thread exports differ" >&2; exit 1; }
median() { python3 -c "import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }
SOX_S=$(median "${SOX_ALL[@]}"); OUR_S=$(median "${OUR_ALL[@]}"); ONE_S=$(median "${ONE_ALL[@]}")

ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
xrt() { python3 -c "print(f'{$DURATION/$1:.1f}')"; }

BDN_TABLE="(skipped)"
if [ "$SKIP_BDN" = 0 ]; then
  echo "== BenchmarkDotNet: graph per-block cost"
  rm -rf BenchmarkDotNet.Artifacts
  $BENCH $QUICK --filter '*GraphBlockBenchmark*' --exporters github
  BDN_TABLE=$(sed -n '/^|/,$p' BenchmarkDotNet.Artifacts/results/*GraphBlockBenchmark-report-github.md)
fi

cat > bench/results.md <<MD
# Mixing benchmarks

Run: $(date -u +"%Y-%m-%d %H:%M UTC") on $(lscpu | grep 'Model name' | sed 's/.*: *//') (lscpu), $(nproc) cores (nproc; shared with other work, so expect noise), $(dotnet --version) SDK. Command: \`bench/run.sh --duration $DURATION --runs $RUNS $QUICK\`.

## End-to-end mixdown: $TRACKS stereo tracks x ${DURATION} s, 48 kHz / 24-bit

| tool | what it does | wall time (median of $RUNS) | all runs | x realtime | peak RSS |
| --- | --- | ---: | --- | ---: | ---: |
| \`sox -m\` | sum with 1/n scaling | ${SOX_S} s | ${SOX_ALL[*]} | $(xrt $SOX_S)x | ${SOX_MB} MB |
| AudioLab export ($(nproc) threads) | clips with fades, EQ + compressor + tempo delay per track, pan law, master limiter, TPDF dither | ${OUR_S} s | ${OUR_ALL[*]} | $(xrt $OUR_S)x | ${OUR_MB} MB |
| AudioLab export (1 thread) | same | ${ONE_S} s | ${ONE_ALL[*]} | $(xrt $ONE_S)x | ${ONE_MB} MB |

AudioLab time / sox time: **$(ratio $OUR_S $SOX_S)** (1 thread: $(ratio $ONE_S $SOX_S)). Wall clock of each whole process
(start-up and JIT included), runs interleaved sox / ours / ours single-thread, inputs in the page cache for all, every
output a 24-bit WAV in the same folder. The 2-thread and 1-thread exports are checked byte-identical.
Our export's own line: \`$OUR_LINE\`

## Graph cost per block (BenchmarkDotNet), $TRACKS tracks x 3 effects + master limiter

"% of 1 core" = mean time per block / block duration at 48 kHz (target: under 10 % at 128 frames).
"Allocated" is counted over all threads by BenchmarkDotNet, so it includes the disk butler re-opening the 32 files after each rewind; the audio-thread path itself allocates 0 bytes (asserted in \`AllocationTests\`).

$BDN_TABLE

$(cat bench/history.md 2>/dev/null)
MD
echo "== wrote bench/results.md"
cat bench/results.md

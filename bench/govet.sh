#!/usr/bin/env bash
# Times `go vet -vettool=noticevet` against `go vet` with a trivial analyzer
# (inspect only) on the generated 320-package module of the analyzer's
# benchmark. Each run gets a fresh build cache with the packages' export
# data already compiled, so both tools pay for the same go list and type
# checking and differ only in their analysis. Prints both times and the
# ratio (the aim: at most 1.3). Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/noticevet" ./cmd/noticevet
go build -o "$work/trivial" ./bench/trivialvet
mkdir "$work/mod"
NOTICEVET_BENCH_MODULE="$work/mod" go test -count=1 -run TestWriteBenchModule ./analyzer >/dev/null

runs=${RUNS:-3}
# timeit TOOL prints the wall and CPU (user + system, go vet and every
# process it runs) seconds of one go vet run. CPU time is steadier than wall
# time on a machine shared with other work.
timeit() {
  local cache; cache=$(mktemp -d)
  (cd "$work/mod" && GOCACHE=$cache go build ./... >/dev/null)
  (cd "$work/mod" && GOCACHE=$cache /usr/bin/time -f "%e %U %S" -o "$work/time.out" go vet -vettool="$1" ./... >/dev/null 2>&1) || true
  rm -rf "$cache"
  # GNU time puts "Command exited with non-zero status 1" first when vet reports.
  tail -n 1 "$work/time.out" | awk '{ printf "%.2f %.2f", $1, $2 + $3 }'
}
sum_tw=0; sum_tc=0; sum_nw=0; sum_nc=0
for i in $(seq "$runs"); do
  read -r tw tc <<<"$(timeit "$work/trivial")"
  read -r nw nc <<<"$(timeit "$work/noticevet")"
  echo "run $i: trivial ${tw}s (cpu ${tc}s)  noticevet ${nw}s (cpu ${nc}s)"
  sum_tw=$(awk -v a="$sum_tw" -v b="$tw" 'BEGIN { print a + b }'); sum_tc=$(awk -v a="$sum_tc" -v b="$tc" 'BEGIN { print a + b }')
  sum_nw=$(awk -v a="$sum_nw" -v b="$nw" 'BEGIN { print a + b }'); sum_nc=$(awk -v a="$sum_nc" -v b="$nc" 'BEGIN { print a + b }')
done
awk -v tw="$sum_tw" -v tc="$sum_tc" -v nw="$sum_nw" -v nc="$sum_nc" -v r="$runs" \
  'BEGIN { printf "mean: trivial %.2fs (cpu %.2fs)  noticevet %.2fs (cpu %.2fs)  ratio %.2f (cpu %.2f)\n", tw / r, tc / r, nw / r, nc / r, nw / tw, nc / tc }'

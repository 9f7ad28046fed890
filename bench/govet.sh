#!/usr/bin/env bash
# Times `go vet -vettool=noticevet` against `go vet` with a trivial analyzer
# (inspect only) on the generated 320-package module of the analyzer's
# benchmark. Each run gets a fresh build cache with the packages' export
# data already compiled, so both tools pay for the same go list and type
# checking and differ only in their analysis. Prints both times and the
# ratio (the aim: at most 1.3).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/noticevet" ./cmd/noticevet
go build -o "$work/trivial" ./bench/trivialvet
mkdir "$work/mod"
NOTICEVET_BENCH_MODULE="$work/mod" go test -count=1 -run TestWriteBenchModule ./analyzer >/dev/null

runs=${RUNS:-3}
timeit() { # tool → seconds
  local cache; cache=$(mktemp -d)
  (cd "$work/mod" && GOCACHE=$cache go build ./... >/dev/null)
  local start end
  start=$(date +%s.%N)
  (cd "$work/mod" && GOCACHE=$cache go vet -vettool="$1" ./... >/dev/null 2>&1) || true
  end=$(date +%s.%N)
  rm -rf "$cache"
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}
total_n=0; total_t=0
for i in $(seq "$runs"); do
  t=$(timeit "$work/trivial"); n=$(timeit "$work/noticevet")
  echo "run $i: trivial ${t}s  noticevet ${n}s"
  total_t=$(awk -v a="$total_t" -v b="$t" 'BEGIN { print a + b }')
  total_n=$(awk -v a="$total_n" -v b="$n" 'BEGIN { print a + b }')
done
awk -v t="$total_t" -v n="$total_n" -v r="$runs" \
  'BEGIN { printf "mean: trivial %.2fs  noticevet %.2fs  ratio %.2f\n", t / r, n / r, n / t }'

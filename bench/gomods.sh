#!/usr/bin/env bash
# Times `noticevet check` and `noticevet map` on real Go modules against
# `go vet ./...` on the same modules, and prints a Markdown table for
# bench/RESULTS.md.
#
#   bench/gomods.sh DIR...                 # each DIR a Go module (its go.mod folder)
#   RUNS=5 bench/gomods.sh DIR...          # runs of each command (default 3)
#   BEFORE=REV bench/gomods.sh DIR...      # also noticevet as of git revision REV,
#                                          # and checks that both give the same JSON
#
# What "the same warmed cache" means. Each module is first vetted once
# (`go vet ./...`), which downloads nothing (the modules must be in the module
# cache already) but compiles every dependency into the build cache. After
# that, go vet has two speeds:
#
#   - "vet, cached": `go vet ./...` again. go vet caches its results by the
#     inputs of each package, so a second run only looks them up and analyses
#     nothing: the time of go list and of the cache lookups.
#   - "vet, analysing": `go vet -printf.funcs=noticevetbenchN ./...` with a new
#     N each run. The flag changes the analysis' inputs and nothing else, so
#     every package (and every dependency, for facts) is analysed again, with
#     the dependencies' compiled export data taken from the build cache.
#
# noticevet compiles nothing (it may not run the compiler on a repository).
# It keeps each Go module's results in its own cache (NOTICEVET_CACHE), keyed
# by the module's files, go.sum and noticevet itself, so it has two speeds too:
#
#   - "check, cached": `noticevet check` with a cache that one run before the
#     timed ones filled: the time of hashing the module's files and of
#     everything check does besides Go. Compare with vet, cached.
#   - "check, analysing": NOTICEVET_CACHE=off, so every run type-checks the
#     module and its dependencies from source and analyses them. Compare with
#     vet, analysing.
#
# The runs are interleaved (vet, vet, check, [check before,] map, then again)
# so that load on a shared machine falls on every column alike; the load
# average is printed with the table. Times are medians, wall clock and CPU
# (user + system, children included); peak RSS is the largest of the runs
# (GNU time's maximum resident set, that of the largest process).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
if [ $# -eq 0 ]; then
  echo "usage: bench/gomods.sh MODULE_DIR..." >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "needs GNU time at /usr/bin/time (apt-get install time)" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/noticevet" ./cmd/noticevet
if [ -n "${BEFORE:-}" ]; then
  mkdir "$work/src-before"
  git archive "$BEFORE" | tar -x -C "$work/src-before"
  (cd "$work/src-before" && go build -o "$work/noticevet-before" ./cmd/noticevet)
fi
printf '# Privacy\n\nWe keep your personal data in Japan.\n' > "$work/notice.md"

# run NAME DIR CMD...: runs CMD in DIR once under GNU time and appends
# "wall cpu rss_kib" to $work/NAME; the command's output goes to
# $work/NAME.out, its errors to $work/NAME.err.
run() {
  local name=$1 dir=$2; shift 2
  (cd "$dir" && /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/$name.out" 2>"$work/$name.err") || true
  tail -n 1 "$work/time" | awk '{ printf "%.2f %.2f %d\n", $1, $2 + $3, $4 }' >>"$work/$name"
}

median() { sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"; }
# stat NAME prints "wall s | cpu s | peak MiB" of the runs of NAME.
stat() {
  local w c m
  w=$(cut -d' ' -f1 "$work/$1" | median)
  c=$(cut -d' ' -f2 "$work/$1" | median)
  m=$(cut -d' ' -f3 "$work/$1" | sort -n | tail -n 1)
  printf '%s s, %s s, %d MiB' "$w" "$c" $(( m / 1024 ))
}
ratio() { awk -v a="$(cut -d' ' -f"$3" "$work/$1" | median)" -v b="$(cut -d' ' -f"$3" "$work/$2" | median)" 'BEGIN { printf "%.2f", a / b }'; }

header="| module | vet, cached: wall, CPU, RSS | vet, analysing: wall, CPU, RSS | check, cached: wall, CPU, RSS | check, analysing: wall, CPU, RSS | map, analysing: wall, CPU, RSS |"
rule="|---|---|---|---|---|---|"
if [ -n "${BEFORE:-}" ]; then
  header="$header check at $BEFORE: wall, CPU, RSS |"
  rule="$rule---|"
fi
rows=()
n=0
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for dir in "$@"; do
  dir=$(cd "$dir" && pwd)
  name=$(basename "$dir")
  rm -f "$work"/vet "$work"/vetrun "$work"/cached "$work"/check "$work"/map "$work"/before
  echo "warming $dir (go vet ./..., and noticevet check into $work/cache)" >&2
  (cd "$dir" && go vet ./... >/dev/null 2>&1) || true
  (cd "$dir" && NOTICEVET_CACHE="$work/cache" "$work/noticevet" check -notice "$work/notice.md" -format json -fail-on never . >/dev/null 2>&1) || true
  for i in $(seq "$RUNS"); do
    n=$((n + 1))
    run vet "$dir" go vet ./...
    run vetrun "$dir" go vet -printf.funcs="noticevetbench$n$$" ./...
    run cached "$dir" env NOTICEVET_CACHE="$work/cache" "$work/noticevet" check -notice "$work/notice.md" -format json -fail-on never .
    run check "$dir" env NOTICEVET_CACHE=off "$work/noticevet" check -notice "$work/notice.md" -format json -fail-on never .
    if ! cmp -s "$work/check.out" "$work/cached.out"; then
      echo "$name: check output from the cache differs:" >&2
      diff "$work/check.out" "$work/cached.out" | head -20 >&2 || true
    fi
    if [ -n "${BEFORE:-}" ]; then
      run before "$dir" env NOTICEVET_CACHE=off "$work/noticevet-before" check -notice "$work/notice.md" -format json -fail-on never .
      if ! cmp -s "$work/check.out" "$work/before.out"; then
        echo "$name: check output differs from $BEFORE's:" >&2
        diff "$work/before.out" "$work/check.out" | head -20 >&2 || true
      fi
    fi
    run map "$dir" env NOTICEVET_CACHE=off "$work/noticevet" map -notice "$work/notice.md" -format json .
    echo "$name run $i: vet $(tail -n1 "$work/vet"); vet analysing $(tail -n1 "$work/vetrun"); check cached $(tail -n1 "$work/cached"); check analysing $(tail -n1 "$work/check"); map $(tail -n1 "$work/map")" >&2
  done
  row="| $name | $(stat vet) | $(stat vetrun) | $(stat cached) | $(stat check) | $(stat map) |"
  if [ -n "${BEFORE:-}" ]; then
    row="$row $(stat before) |"
  fi
  rows+=("$row")
  echo "$row" >&2
  ratios+=("| $name | $(ratio cached vet 1) | $(ratio cached vet 2) | $(ratio check vetrun 1) | $(ratio check vetrun 2) |")
done
echo
echo "load average: $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(nproc) CPUs; RUNS=$RUNS"
echo
echo "$header"
echo "$rule"
printf '%s\n' "${rows[@]}"
echo
echo "| module | check cached / vet cached, wall | CPU | check analysing / vet analysing, wall | CPU |"
echo "|---|---:|---:|---:|---:|"
printf '%s\n' "${ratios[@]}"

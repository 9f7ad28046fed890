#!/usr/bin/env bash
# Measures noticevet on generated repositories of 1k, 10k and 50k .tf files:
# files per second, peak memory, and the time of the Terraform part of a
# check (bench/tfread) against a bare concurrent hclparse parse of the same
# files (bench/floor), with Go's default garbage collector settings and
# with noticevet's (floor -tuned; tfread and noticevet always use theirs).
# Then measures check on generated Go modules of 100, 300 and 1,000
# packages against loading and type-checking them alone (bench/goload),
# and on repositories of many Go modules (modules x packages each).
# Prints Markdown tables for bench/RESULTS.md.
#
#   bench/run.sh                  # all sizes, 3 runs each
#   SIZES="1000 10000" RUNS=5 bench/run.sh   # SIZES="" for none
#   GO_SIZES="" bench/run.sh      # no Go modules
#   MONO_STACKS="" bench/run.sh   # no monorepo shape (default: 2500 small stacks, about 7.5k files)
#   SIZES="" GO_SIZES="" GO_SHAPES="100x1" bench/run.sh   # 100 one-package modules only
#   (an empty SIZES, GO_SIZES or GO_SHAPES leaves its table out)
#   BENCH_DIR=/var/tmp/nv bench/run.sh   # where repositories are generated (kept between runs)
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES-"1000 10000 50000"}
GO_SIZES=${GO_SIZES-"100 300 1000"}
MONO_STACKS=${MONO_STACKS-"2500"}
GO_SHAPES=${GO_SHAPES-"100x1 20x20"}
RUNS=${RUNS:-3}
WORK=${BENCH_DIR:-/tmp/noticevet-bench}
SEED=${SEED:-1}
# Every check analyses: the figures are of the analysis, not of a lookup in
# noticevet's result cache (bench/gomods.sh measures both).
export NOTICEVET_CACHE=off

if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time (for peak memory)..." >&2
  if [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq time >/dev/null
  else
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
  fi
fi

mkdir -p "$WORK/bin"
go build -o "$WORK/bin/noticevet" ./cmd/noticevet
go build -o "$WORK/bin/floor" ./bench/floor
go build -o "$WORK/bin/tfread" ./bench/tfread
go build -o "$WORK/bin/gen" ./bench/gen
go build -o "$WORK/bin/goload" ./bench/goload

# div A B prints A / B.
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }

# median prints the median of its arguments.
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

# measure CMD...: runs it RUNS times; prints the median wall time and the
# median CPU time (user + system) in seconds, and the largest peak resident
# set in KiB. The machine may be shared: CPU time varies less than wall time.
measure() {
  local times=() cpus=() rss=0 out="$WORK/time.out"
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %U %S %M" -o "$out" "$@" >/dev/null 2>"$WORK/stderr.out" || {
      echo "failed: $*" >&2; cat "$WORK/stderr.out" >&2; exit 1; }
    read -r t u s m < "$out"
    times+=("$t")
    cpus+=("$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  printf '%s %s %s\n' "$(median "${times[@]}")" "$(median "${cpus[@]}")" "$rss"
}

echo "## $(date -u +%Y-%m-%d) — $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) memory, $(go version | cut -d' ' -f3)"
echo
if [ -n "$SIZES" ]; then
echo "| .tf files | other files | floor (hclparse) | Terraform part (tfread) | ratio | CPU ratio | floor, noticevet's GC | ratio to it | check | check files/s | peak RSS check | peak RSS tfread |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
declare -A CHECK TFR FLOOR TUNED RSS TFRCPU FLOORCPU TUNEDCPU
for n in $SIZES; do
  repo="$WORK/repo-$n"
  if [ ! -f "$repo.done" ]; then
    rm -rf "$repo"
    "$WORK/bin/gen" -files "$n" -out "$repo" -seed "$SEED" >&2
    touch "$repo.done"
  fi
  other=$(find "$repo" -type f ! -name '*.tf' | wc -l)
  "$WORK/bin/floor" "$repo" >/dev/null   # warm the page cache
  read -r floor floorcpu _ < <(measure "$WORK/bin/floor" "$repo")
  read -r tuned tunedcpu _ < <(measure "$WORK/bin/floor" -tuned "$repo")
  read -r tfr tfrcpu tfrss < <(measure "$WORK/bin/tfread" "$repo")
  read -r chk _ chkrss < <(measure "$WORK/bin/noticevet" check -format json -fail-on never "$repo")
  FLOOR[$n]=$floor TUNED[$n]=$tuned TFR[$n]=$tfr CHECK[$n]=$chk RSS[$n]=$chkrss
  FLOORCPU[$n]=$floorcpu TUNEDCPU[$n]=$tunedcpu TFRCPU[$n]=$tfrcpu
  printf '| %s | %s | %.2f s | %.2f s | %.2f | %.2f | %.2f s | %.2f | %.2f s | %s | %d MiB | %d MiB |\n' \
    "$n" "$other" "$floor" "$tfr" "$(div "$tfr" "$floor")" "$(div "$tfrcpu" "$floorcpu")" \
    "$tuned" "$(div "$tfr" "$tuned")" "$chk" \
    "$(div "$n" "$chk" | cut -d. -f1)" "$((chkrss / 1024))" "$((tfrss / 1024))"
done
echo
fi
if [ -n "${CHECK[10000]:-}" ]; then
  printf -- '- ratio of the Terraform part to the floor at 10k files: %.2f wall, %.2f CPU (target ≤ 1.5); to the floor with noticevet'"'"'s GC settings: %.2f wall, %.2f CPU\n' \
    "$(div "${TFR[10000]}" "${FLOOR[10000]}")" "$(div "${TFRCPU[10000]}" "${FLOORCPU[10000]}")" \
    "$(div "${TFR[10000]}" "${TUNED[10000]}")" "$(div "${TFRCPU[10000]}" "${TUNEDCPU[10000]}")"
fi
if [ -n "${CHECK[10000]:-}" ] && [ -n "${CHECK[50000]:-}" ]; then
  printf -- '- check at 50k files / check at 10k files: %.2f (target ≤ 5.5)\n' "$(div "${CHECK[50000]}" "${CHECK[10000]}")"
fi
if [ -n "${RSS[50000]:-}" ]; then
  printf -- '- peak RSS of check at 50k files: %d MiB (target ≤ 1024)\n' "$((RSS[50000] / 1024))"
fi

if [ -n "$MONO_STACKS" ]; then
  echo
  echo "Monorepo shape (go run ./bench/gen -stacks N: small stacks, each a root module with a provider and an alias, variables, locals and a terraform.tfvars, calling two of 20 shared modules of six resources whose tags use merge()):"
  echo
  echo "| stacks | files | floor (hclparse) | check | ratio | CPU ratio | peak RSS check |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
  for s in $MONO_STACKS; do
    repo="$WORK/mono-$s"
    if [ ! -f "$repo.done" ]; then
      rm -rf "$repo"
      "$WORK/bin/gen" -stacks "$s" -out "$repo" -seed "$SEED" >&2
      touch "$repo.done"
    fi
    files=$(find "$repo" -type f | wc -l)
    "$WORK/bin/floor" "$repo" >/dev/null   # warm the page cache
    read -r floor floorcpu _ < <(measure "$WORK/bin/floor" "$repo")
    read -r chk chkcpu chkrss < <(measure "$WORK/bin/noticevet" check -format json -fail-on never "$repo")
    printf '| %s | %s | %.2f s | %.2f s | %.2f | %.2f | %d MiB |\n' \
      "$s" "$files" "$floor" "$chk" "$(div "$chk" "$floor")" "$(div "$chkcpu" "$floorcpu")" "$((chkrss / 1024))"
  done
fi

if [ -n "$GO_SIZES" ]; then
echo
echo "Go modules (with the generator's shared Terraform modules beside them):"
echo
echo "| Go packages | load and type-check (goload) | check | ratio | CPU ratio | check packages/s | peak RSS check |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for p in $GO_SIZES; do
  repo="$WORK/gorepo-$p"
  if [ ! -f "$repo.done" ]; then
    rm -rf "$repo"
    "$WORK/bin/gen" -files 0 -packages "$p" -out "$repo" -seed "$SEED" >&2
    touch "$repo.done"
  fi
  "$WORK/bin/goload" "$repo/app" >/dev/null   # warm the build cache
  read -r load loadcpu _ < <(measure "$WORK/bin/goload" "$repo/app")
  read -r chk chkcpu chkrss < <(measure "$WORK/bin/noticevet" check -format json -fail-on never "$repo")
  printf '| %s | %.2f s | %.2f s | %.2f | %.2f | %s | %d MiB |\n' \
    "$p" "$load" "$chk" "$(div "$chk" "$load")" "$(div "$chkcpu" "$loadcpu")" \
    "$(div "$p" "$chk" | cut -d. -f1)" "$((chkrss / 1024))"
done
fi

[ -n "$GO_SHAPES" ] || exit 0
echo
echo "Many Go modules (modules × packages each, with the generator's shared Terraform modules beside them):"
echo
echo "| modules × packages | check | CPU (user + system) | CPU per module | peak RSS check |"
echo "|---:|---:|---:|---:|---:|"
for shape in $GO_SHAPES; do
  m=${shape%x*} p=${shape#*x}
  repo="$WORK/gomods-$shape"
  if [ ! -f "$repo.done" ]; then
    rm -rf "$repo"
    "$WORK/bin/gen" -files 0 -modules "$m" -packages "$p" -out "$repo" -seed "$SEED" >&2
    touch "$repo.done"
  fi
  read -r chk chkcpu chkrss < <(measure "$WORK/bin/noticevet" check -format json -fail-on never "$repo")
  printf '| %s × %s | %.2f s | %.2f s | %.2f s | %d MiB |\n' \
    "$m" "$p" "$chk" "$chkcpu" "$(div "$chkcpu" "$m")" "$((chkrss / 1024))"
done

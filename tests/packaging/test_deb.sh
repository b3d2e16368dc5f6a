#!/usr/bin/env bash
# The Debian package: it holds both programs, their man pages, the desktop entry and icon, names its
# library dependencies, passes lintian without errors, and its programs run from the unpacked files.
# usage: test_deb.sh BUILD_DIR SCRATCH_DIR
set -euo pipefail
build=$1
scratch=$2/deb
rm -rf "$scratch"
mkdir -p "$scratch"
cpack --config "$build/CPackConfig.cmake" -B "$scratch" > "$scratch/cpack.log"
deb=$(ls "$scratch"/*.deb)

fail() { echo "FAIL: $*" >&2; exit 1; }

contents=$(dpkg-deb -c "$deb")
for file in ./usr/bin/muze ./usr/bin/muze-studio ./usr/share/man/man1/muze.1.gz ./usr/share/man/man1/muze-studio.1.gz \
            ./usr/share/applications/muze-studio.desktop ./usr/share/icons/hicolor/256x256/apps/muze-studio.png \
            ./usr/share/doc/muze-studio/copyright; do
  grep -q " $file\$" <<< "$contents" || fail "$file is not in the package"
done

depends=$(dpkg-deb -f "$deb" Depends)
for library in libtorch libqt6widgets6 libavcodec libqm-dsp libpocketsphinx3; do
  grep -q "$library" <<< "$depends" || fail "Depends does not name $library: $depends"
done

lintian --tag-display-limit 0 "$deb" > "$scratch/lintian.log" 2>&1 || true
if grep -q "^E:" "$scratch/lintian.log"; then
  cat "$scratch/lintian.log" >&2
  fail "lintian reports errors"
fi

root=$scratch/root
dpkg-deb -x "$deb" "$root"
version=$("$root/usr/bin/muze" --version)
[ "$version" = "muze $(dpkg-deb -f "$deb" Version)" ] || fail "muze --version says \"$version\""
QT_QPA_PLATFORM=offscreen "$root/usr/bin/muze-studio" --version | grep -q "Muze Studio" || fail "muze-studio --version"
zcat "$root/usr/share/man/man1/muze.1.gz" | grep -q "build-dataset" || fail "the man page does not list the commands"
echo "package $(basename "$deb"): $(wc -l <<< "$contents") entries; lintian: $(grep -c "^W:" "$scratch/lintian.log" || true) warnings"

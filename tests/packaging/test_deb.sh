#!/usr/bin/env bash
# The Debian package: it holds both programs, their man pages, the desktop entry and icon and the demo
# model, names its library dependencies, passes lintian without errors, installs into an empty folder
# tree with dpkg --root, and its programs run from there: `muze generate` makes a song with the demo
# model it installed.
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
            ./usr/share/doc/muze-studio/copyright ./usr/share/muze-studio/demo-model/manifest.json \
            ./usr/share/muze-studio/demo-model/vae/checkpoints/best.safetensors ./usr/share/muze-studio/demo-model/ldm/checkpoints/best.safetensors \
            ./usr/share/muze-studio/demo-model/vocoder/checkpoints/best.safetensors; do
  grep -q " $file\$" <<< "$contents" || fail "$file is not in the package"
done

depends=$(dpkg-deb -f "$deb" Depends)
for library in libtorch libqt6widgets6 libavcodec libqm-dsp libpocketsphinx3; do
  grep -q "$library" <<< "$depends" || fail "Depends does not name $library: $depends"
done

# Every dependency is a package this Debian has installed: a fresh machine's apt resolves the same names.
for package in $(sed 's/([^)]*)//g; s/|[^,]*//g; s/,/ /g' <<< "$depends"); do
  dpkg -s "$package" > /dev/null 2>&1 || fail "it depends on $package, which is not installed here"
done

lintian --tag-display-limit 0 "$deb" > "$scratch/lintian.log" 2>&1 || true
if grep -q "^E:" "$scratch/lintian.log"; then
  cat "$scratch/lintian.log" >&2
  fail "lintian reports errors"
fi

# Installed into an empty tree: its own dpkg database, none of the dependencies (they are this machine's).
root=$scratch/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
dpkg --root="$root" --force-depends --force-not-root --log=/dev/null -i "$deb" > "$scratch/dpkg.log" 2>&1 || { cat "$scratch/dpkg.log" >&2; fail "dpkg --root does not install it"; }
dpkg --root="$root" -s muze-studio | grep -q "^Status: install ok installed" || fail "dpkg does not list it as installed"
version=$("$root/usr/bin/muze" --version)
[ "$version" = "muze $(dpkg-deb -f "$deb" Version)" ] || fail "muze --version says \"$version\""
QT_QPA_PLATFORM=offscreen "$root/usr/bin/muze-studio" --version | grep -q "Muze Studio" || fail "muze-studio --version"
zcat "$root/usr/share/man/man1/muze.1.gz" | grep -q "build-dataset" || fail "the man page does not list the commands"

# The first song, from the installed files alone.
mkdir -p "$scratch/first-song"
(cd "$scratch/first-song" && env -u MUZE_DEMO_MODEL "$root/usr/bin/muze" generate --prompt "a first song" --template verse_chorus --duration 10 --tempo 200 --num_steps 4 \
  --output song.wav 2> generate.log) || { cat "$scratch/first-song/generate.log" >&2; fail "muze generate with the demo model"; }
grep -q "using the demo model ($root/usr/share/muze-studio/demo-model)" "$scratch/first-song/generate.log" || fail "it did not use the installed demo model"
seconds=$("$root/usr/bin/muze" info "$scratch/first-song/song.wav" | /usr/bin/python3 -c "import json,sys; print(round(json.load(sys.stdin)['duration']))")
[ "$seconds" = 10 ] || fail "the song lasts $seconds s, not 10"
echo "package $(basename "$deb"): $(wc -l <<< "$contents") entries; lintian: $(grep -c "^W:" "$scratch/lintian.log" || true) warnings"

#!/usr/bin/env bash
# The test sets (bench/make_test_set.py) render the same bytes every time for the same seed, Ogg
# and MP3 included: the demo model's training split keys each song on its file's hash, so a set
# that differed in its containers alone would train other weights (packaging/train-demo-model.sh).
# usage: test_rendering_is_repeatable.sh WORK_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$1
rm -rf "$work" && mkdir -p "$work"
for copy in first second; do
  /usr/bin/python3 "$here/../../bench/make_test_set.py" "$work/$copy" --songs 6 --melodies 0 --seconds 15 --seed 3 > /dev/null
  (cd "$work/$copy/audio" && sha256sum -- *) > "$work/$copy.sha256"
done
for extension in ogg mp3; do
  grep -q "\.$extension\$" "$work/first.sha256" || { echo "the set holds no .$extension: choose another seed" >&2; exit 1; }
done
diff "$work/first.sha256" "$work/second.sha256"
echo "the same bytes twice: $(wc -l < "$work/first.sha256") files"

#!/usr/bin/env bash
# Installer smoke test (Linux): build the .deb, unpack it into a scratch root with dpkg -x (no root, no
# postinst) and run the installed launcher headless, with a clean environment (no model directory, no mirror):
# --help, doctor (every bundled model must verify), and a real inference through the installed image.
#
#   .ci/install-smoke.sh            (after `mvn package`; builds target/clockface.jar itself when missing)
#   .ci/install-smoke.sh --reuse    (test the .deb already in target/installer)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(uname -s)" != Linux ]; then echo "install-smoke: Linux only, skipped"; exit 0; fi
for t in jpackage dpkg-deb fakeroot jq; do
  command -v "$t" >/dev/null || { echo "install-smoke: '$t' is missing" >&2; exit 1; }
done
export CLOCKFACE_MODEL_MIRROR="${CLOCKFACE_MODEL_MIRROR:-$(cd .. && pwd)/shared/models}"
[ -f target/clockface.jar ] || mvn -B -ntp -q package -DskipTests

if [ "${1:-}" != --reuse ] || ! ls target/installer/clockface_*.deb >/dev/null 2>&1; then
  bash installer/jpackage.sh target
fi
DEB=$(ls target/installer/clockface_*.deb)
APP=target/installer/out/clockface

S=$(mktemp -d)
trap 'rm -rf "$S"' EXIT
echo "== package"
# listings go to files first: `dpkg-deb | grep -q` would die of SIGPIPE under pipefail
dpkg-deb -I "$DEB" > "$S/info.txt"
dpkg-deb -c "$DEB" > "$S/files.txt"
sed -n 's/^ \(Package\|Version\|Installed-Size\|Depends\):/  \1:/p' "$S/info.txt"
grep -q 'libgtk-3-0' "$S/info.txt" || { echo "Depends lacks libgtk-3-0" >&2; exit 1; }
grep -q './opt/clockface/lib/app/models/face-reid-0095.onnx' "$S/files.txt" \
  || { echo "the package holds no models" >&2; exit 1; }
if grep -E 'onnxruntime/native/(win|osx|linux-aarch64)|\.(dll|dylib)$' "$S/files.txt"; then
  echo "other platforms' natives in the package" >&2; exit 1
fi
dpkg -x "$DEB" "$S/sysroot"
BIN=$S/sysroot/opt/clockface/bin

# a clean environment in a scratch working directory: nothing from the build machine's model directory
# (models/ under the working directory), mirror or home can help
mkdir -p "$S/cwd"
run() { (cd "$S/cwd" && env -i PATH=/usr/bin:/bin HOME="$S/home" CLOCKFACE_HOME="$S/data" "$@"); }

echo "== clockface --help"
run "$BIN/clockface" --help | tee "$S/help.txt" | head -5
grep -q doctor "$S/help.txt"

echo "== clockface doctor"
code=0
run "$BIN/clockface" doctor --json > "$S/doctor.json" || code=$?
jq -r '.checks[] | "  \(.status)  \(.name): \(.detail)"' "$S/doctor.json"
[ "$code" = 0 ] || { echo "doctor failed (exit $code)" >&2; exit 1; }
bad=$(jq -r --arg root "$S/sysroot/" '.models[] | select(.status != "VERIFIED" or (.path | startswith($root) | not)) | .id' "$S/doctor.json")
[ -z "$bad" ] || { echo "models not verified from the installed image: $bad" >&2; exit 1; }

echo "== a real inference through the installed image"
SAMPLE=$(cd "$CLOCKFACE_MODEL_MIRROR" && pwd)/samples/obama.jpg
VIDEO=$(ls "$(cd .. && pwd)"/shared/data/videos/live/*.webm 2>/dev/null | head -1 || true)
if [ -n "$VIDEO" ] && run "$BIN/clockface" checkin --help > "$S/checkin-help.txt" 2>&1 && grep -q -- '--video' "$S/checkin-help.txt"; then
  # an empty gallery: the decision is "unknown" (exit 1); 0 or 1 with a JSON verdict proves the pipeline ran
  code=0
  run "$BIN/clockface" checkin --video "$VIDEO" --max-seconds 4 --json > "$S/checkin.json" || code=$?
  head -c 1500 "$S/checkin.json"; echo
  if [ "$code" -gt 1 ] || ! jq -e . "$S/checkin.json" >/dev/null; then echo "checkin failed (exit $code)" >&2; exit 1; fi
else
  run "$BIN/clockface" liveness --json "$SAMPLE" > "$S/liveness.json"
  cat "$S/liveness.json"
  jq -e '.results[0].score > 0' "$S/liveness.json" >/dev/null || { echo "no liveness score" >&2; exit 1; }
fi

echo "== sizes"
echo "  app-image $(du -sh "$APP" | cut -f1), .deb $(du -h "$DEB" | cut -f1), installed $(du -sh "$S/sysroot/opt/clockface" | cut -f1)"
echo "install-smoke: OK"

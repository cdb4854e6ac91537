#!/usr/bin/env bash
# Builds the ClockFace installers from a packaged build (after `mvn package`, or via `mvn -Pinstaller package`).
#
#   installer/jpackage.sh [TARGET_DIR [VERSION]]
#
# Linux:   TARGET/installer/out/clockface/ (app-image) and TARGET/installer/clockface_VERSION-1_amd64.deb
# Windows (Git Bash, JDK 17 + WiX 3 on PATH): TARGET/installer/out/clockface-VERSION.msi
#
# The image holds a jlink'ed runtime with JavaFX, only this platform's natives (other platforms are stripped
# from the ONNX Runtime, sqlite-jdbc, bridj and webcam-capture jars) and every model of models/models.json,
# resolved like the app does (CLOCKFACE_MODELS, else models/; filled from CLOCKFACE_MODEL_MIRROR or the
# upstream URLs) and verified by sha256 here, so an installed kiosk never downloads anything.
# Two launchers: `clockface` (command line) and `clockface-kiosk` (the kiosk screen).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
T=${1:-$ROOT/target}
VERSION=${2:-}
command -v cygpath >/dev/null 2>&1 && T=$(cygpath -u "$T")
T=$(cd "$T" && pwd)
JAR=clockface.jar
[ -f "$T/$JAR" ] || { echo "no $T/$JAR: run 'mvn package' first" >&2; exit 1; }

case "$(uname -s)" in
  Linux*) OS=linux; FX=linux; ORT=linux-x64; SQLITE=Linux/x86_64; BRIDJ=linux_x64; TYPE=deb ;;
  MINGW*|MSYS*|CYGWIN*) OS=windows; FX=win; ORT=win-x64; SQLITE=Windows/x86_64; BRIDJ=win64; TYPE=msi ;;
  *) echo "installers are built on Linux (.deb) or Windows (.msi) only" >&2; exit 2 ;;
esac
if [ -z "$VERSION" ]; then  # the project's own <version>, the first one in the pom
  VERSION=$(sed -n 's:.*<version>\([^<]*\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
fi
VERSION=${VERSION%%-*}      # jpackage wants numbers only (MSI: major.minor.build): 0.2.0-SNAPSHOT -> 0.2.0
jars() { java "$HERE/Jars.java" "$@"; }
started=$(date +%s)

W=$T/installer
rm -rf "$W"
mkdir -p "$W/fx" "$W/in" "$W/out"

echo "== jars (exactly the manifest Class-Path of $JAR; stale files in target/lib are ignored)"
jars classpath "$T/$JAR" | tr -d '\r' | while read -r entry; do
  f="$T/$entry"; b=$(basename "$entry")
  [ -f "$f" ] || { echo "missing $f: run 'mvn package'" >&2; exit 1; }
  case "$b" in
    javafx-*-"$FX".jar) cp "$f" "$W/fx/" ;;   # platform JavaFX modules: jlink'ed into the runtime
    javafx-*) ;;                              # the empty classifier-less JavaFX jars
    *) cp "$f" "$W/in/" ;;
  esac
done
cp "$T/$JAR" "$W/in/"
ls "$W/fx"/javafx-graphics-*.jar >/dev/null || { echo "no JavaFX $FX jars in $T/lib" >&2; exit 1; }

echo "== natives: keep $OS only"
ORTJAR=$(ls "$W/in"/onnxruntime-*.jar)
# ONNX Runtime's natives go beside the jars and are loaded from there (-Donnxruntime.native.path):
# no 28 MB extraction into the temp dir at every start
jars extract "$ORTJAR" "ai/onnxruntime/native/$ORT/" "$W/in/native/onnxruntime"
jars strip "$ORTJAR" 'ai/onnxruntime/native/.*'
for j in "$W/in"/sqlite-jdbc-*.jar; do jars strip "$j" "org/sqlite/native/(?!${SQLITE}/).+"; done
for j in "$W/in"/bridj-*.jar; do jars strip "$j" "org/bridj/lib/(?!${BRIDJ}/).+"; done
for j in "$W/in"/webcam-capture-*.jar; do jars strip "$j" "com/github/sarxos/webcam/ds/buildin/lib/(?!${BRIDJ}/).+"; done

echo "== models (resolved and sha256-verified)"
(cd "$ROOT" && java -jar "$T/$JAR" models fetch --to "$W/in/models")

echo "== app-image ($(( $(date +%s) - started )) s so far)"
MODULES=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.unsupported,jdk.zipfs,javafx.controls
JOPTS=(--java-options '-Donnxruntime.native.path=$APPDIR/native/onnxruntime' --java-options '-Dfile.encoding=UTF-8')
cat > "$W/kiosk.properties" <<EOF
main-class=com.clockface.ui.kiosk.KioskApp
description=ClockFace kiosk (face time clock screen)
java-options=-Donnxruntime.native.path=\$APPDIR/native/onnxruntime -Dfile.encoding=UTF-8
EOF
if [ "$OS" = windows ]; then echo "win-console=false" >> "$W/kiosk.properties"; fi
jpackage --type app-image --name clockface --app-version "$VERSION" --vendor ClockFace \
  --description "ClockFace: offline face time-clock kiosk" \
  --dest "$W/out" --input "$W/in" --main-jar "$JAR" --main-class com.clockface.cli.Main \
  --module-path "$W/fx" --add-modules "$MODULES" "${JOPTS[@]}" \
  --add-launcher clockface-kiosk="$W/kiosk.properties" \
  $([ "$OS" = windows ] && echo --win-console)

if [ "$OS" = linux ]; then
  APP=$W/out/clockface
  install -m 0644 "$HERE/linux/clockface-kiosk.desktop" "$APP/lib/clockface-kiosk.desktop"
  install -m 0644 "$HERE/linux/clockface-kiosk-autostart.desktop" "$APP/lib/clockface-kiosk-autostart.desktop"
  install -m 0755 "$HERE/linux/clockface-autostart" "$APP/bin/clockface-autostart"
  echo "app-image: $(du -sh "$APP" | cut -f1)  ($APP)"

  echo "== .deb ($(( $(date +%s) - started )) s so far)"
  # no --linux-shortcut: its postinst calls xdg-desktop-menu, which fails on headless machines and leaves the
  # package unremovable. Our postinst/prerm (installer/linux/deb) put the commands on the PATH and the menu
  # entry in /usr/share/applications instead.
  jpackage --type deb --app-image "$APP" --name clockface --app-version "$VERSION" --vendor ClockFace \
    --description "ClockFace: offline face time-clock kiosk" --dest "$W" \
    --resource-dir "$HERE/linux/deb" --linux-app-category misc \
    --linux-package-deps "libgtk-3-0, libv4l-0"
  DEB=$(ls "$W"/clockface_*.deb)
  echo "deb: $(du -h "$DEB" | cut -f1)  ($DEB)"
else
  echo "== .msi (WiX 3)"
  jpackage --type msi --app-image "$W/out/clockface" --name clockface --app-version "$VERSION" --vendor ClockFace \
    --description "ClockFace: offline face time-clock kiosk" --dest "$W/out" \
    --win-menu --win-menu-group ClockFace --win-shortcut --win-dir-chooser \
    --win-upgrade-uuid 6f0e8e0e-6a55-4c1f-9a43-2b8f3d6b1c0a
  ls -l "$W/out"/*.msi
fi
echo "== done in $(( $(date +%s) - started )) s"

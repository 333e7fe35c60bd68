#!/usr/bin/env bash
# End-to-end check of the Linux package on this machine (needs root, Xvfb, ImageMagick, x11-utils):
#   1. builds target/installer/devicedesk_*.deb if it is not there (mvn -B -Pinstaller package),
#   2. installs it with dpkg -i (first installing any missing Depends with apt-get, as `apt install ./x.deb` would),
#   3. checks the launcher, desktop entry and icon are in place,
#   4. starts the installed launcher under Xvfb with a temporary --db: once with --demo and
#      devicedesk.exitAfterFirstFrame (arguments reach the app; it prints its first frames and exits),
#      then normally, waits for the "Device Desk" window, checks it mapped the AOT cache,
#      and saves a screenshot to assets/screenshots/installed-sign-in.png,
#   5. uninstalls with dpkg -r and dpkg --purge and checks that the files are gone.
# Usage: installer/test-deb.sh        (exit status 0 = every check passed)
set -euo pipefail

PROJECT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$PROJECT/target/installer"
PKG=devicedesk
LAUNCHER=/opt/$PKG/bin/DeviceDesk
SHOT="$PROJECT/assets/screenshots/installed-sign-in.png"
TMP=$(mktemp -d /tmp/devicedesk-deb-test.XXXXXX)
XVFB_PID= APP_PID=

say() { echo "[test-deb] $*"; }
fail() { echo "[test-deb] FAILED: $*" >&2; exit 1; }
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || fail "run as root (dpkg -i needs it)."
for tool in Xvfb import xwininfo; do command -v $tool >/dev/null || fail "$tool is missing (apt-get install xvfb imagemagick x11-utils)."; done

DEB=$(ls "$OUT"/${PKG}_*.deb 2>/dev/null | head -1 || true)
if [ -z "$DEB" ]; then
    say "no package yet: building it"
    (cd "$PROJECT" && mvn -B -q -Pinstaller package)
    DEB=$(ls "$OUT"/${PKG}_*.deb | head -1)
fi
say "package: $DEB ($(du -h "$DEB" | cut -f1))"

if dpkg -s $PKG >/dev/null 2>&1; then say "removing an earlier install"; dpkg --purge $PKG >/dev/null; fi

MISSING=$(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed 's/(.*)//; s/|.*//; s/ //g' | while read -r p; do
    if [ -n "$p" ] && ! dpkg -s "$p" >/dev/null 2>&1; then echo "$p"; fi; done | tr '\n' ' ')
if [ -n "${MISSING// /}" ]; then
    say "installing missing dependencies: $MISSING"
    apt-get install -y --no-install-recommends $MISSING > "$TMP/apt.log" 2>&1 || { cat "$TMP/apt.log"; fail "apt-get could not install $MISSING"; }
fi

say "dpkg -i"
dpkg -i "$DEB"
dpkg -s $PKG | grep -q '^Status: install ok installed' || fail "dpkg does not list $PKG as installed."
[ -x "$LAUNCHER" ] || fail "$LAUNCHER is missing."
DESKTOP=$(ls /usr/share/applications/*${PKG}*.desktop 2>/dev/null | head -1 || true)
[ -n "$DESKTOP" ] || fail "no desktop entry in /usr/share/applications."
grep -q '^Categories=Office' "$DESKTOP" || fail "the desktop entry is not in the Office menu group."
ICON=/usr/share/icons/hicolor/256x256/apps/$(sed -n 's/^Icon=//p' "$DESKTOP").png
[ -f "$ICON" ] || fail "the desktop entry's icon $ICON is missing."
EXEC=$(sed -n 's/^Exec=//p' "$DESKTOP" | cut -d' ' -f1)
[ -x "$EXEC" ] || fail "the desktop entry starts $EXEC, which is missing."
say "installed: $LAUNCHER, /usr/bin/$PKG -> $(readlink /usr/bin/$PKG), $DESKTOP, $ICON"
sed 's/^/[test-deb]     /' "$DESKTOP"
# the headless mode (issue 18): units shipped but not enabled; the commands run with no display
for unit in devicedesk.service devicedesk-backup.service devicedesk-backup.timer; do
    [ -f /lib/systemd/system/$unit ] || fail "the systemd unit $unit is missing."
    [ ! -e /etc/systemd/system/multi-user.target.wants/$unit ] && [ ! -e /etc/systemd/system/timers.target.wants/$unit ] \
        || fail "$unit is enabled by the package; it must be off by default."
done
env -u DISPLAY /usr/bin/$PKG --help | grep -q 'devicedesk COMMAND' || fail "devicedesk --help did not print the usage."
env -u DISPLAY /usr/bin/$PKG verify-audit --db "$TMP/headless.db" | grep -q 'The audit trail is intact' \
    || fail "devicedesk verify-audit did not run headless."
say "headless: --help and verify-audit ran without a display; the systemd units are installed and off"
FILES=$(dpkg -L $PKG | grep -c .)

DISPLAY_NO=$((90 + RANDOM % 400))
Xvfb ":$DISPLAY_NO" -screen 0 1366x900x24 -nolisten tcp > "$TMP/xvfb.log" 2>&1 &
XVFB_PID=$!
export DISPLAY=":$DISPLAY_NO"
for _ in $(seq 50); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.2; done

say "first run: --demo with devicedesk.exitAfterFirstFrame (the arguments reach the app)"
mkdir -p "$TMP/data" # a missing --db folder is refused since issue 14 (a mistyped path is not a new database)
DEVICEDESK_EXIT_AFTER_FIRST_FRAME=true timeout 300 "$LAUNCHER" --db "$TMP/data/test.db" --demo --now 2026-03-02T09:00:00Z \
    > "$TMP/run1.log" 2>&1 || { cat "$TMP/run1.log"; fail "the first run did not end normally."; }
grep -q 'devicedesk.first-frame sign-in' "$TMP/run1.log" || { cat "$TMP/run1.log"; fail "the first run did not reach sign-in."; }
[ -s "$TMP/data/test.db" ] || fail "--db was not used: $TMP/data/test.db is missing."
grep 'devicedesk.first-frame' "$TMP/run1.log" | sed 's/^/[test-deb]     /'

say "second run: the installed launcher, as a person starts it"
"$LAUNCHER" --db "$TMP/data/test.db" > "$TMP/run2.log" 2>&1 &
APP_PID=$!
for _ in $(seq 240); do
    xwininfo -root -tree 2>/dev/null | grep -q '"Device Desk"' && break
    kill -0 $APP_PID 2>/dev/null || { cat "$TMP/run2.log"; fail "the launcher ended before showing a window."; }
    sleep 0.5
done
xwininfo -root -tree | grep '"Device Desk"' | head -1 | sed 's/^ */[test-deb]     window: /' || fail "no \"Device Desk\" window appeared within 2 minutes."
sleep 6   # the window shows "Opening …" first, then the sign-in screen once the database is open
JVM_PID=$(pgrep -P $APP_PID | head -1 || true); JVM_PID=${JVM_PID:-$APP_PID}
if grep -q 'devicedesk.aot' /proc/$APP_PID/maps 2>/dev/null || grep -q 'devicedesk.aot' /proc/$JVM_PID/maps 2>/dev/null; then
    say "the running launcher has mapped the AOT cache devicedesk.aot"
else
    fail "the launcher did not map the AOT cache (see -Xlog:aot in installer/README.md)."
fi
mkdir -p "$(dirname "$SHOT")"
import -window root "$SHOT"
say "screenshot: $SHOT"
kill $APP_PID; wait $APP_PID 2>/dev/null || true; APP_PID=

say "dpkg -r, then dpkg --purge"
dpkg -r $PKG
dpkg --purge $PKG
dpkg -s $PKG >/dev/null 2>&1 && fail "dpkg still lists $PKG."
[ -e /opt/$PKG ] && fail "/opt/$PKG is still there: $(find /opt/$PKG | head)"
[ -e "$DESKTOP" ] && fail "$DESKTOP is still there."
[ -e "$ICON" ] && fail "$ICON is still there."
[ -e /usr/bin/$PKG ] && fail "/usr/bin/$PKG is still there."
say "removed cleanly: the $FILES packaged paths, the desktop entry and /opt/$PKG are gone"
say "PASSED"

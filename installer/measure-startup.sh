#!/usr/bin/env bash
# Cold start to the first frame, in one run and under one Xvfb, of:
#   installed      the installed launcher /opt/devicedesk/bin/DeviceDesk (or LAUNCHER=...; falls back
#                  to the app-image target/installer/DeviceDesk/bin/DeviceDesk)
#   no-appcds      the same files with the launcher's -XX:SharedArchiveFile line removed (what AppCDS gives)
#   javafx-run     mvn -B -q -o javafx:run (classes already compiled; Maven start-up included, as people run it)
#   hello          a bare JavaFX window (installer/startup/HelloFirstFrame.java) on the JDK, class path,
#                  --enable-native-access=ALL-UNNAMED like javafx:run's forked JVM
# "Cold" = a new JVM process every time (the OS file cache is warm; dropping it needs the whole machine).
# Every round runs each variant once, in turn, so machine load hits them alike. Device Desk's times
# come from its devicedesk.exitAfterFirstFrame hook: "first window" = the first frame of the window
# ("Opening …"), "sign-in" = the first frame of the sign-in screen on an existing database.
# Usage: installer/measure-startup.sh [rounds]        (default 7; prints a Markdown table)
set -euo pipefail

ROUNDS=${1:-7}
PROJECT=$(cd "$(dirname "$0")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
LAUNCHER=${LAUNCHER:-/opt/devicedesk/bin/DeviceDesk}
[ -x "$LAUNCHER" ] || LAUNCHER="$PROJECT/target/installer/DeviceDesk/bin/DeviceDesk"
[ -x "$LAUNCHER" ] || { echo "No launcher: install the .deb or run mvn -B -Pinstaller package first." >&2; exit 1; }
APPROOT=$(dirname "$(dirname "$LAUNCHER")")
TMP=$(mktemp -d /tmp/devicedesk-startup.XXXXXX)
XVFB_PID=
cleanup() { [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
log() { echo "$*" >&2; }

# the launcher without AppCDS: a copy keeping file times, with the archive option taken out
cp -a "$APPROOT" "$TMP/nocds"
sed -i '/SharedArchiveFile/d' "$TMP/nocds/lib/app/"*.cfg
NOCDS="$TMP/nocds/bin/$(basename "$LAUNCHER")"

# the hello window, compiled against the same JavaFX jars the build uses
M2=${M2_REPO:-$HOME/.m2/repository}
FX=$(ls "$M2"/org/openjfx/javafx-{base,graphics,controls}/21.0.9/*-linux.jar | tr '\n' ':')
mkdir -p "$TMP/hello"
"$JAVA_HOME/bin/javac" -d "$TMP/hello" -cp "$FX" "$PROJECT/installer/startup/HelloFirstFrame.java"
(cd "$PROJECT" && mvn -B -q -o compile > "$TMP/compile.log" 2>&1) || { cat "$TMP/compile.log"; exit 1; }

DISPLAY_NO=$((90 + RANDOM % 400))
Xvfb ":$DISPLAY_NO" -screen 0 1366x900x24 -nolisten tcp > /dev/null 2>&1 &
XVFB_PID=$!
export DISPLAY=":$DISPLAY_NO"
sleep 1

DB="$TMP/data/startup.db"
log "making a demo database (not measured)"
DEVICEDESK_EXIT_AFTER_FIRST_FRAME=true "$LAUNCHER" --db "$DB" --demo > "$TMP/demo.log" 2>&1

run() {  # run NAME CMD...  -> "NAME first_ms signin_ms"
    local name=$1; shift
    local t0 out
    t0=$(date +%s%3N)
    out=$(DEVICEDESK_EXIT_AFTER_FIRST_FRAME=true timeout 180 "$@" 2>&1) || { log "$name failed: $out"; return 1; }
    local first signin
    first=$(sed -n 's/^\(devicedesk\|hello\)\.first-frame \(splash \)\?\([0-9]*\)$/\3/p' <<<"$out" | head -1)
    signin=$(sed -n 's/^devicedesk\.first-frame sign-in \([0-9]*\)$/\1/p' <<<"$out" | head -1)
    echo "$name $((first - t0)) $([ -n "$signin" ] && echo $((signin - t0)) || echo -)"
}

RESULTS="$TMP/results"
for r in $(seq "$ROUNDS"); do
    log "round $r/$ROUNDS (load $(cut -d' ' -f1 /proc/loadavg))"
    run installed "$LAUNCHER" --db "$DB" >> "$RESULTS"
    run no-appcds "$NOCDS" --db "$DB" >> "$RESULTS"
    run javafx-run bash -c "cd '$PROJECT' && exec mvn -B -q -o javafx:run -Djavafx.args='--db $DB'" >> "$RESULTS"
    run hello "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$TMP/hello:$FX" 'HelloFirstFrame$Main' >> "$RESULTS"
done

# median and worst per variant and column; ratios against hello's first frame
awk -v rounds="$ROUNDS" -v jdk="$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)" '
function med(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
                                 return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
function worst(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
{ n[$1]++; f[$1, n[$1]] = $2; s[$1, n[$1]] = $3; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
END {
    for (i = 1; i <= k; i++) { v = order[i]; split("", a); split("", b)
        for (j = 1; j <= n[v]; j++) { a[j] = f[v, j]; b[j] = s[v, j] }
        fm[v] = med(a, n[v]); fw[v] = worst(a, n[v])
        if (b[1] != "-") { sm[v] = med(b, n[v]); sw[v] = worst(b, n[v]) } }
    printf "%d rounds, %s, Xvfb, load average %s\n\n", rounds, jdk, load
    print "| variant | first frame: median | worst | × hello | sign-in frame: median | worst | × hello |"
    print "|---|---:|---:|---:|---:|---:|---:|"
    h = fm["hello"]
    for (i = 1; i <= k; i++) { v = order[i]
        printf "| %s | %d ms | %d ms | %.1f | %s | %s | %s |\n", v, fm[v], fw[v], fm[v] / h,
            (v in sm) ? sprintf("%d ms", sm[v]) : "–", (v in sw) ? sprintf("%d ms", sw[v]) : "–",
            (v in sm) ? sprintf("%.1f", sm[v] / h) : "–" }
    if (("installed" in sm) && ("javafx-run" in sm))
        printf "\ninstalled launcher vs mvn javafx:run, to sign-in: %.2f× (median)\n", sm["installed"] / sm["javafx-run"]
}' load="$(cut -d' ' -f1-3 /proc/loadavg)" "$RESULTS"

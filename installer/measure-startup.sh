#!/usr/bin/env bash
# Start-up of Device Desk against a bare JavaFX window started the same way, measured in one run.
#
#   installer/measure-startup.sh [rounds]          (default 7; writes target/bench/startup.md)
#
# Figures (each a candidate against its baseline, both started alike):
#   class path   java -cp target/classes:<runtime jars> org.devicedesk.Main, to the first frame of the
#                sign-in screen, against the hello window (installer/startup/HelloFirstFrame.java)
#                with java -cp <hello>:<JavaFX jars>: the same JDK and the same JVM flags
#                (--enable-native-access=ALL-UNNAMED, nothing else), no Maven.      Goal <= 2.0x
#   app-image    the app-image's launcher (target/installer/DeviceDesk/bin/DeviceDesk, or LAUNCHER=...,
#                e.g. the installed /opt/devicedesk/bin/DeviceDesk) to the sign-in frame, against the
#                hello window packaged the same way: the same launcher binary, jlinked runtime,
#                JavaFX jars with their natives beside them and java-options (C1 only, ...), with its
#                own AOT cache (or AppCDS archive, whichever the app-image has) made by a training run
#                to its first frame, as the build does for Device Desk.              Goal <= 1.3x
#   The app-image figure is left out when no app-image is built (mvn -B -Pinstaller package).
# Also shown: each variant's first frame (Device Desk's "Opening ..." window).
# Optional extra variants, measured in the same rounds (for before/after comparisons):
#   BEFORE_CLASSES=dir   another build's classes on the same class path ("before", class path)
#   BEFORE_IMAGE=dir     another app-image ("before", app-image)
#   WITH_MAVEN=1         mvn -B -q -o javafx:run, as developers start it (slow)
#
# Every round starts each variant once as a new process, in turn (the order rotating), so machine
# load hits them alike; the first round is the cold one (first start after the build; the OS file
# cache is not dropped: that needs the whole machine) and is reported apart; median and worst are
# over the other rounds. The times are wall clock from starting the process to the printed time of
# the frame (Device Desk: -Ddevicedesk.exitAfterFirstFrame, see FirstFrame.java; hello: the same
# second-pulse rule). All runs share one Xvfb; the database is a demo database made before round 1.
set -euo pipefail

ROUNDS=${1:-7}
[ "$ROUNDS" -ge 2 ] || { echo "At least 2 rounds: the first is the cold one." >&2; exit 1; }
PROJECT=$(cd "$(dirname "$0")/.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
OUT_MD="$PROJECT/target/bench/startup.md"
LAUNCHER=${LAUNCHER:-$PROJECT/target/installer/DeviceDesk/bin/DeviceDesk}
TMP=$(mktemp -d /tmp/devicedesk-startup.XXXXXX)
XVFB_PID=
cleanup() { [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
log() { echo "[startup] $*" >&2; }
command -v Xvfb >/dev/null || { echo "Xvfb is missing: apt-get install xvfb (tools/screenshot.sh installs it as root)." >&2; exit 1; }

# ---------------------------------------------------------------- the class path, as the build has it
log "compiling and reading the runtime class path (Maven, offline first)"
build_cp() { (cd "$PROJECT" && mvn -B -q "$@" compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
               -DincludeScope=runtime -Dmdep.outputFile="$TMP/cp.txt" > "$TMP/maven.log" 2>&1); }
build_cp -o || build_cp || { cat "$TMP/maven.log"; exit 1; }
CP=$(cat "$TMP/cp.txt")
FX=$(tr ':' '\n' < "$TMP/cp.txt" | grep '/javafx-' | paste -sd:)
mkdir -p "$TMP/hello"
javac -d "$TMP/hello" -cp "$FX" "$PROJECT/installer/startup/HelloFirstFrame.java"
FLAGS=(--enable-native-access=ALL-UNNAMED)   # the same for both class-path variants

DISPLAY_NO=$((90 + RANDOM % 400))
Xvfb ":$DISPLAY_NO" -screen 0 1366x900x24 -nolisten tcp > /dev/null 2>&1 &
XVFB_PID=$!
export DISPLAY=":$DISPLAY_NO"
sleep 1

# ---------------------------------------------------------------- the hello window packaged like the app
IMAGE=
if [ -x "$LAUNCHER" ]; then
    IMAGE=$(dirname "$(dirname "$LAUNCHER")")
    NAME=$(basename "$LAUNCHER")
    log "packaging the hello window like $IMAGE"
    # a linked copy of the app-image (same launcher, runtime, JavaFX jars and natives, same file times),
    # with its own configuration: the hello jar as the class path and the app's java-options
    cp -al "$IMAGE" "$TMP/hello-image" 2>/dev/null || { rm -rf "$TMP/hello-image"; cp -a "$IMAGE" "$TMP/hello-image"; }
    HCFG="$TMP/hello-image/lib/app/$NAME.cfg"
    rm -f "$HCFG" "$TMP/hello-image/lib/app/"*.jsa "$TMP/hello-image/lib/app/"*.aot
    (cd "$TMP/hello" && jar --create --file "$TMP/hello-image/lib/app/hello.jar" *.class)
    ARCHIVE_OPTS='SharedArchiveFile|ArchiveClassesAtExit|AOTCache'
    {
        echo "[Application]"
        echo "app.classpath=\$APPDIR/hello.jar"
        echo "app.mainclass=HelloFirstFrame\$Main"
        (cd "$IMAGE/lib/app" && ls javafx-*.jar) | sed 's/^/app.classpath=$APPDIR\//'
        echo
        echo "[JavaOptions]"
        grep '^java-options=' "$IMAGE/lib/app/$NAME.cfg" | grep -v -E "$ARCHIVE_OPTS"
    } > "$HCFG.base"
    # the same kind of archive as the app's, made the same way: a training run to the first frame
    if grep -q 'AOTCache=' "$IMAGE/lib/app/$NAME.cfg"; then
        TRAIN_OPT="-XX:AOTCacheOutput=$TMP/hello-image/lib/app/hello.aot"; USE_OPT='-XX:AOTCache=$APPDIR/hello.aot'
    elif grep -q 'SharedArchiveFile=' "$IMAGE/lib/app/$NAME.cfg"; then
        TRAIN_OPT="-XX:ArchiveClassesAtExit=$TMP/hello-image/lib/app/hello.jsa"; USE_OPT='-XX:SharedArchiveFile=$APPDIR/hello.jsa'
    else
        TRAIN_OPT=; USE_OPT=
    fi
    cp "$HCFG.base" "$HCFG"
    if [ -n "$TRAIN_OPT" ]; then
        echo "java-options=$TRAIN_OPT" >> "$HCFG"
        "$TMP/hello-image/bin/$NAME" > "$TMP/hello-training.log" 2>&1 || { cat "$TMP/hello-training.log"; exit 1; }
        cp "$HCFG.base" "$HCFG" && echo "java-options=$USE_OPT" >> "$HCFG"
    fi
    HELLO_LAUNCHER="$TMP/hello-image/bin/$NAME"
else
    log "no app-image at $LAUNCHER: only the class-path figure (mvn -B -Pinstaller package builds one)"
fi

DB="$TMP/data/startup.db"
mkdir -p "$TMP/data"  # a missing folder is refused (never a new empty database), so make it first
log "making a demo database (not measured)"
DEVICEDESK_EXIT_AFTER_FIRST_FRAME=true java "${FLAGS[@]}" -cp "$PROJECT/target/classes:$CP" org.devicedesk.Main --db "$DB" --demo > "$TMP/demo.log" 2>&1 \
    || { cat "$TMP/demo.log"; exit 1; }

# ---------------------------------------------------------------- the variants
# name|figure|role|command (figure: which comparison; role: candidate or baseline)
VARIANTS=()
add() { VARIANTS+=("$1"); }
add "app-cp|class path|candidate|java ${FLAGS[*]} -cp $PROJECT/target/classes:$CP org.devicedesk.Main --db $DB"
add "hello-cp|class path|baseline|java ${FLAGS[*]} -cp $TMP/hello:$FX 'HelloFirstFrame\$Main'"
[ -n "${BEFORE_CLASSES:-}" ] && add "before-cp|class path|before|java ${FLAGS[*]} -cp $BEFORE_CLASSES:$CP org.devicedesk.Main --db $DB"
if [ -n "$IMAGE" ]; then
    add "app-image|app-image|candidate|$LAUNCHER --db $DB"
    add "hello-image|app-image|baseline|$HELLO_LAUNCHER"
    [ -n "${BEFORE_IMAGE:-}" ] && add "before-image|app-image|before|$BEFORE_IMAGE/bin/$NAME --db $DB"
fi
[ "${WITH_MAVEN:-}" = 1 ] && add "javafx-run|class path|other|bash -c 'cd $PROJECT && exec mvn -B -q -o javafx:run -Djavafx.args=\"--db $DB\"'"

run() {  # run ROUND NAME CMD -> "ROUND NAME first_ms signin_ms"
    local round=$1 name=$2 cmd=$3 t0 out first signin
    t0=$(date +%s%3N)
    out=$(DEVICEDESK_EXIT_AFTER_FIRST_FRAME=true timeout 300 bash -c "exec $cmd" 2>&1) || { log "$name failed: $out"; exit 1; }
    first=$(sed -n 's/^\(devicedesk\|hello\)\.first-frame \(splash \)\?\([0-9]*\)$/\3/p' <<<"$out" | head -1)
    signin=$(sed -n 's/^\(devicedesk\.first-frame sign-in\|hello\.first-frame\) \([0-9]*\)$/\2/p' <<<"$out" | head -1)
    [ -n "$first" ] && [ -n "$signin" ] || { log "$name printed no frame time: $out"; exit 1; }
    echo "$round $name $((first - t0)) $((signin - t0))"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
RESULTS="$TMP/results"
n=${#VARIANTS[@]}
for r in $(seq "$ROUNDS"); do
    log "round $r/$ROUNDS$([ "$r" = 1 ] && echo ' (cold)') load $(cut -d' ' -f1 /proc/loadavg)"
    for i in $(seq 0 $((n - 1))); do
        IFS='|' read -r name _ _ cmd <<<"${VARIANTS[$(((i + r - 1) % n))]}"
        run "$r" "$name" "$cmd" >> "$RESULTS"
    done
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$(dirname "$OUT_MD")"
cp "$RESULTS" "${OUT_MD%.md}-rounds.txt"   # round name first_ms signin_ms

# ---------------------------------------------------------------- the table
printf '%s\n' "${VARIANTS[@]}" | cut -d'|' -f1-3 > "$TMP/variants"
mkdir -p "$(dirname "$OUT_MD")"
awk -v rounds="$ROUNDS" -v jdk="$(java -version 2>&1 | head -1)" -v cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" \
    -v cores="$(nproc)" -v when="$(date -u '+%Y-%m-%d %H:%M UTC')" -v load1="$LOAD_BEFORE" -v load2="$LOAD_AFTER" \
    -v launcher="$LAUNCHER" -v haveimage="$IMAGE" '
function sort(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t } }
function med(a, n) { sort(a, n); return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
function worst(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
function stats(v, col,   a, k, r) { k = 0; for (r = 2; r <= rounds; r++) a[++k] = t[v, r, col]; M[v, col] = med(a, k); W[v, col] = worst(a, k) }
FILENAME == ARGV[1] { split($0, p, "|"); order[++nv] = p[1]; fig[p[1]] = p[2]; role[p[1]] = p[3]; next }
{ t[$2, $1, 1] = $3; t[$2, $1, 2] = $4 }
END {
    for (i = 1; i <= nv; i++) { stats(order[i], 1); stats(order[i], 2) }
    printf "## Start-up to the sign-in frame\n\n"
    printf "%s; %d rounds (round 1 = cold, reported apart; median and worst over rounds 2-%d); %s; %d cores (%s), shared: load average %s at the start, %s at the end; Xvfb.\n\n", when, rounds, rounds, jdk, cores, cpu, load1, load2
    print "| figure | candidate | baseline | cold: candidate | baseline | ratio | median: candidate | baseline | **ratio** | worst: candidate | baseline | ratio | goal |"
    print "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    for (i = 1; i <= nv; i++) { c = order[i]; if (role[c] != "candidate" && role[c] != "before") continue
        b = ""; for (j = 1; j <= nv; j++) if (fig[order[j]] == fig[c] && role[order[j]] == "baseline") b = order[j]
        goal = fig[c] == "class path" ? 2.0 : 1.3
        r = M[c, 2] / M[b, 2]
        printf "| %s | %s | %s | %d ms | %d ms | %.2f | %d ms | %d ms | **%.2f** | %d ms | %d ms | %.2f | <= %.1f: %s |\n", fig[c], c, b,
            t[c, 1, 2], t[b, 1, 2], t[c, 1, 2] / t[b, 1, 2], M[c, 2], M[b, 2], r, W[c, 2], W[b, 2], W[c, 2] / W[b, 2],
            goal, role[c] == "before" ? "(before)" : (r <= goal ? "met" : sprintf("missed by %.0f%%", (r / goal - 1) * 100)) }
    if (haveimage == "") print "\n(no app-image was built, so only the class-path figure: `mvn -B -Pinstaller package` builds one)"
    printf "\nFirst frame of each window (Device Desk: the \"Opening ...\" window), median of rounds 2-%d: ", rounds
    for (i = 1; i <= nv; i++) printf "%s%s %d ms (cold %d ms)", (i > 1 ? ", " : ""), order[i], M[order[i], 1], t[order[i], 1, 1]
    printf ".\n\nEvery round, in ms to the sign-in frame (hello: its first frame):\n\n| round |"
    for (i = 1; i <= nv; i++) printf " %s |", order[i]
    printf "\n|---|"; for (i = 1; i <= nv; i++) printf "---:|"; print ""
    for (r = 1; r <= rounds; r++) { printf "| %d%s |", r, r == 1 ? " (cold)" : ""; for (i = 1; i <= nv; i++) printf " %d |", t[order[i], r, 2]; print "" }
    printf "\nLauncher: %s. Command: `installer/measure-startup.sh %d`.\n", haveimage == "" ? "none" : launcher, rounds
}' "$TMP/variants" "$RESULTS" | tee "$OUT_MD"
log "written to $OUT_MD"

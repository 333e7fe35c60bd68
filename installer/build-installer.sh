#!/usr/bin/env bash
# Builds the Device Desk app-image and Linux .deb with jpackage. Called by `mvn -B -Pinstaller package`
# (after the jar is built and the runtime dependencies are copied to target/installer/input);
# it can also be run by hand after that Maven step:  installer/build-installer.sh [project-dir]
#
#   target/installer/runtime/       Java runtime trimmed by jlink (modules found by jdeps)
#   target/installer/DeviceDesk/    the app-image (bin/DeviceDesk, lib/app/*.jar, lib/runtime)
#   target/installer/devicedesk_<version>_amd64.deb   installs to /opt/devicedesk, menu entry in Office
#
# Start-up: the build makes an AOT cache (JDK 24+, JEP 483: classes loaded and linked ahead of time,
# lib/app/devicedesk.aot) by a training run of the app-image up to the first frame of the sign-in
# screen, under Xvfb (or $DISPLAY). The launcher uses it through -XX:AOTCache=$APPDIR/devicedesk.aot.
# The JavaFX and SQLite native libraries are unpacked at build time so the installed app does not
# unpack them at every start.
set -euo pipefail

PROJECT=$(cd "${1:-$(dirname "$0")/..}" && pwd)
OUT="$PROJECT/target/installer"
INPUT="$OUT/input"
NAME=DeviceDesk
PKG=devicedesk
VERSION=${DEVICEDESK_VERSION:-$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$PROJECT/pom.xml" | head -1)}
JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
JDK="$JAVA_HOME/bin"

say() { echo "[installer] ${SECONDS}s $*"; }
die() { echo "[installer] ERROR: $*" >&2; exit 1; }

for tool in jdeps jlink jpackage; do
    [ -x "$JDK/$tool" ] || die "$JDK/$tool is missing: set JAVA_HOME to a full JDK 25+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)."
done
# the app builds and runs on JDK 21+, but the package's start-up cache is JDK 25's AOT cache (JEP 514)
JDK_MAJOR=$("$JDK/java" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}')
[ "${JDK_MAJOR:-0}" -ge 25 ] || die "the installer needs JDK 25 or newer (found $JDK_MAJOR at $JAVA_HOME): its start-up cache is JDK 25's AOT cache. Set JAVA_HOME to a JDK 25+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64); the app itself builds and runs on JDK 21+." 
command -v dpkg-deb >/dev/null || die "dpkg-deb is missing: the .deb needs it (apt-get install dpkg-dev)."
command -v zip >/dev/null || die "zip is missing: trimming the jars needs it (apt-get install zip)."
command -v fakeroot >/dev/null || die "fakeroot is missing: jpackage needs it for the .deb (apt-get install fakeroot)."
MAIN_JAR="$PKG-$VERSION.jar"
[ -f "$INPUT/$MAIN_JAR" ] || die "$INPUT/$MAIN_JAR is missing: run 'mvn -B -Pinstaller package', which puts it there."

# ---------------------------------------------------------------- runtime (jlink)
# JavaFX and the libraries are on the class path (org.devicedesk.Main launches the Application),
# so jdeps lists the JDK modules they use; the few found only at run time are added by name:
#   jdk.localedata (en-GB dates and numbers), jdk.charsets (CSV files in legacy encodings),
#   jdk.crypto.cryptoki (PostgreSQL TLS with PKCS#11 keys), jdk.zipfs (Flyway scanning jars).
rm -rf "$OUT/runtime" "$OUT/$NAME" "$OUT/work" "$OUT"/*.deb
mkdir -p "$OUT/work"
# the jars are trimmed below: work on a copy, so that Maven's input folder stays as Maven made it
rm -rf "$OUT/app-input" && cp -a "$INPUT" "$OUT/app-input" && INPUT="$OUT/app-input"
# JavaFX first looks for its natives beside its jar, and only then unpacks them from the jar
# into ~/.openjfx/cache at every start; put them beside the jar ($APPDIR).
for jar in "$INPUT"/javafx-*-linux.jar; do
    unzip -q -o -j "$jar" '*.so' -d "$INPUT" 2>/dev/null || true
done
# sqlite-jdbc otherwise unpacks libsqlitejdbc.so into /tmp at every start
mkdir -p "$INPUT/native"
unzip -q -o -j "$INPUT/sqlite-jdbc-"*.jar 'org/sqlite/native/Linux/x86_64/libsqlitejdbc.so' -d "$INPUT/native"

# ---------------------------------------------------------------- trimming the jars (issue 20)
# Only this platform's natives, once: the JavaFX jars keep their classes (their .so files are beside
# them now), sqlite-jdbc drops the natives of every platform (14 MB; the launcher points it at
# native/ above).
say "trimming the jars"
for jar in "$INPUT"/javafx-*-linux.jar; do
    zip -q -d "$jar" '*.so' > /dev/null 2>&1 || true
done
zip -q -d "$INPUT/sqlite-jdbc-"*.jar 'org/sqlite/native/*' > /dev/null
# Bouncy Castle (8 MB, signed) is there for Argon2 alone: keep the classes Argon2 reaches (jdeps,
# class by class, from the two the app uses) and drop the signature, which covered the whole jar.
BC_JAR=$(ls "$INPUT"/bcprov-*.jar)
"$JDK/jdeps" -verbose:class -filter:none --multi-release 21 "$BC_JAR" 2>/dev/null \
    | awk '$2 == "->" && $3 ~ /^([0-9]+\/)?org\.bouncycastle\./ { sub(/^[0-9]+\//, "", $1); sub(/^[0-9]+\//, "", $3); print $1, $3 }' \
    > "$OUT/work/bc-edges.txt"
awk -v roots='org.bouncycastle.crypto.generators.Argon2BytesGenerator org.bouncycastle.crypto.params.Argon2Parameters org.bouncycastle.crypto.params.Argon2Parameters$Builder' '
    { to[$1] = to[$1] " " $2 }
    END { n = split(roots, r, " "); for (i = 1; i <= n; i++) { keep[r[i]] = 1; q[++qn] = r[i] }
          for (h = 1; h <= qn; h++) { m = split(to[q[h]], t, " "); for (j = 1; j <= m; j++) if (!(t[j] in keep)) { keep[t[j]] = 1; q[++qn] = t[j] } }
          for (k in keep) { gsub(/\./, "/", k); print k ".class" } }' "$OUT/work/bc-edges.txt" > "$OUT/work/bc-keep.txt"
[ "$(wc -l < "$OUT/work/bc-keep.txt")" -gt 10 ] || die "jdeps found no Bouncy Castle classes for Argon2."
rm -rf "$OUT/work/bc" && mkdir -p "$OUT/work/bc" && (cd "$OUT/work/bc" && unzip -q "$BC_JAR")
(cd "$OUT/work/bc" && find org -name '*.class' | sort > ../bc-all.txt
 grep -vxF -f ../bc-keep.txt ../bc-all.txt | xargs rm -f
 for v in META-INF/versions/*; do
     [ -d "$v/org" ] || continue
     (cd "$v" && find org -name '*.class' | grep -vxF -f "$OUT/work/bc-keep.txt" | xargs rm -f)
 done
 # no resources (post-quantum tables, OSGi and provider service files naming dropped classes), no signature
 find . -type f ! -name '*.class' -delete
 rm -f META-INF/versions/*/module-info.class module-info.class
 printf 'Manifest-Version: 1.0\nMulti-Release: true\n' > META-INF/MANIFEST.MF
 find . -type d -empty -delete
 rm -f "$BC_JAR" && zip -q -r -X "$BC_JAR" META-INF org)
say "Bouncy Castle: $(wc -l < "$OUT/work/bc-keep.txt") classes kept, $(du -h "$BC_JAR" | cut -f1)"

say "finding the JDK modules with jdeps"
MODULES=$("$JDK/jdeps" --ignore-missing-deps --print-module-deps --multi-release 21 \
          --class-path "$INPUT/*" "$INPUT"/*.jar 2>/dev/null | tail -1)
[ -n "$MODULES" ] || die "jdeps found no modules."
MODULES="$MODULES,jdk.localedata,jdk.charsets,jdk.crypto.cryptoki,jdk.zipfs"
say "jlink runtime with: $MODULES"
# (not compressed: classes not in the CDS archive load faster, and the .deb is compressed anyway)
"$JDK/jlink" --add-modules "$MODULES" --include-locales=en \
    --strip-debug --no-man-pages --no-header-files --output "$OUT/runtime"
# The runtime's base CDS archive (used when the AOT cache below cannot be), dumped with the launcher's
# module options: an archive dumped without --enable-native-access makes the JVM drop its archived
# module graph at every start.
"$OUT/runtime/bin/java" --enable-native-access=ALL-UNNAMED -Xshare:dump > "$OUT/work/base-cds.log" 2>&1 \
    || { cat "$OUT/work/base-cds.log"; die "dumping the base CDS archive failed."; }

# ---------------------------------------------------------------- app-image (jpackage)
JAVA_OPTIONS=(
    --java-options '--enable-native-access=ALL-UNNAMED'
    # JavaFX 21's Marlin renderer uses sun.misc.Unsafe's memory methods, which this JDK 25 runtime warns about
    # at every start unless allowed (issue 17: no warnings on a normal start); the training run below uses it too
    --java-options '--sun-misc-unsafe-memory-access=allow'
    --java-options '-Dorg.sqlite.lib.path=$APPDIR/native'
    --java-options '-Dorg.sqlite.lib.name=libsqlitejdbc.so'
    # the AOT cache made below (it also holds the JDK's own classes, in place of the runtime's CDS
    # archive); a JVM that cannot use it starts without it, only slower
    --java-options '-XX:AOTCache=$APPDIR/devicedesk.aot'
    # C1 only: measured 2.4x faster to the sign-in screen on a busy 2-core machine (C2's compiler
    # threads compete with start-up); costs peak speed in long hot loops (installer/README.md)
    --java-options '-XX:TieredStopAtLevel=1'
)
COMMON=(
    --name "$NAME" --app-version "$VERSION"
    --vendor "Device Desk" --copyright "Device Desk contributors"
    --description "Device register, security incidents, overseas travel notices and DPO breach review."
)
say "jpackage app-image"
"$JDK/jpackage" --type app-image --dest "$OUT" "${COMMON[@]}" \
    --input "$INPUT" --main-jar "$MAIN_JAR" --main-class org.devicedesk.Main \
    --runtime-image "$OUT/runtime" --icon "$PROJECT/assets/icon/devicedesk-256.png" \
    "${JAVA_OPTIONS[@]}"
IMAGE="$OUT/$NAME"
CFG="$IMAGE/lib/app/$NAME.cfg"

# ---------------------------------------------------------------- AOT cache (training run)
# The training run is the app-image itself (same runtime, class path and options), with
# -XX:AOTCacheOutput in place of -XX:AOTCache: first a run that makes a demo database (so the
# second run shows sign-in, not first-run set-up), then the recorded run up to the first frame of
# the sign-in screen (devicedesk.exitAfterFirstFrame); at its exit the JVM writes the cache (JDK 25,
# JEP 514: one step; it starts lib/runtime/bin/java once more to assemble it).
# (Measured against the AppCDS archive this replaces, -XX:ArchiveClassesAtExit/-XX:SharedArchiveFile:
# about 20% less time to the sign-in frame; see "Start-up of the packaged app" in the README.)
run_display() {
    if [ -n "${DISPLAY:-}" ]; then "$@"
    elif command -v xvfb-run >/dev/null; then xvfb-run -a -s "-screen 0 1366x900x24" "$@"
    else die "the AOT training run needs a display: install xvfb (apt-get install xvfb) or set DISPLAY."
    fi
}
TRAIN="$OUT/work/training"
mkdir -p "$TRAIN"
cp "$CFG" "$OUT/work/$NAME.cfg"
sed -i 's|^java-options=-XX:AOTCache=.*$|java-options=-Ddevicedesk.exitAfterFirstFrame=true|' "$CFG"
say "training run 1/2: demo database"
run_display timeout 300 "$IMAGE/bin/$NAME" --db "$TRAIN/training.db" --demo > "$TRAIN/run1.log" 2>&1 \
    || { cat "$TRAIN/run1.log"; die "the training run failed (log above)."; }
sed -i "s|^java-options=-Ddevicedesk.exitAfterFirstFrame=true\$|java-options=-Ddevicedesk.exitAfterFirstFrame=true\njava-options=-XX:AOTCacheOutput=$IMAGE/lib/app/devicedesk.aot|" "$CFG"
say "training run 2/2: sign-in, recording the classes"
run_display timeout 300 "$IMAGE/bin/$NAME" --db "$TRAIN/training.db" > "$TRAIN/run2.log" 2>&1 \
    || { cat "$TRAIN/run2.log"; die "the training run failed (log above)."; }
grep -q 'devicedesk.first-frame sign-in' "$TRAIN/run2.log" || { cat "$TRAIN/run2.log"; die "the training run did not reach the sign-in screen."; }
cp "$OUT/work/$NAME.cfg" "$CFG"
[ -s "$IMAGE/lib/app/devicedesk.aot" ] || { cat "$TRAIN/run2.log"; die "no AOT cache was written."; }
say "AOT cache: $(du -h "$IMAGE/lib/app/devicedesk.aot" | cut -f1)"

# ---------------------------------------------------------------- .deb (jpackage, then dpkg-deb)
# jpackage makes the package and works out its Depends from the native libraries; its package is
# not compressed (DPKG_DEB_COMPRESSOR_TYPE) because it is unpacked and rebuilt below.
say "jpackage deb"
DPKG_DEB_COMPRESSOR_TYPE=none "$JDK/jpackage" --type deb --dest "$OUT/work" --app-image "$IMAGE" "${COMMON[@]}" \
    --icon "$PROJECT/assets/icon/devicedesk-256.png" \
    --linux-package-name "$PKG" --linux-deb-maintainer "helpdesk@devicedesk.invalid" \
    --linux-app-category "misc"
# The rebuilt package:
#  - keeps the app-image's file times: jpackage copies with new times, but the JVM accepts its AOT
#    cache only with the very jars (size and time) it was made from;
#  - carries the menu entry (Office group) and the icons in the hicolor theme as its own files
#    (instead of jpackage's xdg-desktop-menu calls, which fail on machines without a desktop menu
#    folder and left the package half-installed), plus /usr/bin/devicedesk; dpkg removes them all.
say "rebuilding the .deb with the menu entry and icons"
REPACK="$OUT/work/deb"
dpkg-deb -R "$OUT/work/${PKG}_${VERSION}"*.deb "$REPACK"
(cd "$IMAGE" && find . -type f) | while read -r f; do
    touch -r "$IMAGE/$f" "$REPACK/opt/$PKG/$f"
done
rm -f "$REPACK/opt/$PKG/lib/$PKG-$NAME.desktop" "$REPACK/DEBIAN/preinst" "$REPACK/DEBIAN/prerm"
install -m 755 "$PROJECT/installer/linux/postinst" "$PROJECT/installer/linux/postrm" "$REPACK/DEBIAN/"
install -D -m 644 "$PROJECT/installer/linux/$PKG.desktop" "$REPACK/usr/share/applications/$PKG.desktop"
# the headless service and the nightly backup (issue 18): shipped, never enabled by the package
for unit in devicedesk.service devicedesk-backup.service devicedesk-backup.timer; do
    install -D -m 644 "$PROJECT/installer/linux/$unit" "$REPACK/lib/systemd/system/$unit"
done
for size in 16 32 48 64 128 256 512; do
    install -D -m 644 "$PROJECT/assets/icon/devicedesk-$size.png" \
        "$REPACK/usr/share/icons/hicolor/${size}x${size}/apps/$PKG.png"
done
install -D -m 644 "$PROJECT/assets/icon/devicedesk.svg" "$REPACK/usr/share/icons/hicolor/scalable/apps/$PKG.svg"
mkdir -p "$REPACK/usr/bin" && ln -s "/opt/$PKG/bin/$NAME" "$REPACK/usr/bin/$PKG"
sed -i "s/^Installed-Size:.*/Installed-Size: $(du -sk --exclude=DEBIAN "$REPACK" | cut -f1)/" "$REPACK/DEBIAN/control"
# xz (dpkg-deb runs it on every core): 58 MB against gzip's 74 MB, about 1.5 min more on this 2-core machine (issue 20)
fakeroot dpkg-deb -Zxz --build "$REPACK" "$OUT/${PKG}_${VERSION}_amd64.deb" > /dev/null
rm -rf "$OUT/work"
say "done: $(ls "$OUT"/*.deb)"

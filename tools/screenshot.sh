#!/usr/bin/env bash
# Takes a PNG of the real Device Desk window (glass/GTK under Xvfb) over a fresh demo database.
#   tools/screenshot.sh --as helpdesk --screen devices --out assets/screenshots/devices-list.png
#   tools/screenshot.sh --login --out assets/screenshots/sign-in.png
# Every option is described in docs/screenshots.md. SKIP_BUILD=1 skips the compile step.
set -euo pipefail
cd "$(dirname "$0")/.."

# what the real window needs: an X server in memory and GTK 3 (installed when missing and run as root)
missing=()
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb xauth)
ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0' || missing+=(libgtk-3-0)
if ((${#missing[@]})); then
  if [[ $EUID -eq 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Screenshots need: ${missing[*]}. Install them (sudo apt-get install ${missing[*]}) and run again." >&2
    exit 1
  fi
fi

java_major() { "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'; }
if [[ -z "${JAVA_HOME:-}" ]] || [[ "$(java_major "$JAVA_HOME/bin/java")" -lt 21 ]]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64 /usr/lib/jvm/*; do
    if [[ -x "$candidate/bin/java" ]] && [[ "$(java_major "$candidate/bin/java")" -ge 21 ]]; then export JAVA_HOME="$candidate"; break; fi
  done
fi
export PATH="$JAVA_HOME/bin:$PATH"

cpfile=target/screenshot.classpath
if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  if [[ ! -s $cpfile || pom.xml -nt $cpfile ]]; then
    # offline first; the dependency plugin's own dependencies are fetched once if they are not in ~/.m2 yet
    build_cp() { mvn -B -q "$@" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
                   -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >/dev/null 2>&1; }
    build_cp -o || build_cp || { echo "Could not build the class path with Maven." >&2; exit 1; }
  fi
  mvn -B -q -o test-compile
fi

exec xvfb-run -a -s "-screen 0 1440x900x24" \
  java -Dprism.order=sw -Dprism.lcdtext=false -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat "$cpfile")" org.devicedesk.tools.Screenshots "$@"

#!/usr/bin/env bash
# A private OpenLDAP (slapd) for the end-to-end directory test, on a free loopback port with its own
# config and data under a temporary folder; any system slapd is left alone.
#   source .ci/slapd.sh && slapd_start     exports DEVICEDESK_TEST_LDAP_* (see DirectoryEndToEndTest)
#   slapd_stop                             stops this instance only (by its pid file)
# Installs slapd and ldap-utils (Debian packages) when missing and running as root.

slapd_start() {
  if ! command -v slapd >/dev/null 2>&1 && [[ ! -x /usr/sbin/slapd ]] || ! command -v ldapadd >/dev/null 2>&1; then
    [[ "$(id -u)" == 0 ]] || { echo "slapd/ldap-utils missing and not root"; return 1; }
    # the package would configure a system directory of its own; tell debconf not to
    echo "slapd slapd/no_configuration boolean true" | debconf-set-selections 2>/dev/null || true
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slapd ldap-utils >/dev/null; } || return 1
  fi
  local slapd_bin root port conf
  slapd_bin=$(command -v slapd || echo /usr/sbin/slapd)
  root=$(mktemp -d /tmp/devicedesk-slapd.XXXXXX)
  mkdir -p "$root/data"
  for p in $(seq 38900 38999); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
  done
  [[ -n "${port:-}" ]] || { echo "no free port for slapd"; return 1; }
  conf="$root/slapd.conf"
  cat > "$conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include /etc/ldap/schema/nis.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile $root/slapd.pid
argsfile $root/slapd.args
database mdb
maxsize 104857600
suffix "dc=devicedesk,dc=test"
rootdn "cn=admin,dc=devicedesk,dc=test"
rootpw admin-e2e-password
directory $root/data
index objectClass,uid,member eq
access to attrs=userPassword by self write by anonymous auth by * none
access to * by * read
CONF
  "$slapd_bin" -h "ldap://127.0.0.1:$port/" -f "$conf" || { echo "slapd did not start"; return 1; }
  local i
  for i in $(seq 1 100); do
    ldapsearch -x -H "ldap://127.0.0.1:$port/" -b "" -s base >/dev/null 2>&1 && break
    sleep 0.2
  done
  ldapadd -x -H "ldap://127.0.0.1:$port/" -D "cn=admin,dc=devicedesk,dc=test" -w admin-e2e-password \
    -f "$(dirname "${BASH_SOURCE[0]}")/../src/test/resources/ldap/openldap-e2e.ldif" >/dev/null || { echo "LDIF not loaded"; return 1; }
  export DEVICEDESK_TEST_LDAP_URL="ldap://127.0.0.1:$port"
  export DEVICEDESK_TEST_LDAP_BASE="dc=devicedesk,dc=test"
  export DEVICEDESK_TEST_LDAP_ADMIN_DN="cn=admin,dc=devicedesk,dc=test" DEVICEDESK_TEST_LDAP_ADMIN_PASSWORD=admin-e2e-password
  DEVICEDESK_SLAPD_ROOT="$root"
}

slapd_stop() {
  [[ -n "${DEVICEDESK_SLAPD_ROOT:-}" ]] || return 0
  if [[ -f "$DEVICEDESK_SLAPD_ROOT/slapd.pid" ]]; then
    local pid i
    pid=$(cat "$DEVICEDESK_SLAPD_ROOT/slapd.pid")
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$DEVICEDESK_SLAPD_ROOT"
}

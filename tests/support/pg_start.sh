#!/bin/sh
# Starts a throwaway PostgreSQL 15 server for the tests and writes its URL to BUILD_DIR/pg_url.
# Usage: pg_start.sh BUILD_DIR. The data directory is a new temporary directory under /tmp (its
# path is kept in BUILD_DIR/pg_dir for pg_stop.sh); the server listens on 127.0.0.1 at a free port
# and on a Unix socket in that directory, trusts local connections and runs with fsync off.
# A server left over from a killed run of the same build directory is stopped first.
set -eu
build_dir=${1:?usage: pg_start.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
bin=${MOBILISE_PG_BIN:-/usr/lib/postgresql/15/bin}
url_file=$build_dir/pg_url
dir_file=$build_dir/pg_dir

[ -x "$bin/initdb" ] || { echo "pg_start: no PostgreSQL server binaries in $bin (apt-get install postgresql)" >&2; exit 1; }

# Leftovers of an earlier run that was killed before pg_stop.sh.
"$here/pg_stop.sh" "$build_dir" >/dev/null 2>&1 || true

# initdb and pg_ctl refuse to run as root: run them as the postgres user then.
if [ "$(id -u)" = 0 ]; then
  as_owner() { runuser -u postgres -- "$@"; }
else
  as_owner() { "$@"; }
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/mobilise-pg.XXXXXX")
echo "$dir" > "$dir_file"
[ "$(id -u)" = 0 ] && chown postgres: "$dir"
data=$dir/data

as_owner "$bin/initdb" -D "$data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 \
  > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The port may be taken between choosing and binding: try a few.
for attempt in 1 2 3 4 5; do
  port=$(free_port)
  if as_owner "$bin/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start > "$dir/pg_ctl.log" 2>&1; then
    url="postgresql://postgres@127.0.0.1:$port/postgres"
    echo "$url" > "$url_file.tmp" && mv "$url_file.tmp" "$url_file"
    echo "pg_start: PostgreSQL running at $url (data in $data)"
    exit 0
  fi
  echo "pg_start: attempt $attempt on port $port failed" >&2
done
cat "$dir/server.log" >&2 || true
exit 1

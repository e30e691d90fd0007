#!/bin/sh
# Stops the server started by pg_start.sh BUILD_DIR and removes its directory. Safe to run when no
# server is running.
set -u
build_dir=${1:?usage: pg_stop.sh BUILD_DIR}
bin=${MOBILISE_PG_BIN:-/usr/lib/postgresql/15/bin}
dir_file=$build_dir/pg_dir
rm -f "$build_dir/pg_url"
[ -f "$dir_file" ] || exit 0
dir=$(cat "$dir_file")
case "$dir" in
  */mobilise-pg.*) ;;
  *) echo "pg_stop: refusing to remove unexpected directory '$dir'" >&2; exit 1 ;;
esac
if [ -f "$dir/data/postmaster.pid" ]; then
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop ||
      runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop
  else
    "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop ||
      "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop
  fi
fi
rm -rf "$dir"
rm -f "$dir_file"
echo "pg_stop: stopped and removed $dir"

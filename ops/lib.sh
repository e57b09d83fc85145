# Shared by the ops/ scripts: where the checkout is, and a private PostgreSQL cluster for it.
# Sourced, not run. Every function prints what it does to stderr and leaves stdout for results.

set -euo pipefail

WHISTLE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WHISTLE_STATE="$WHISTLE_ROOT/.whistle"          # ignored by git; what this checkout remembers
WHISTLE_PG_DEFAULT_PORT="${WHISTLE_PG_PORT:-55480}"

say() { printf '%s\n' "$*" >&2; }

# The key-encryption key that wraps residents' personal-data keys, kept beside the cluster (made once, mode 600):
# lost, every sealed name and phone of the cluster is lost with it. Prints its path.
whistle_privacy_key() {
    local key="$WHISTLE_ROOT/.whistle/privacy-key"
    [ -f "$key" ] || { mkdir -p "$(dirname "$key")"; (umask 077 && openssl rand -base64 32 > "$key"); }
    printf '%s\n' "$key"
}

# The cluster runs as the invoking user, or as `postgres` when invoked as root (initdb refuses root).
pg_as() {
    # From /, so that the postgres user is never left in a folder it cannot enter.
    if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_find_binaries() {
    if ! command -v initdb >/dev/null 2>&1; then
        local dir
        dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
        [ -n "$dir" ] && PATH="$dir:$PATH"
    fi
    command -v initdb >/dev/null 2>&1
}

pg_install() {
    pg_find_binaries && return 0
    say "PostgreSQL is not installed; installing it from the system's packages…"
    local sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    pg_find_binaries || { say "initdb still not found after installing postgresql"; exit 1; }
}

# The data folder lives under the checkout when the cluster's user can reach it; otherwise (a checkout
# under /root, say) under /tmp, named after the checkout so two checkouts never share one.
pg_data_dir() {
    if [ -f "$WHISTLE_STATE/pgdata-path" ]; then cat "$WHISTLE_STATE/pgdata-path"; return 0; fi
    local dir="$WHISTLE_STATE/pgdata"
    mkdir -p "$WHISTLE_STATE"
    if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$WHISTLE_STATE" 2>/dev/null; then
        local tag
        tag="$(basename "$WHISTLE_ROOT")-$(printf '%s' "$WHISTLE_ROOT" | sha1sum | cut -c1-8)"
        dir="/tmp/whistle-pg-$tag"
    fi
    printf '%s\n' "$dir" > "$WHISTLE_STATE/pgdata-path"
    printf '%s\n' "$dir"
}

port_is_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_running() {
    local data="$1"
    [ -f "$data/postmaster.pid" ] && pg_as pg_ctl -D "$data" status >/dev/null 2>&1
}

# Starts (or reuses) this checkout's cluster and prints its port.
pg_start() {
    pg_install
    local data port
    data="$(pg_data_dir)"
    if [ ! -f "$data/PG_VERSION" ]; then
        say "Creating a private PostgreSQL cluster in $data"
        mkdir -p "$data"
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
        chmod 700 "$data"
        pg_as initdb -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if pg_running "$data"; then
        say "Using this checkout's PostgreSQL, already running on 127.0.0.1:$(cat "$data/whistle-port")"
        cat "$data/whistle-port"
        return 0
    fi
    local why wanted
    if [ -f "$data/whistle-port" ]; then
        wanted="$(cat "$data/whistle-port")"; why="the port this checkout's cluster used last time"
    elif [ -n "${WHISTLE_PG_PORT:-}" ]; then
        wanted="$WHISTLE_PG_PORT"; why="WHISTLE_PG_PORT"
    else
        wanted="$WHISTLE_PG_DEFAULT_PORT"; why="the default port"
    fi
    port="$wanted"
    # Another checkout's cluster may hold the port: take the next free one and remember it here.
    while ! port_is_free "$port"; do port=$((port + 1)); done
    [ "$port" = "$wanted" ] || why="$why, $wanted, was taken (another checkout's cluster?): the next free one"
    pg_as sh -c "printf '%s\n' '$port' > '$data/whistle-port'"
    # PostgreSQL's durable defaults (fsync, full_page_writes, synchronous_commit) stay on: ops/run serves this cluster.
    say "Starting PostgreSQL on 127.0.0.1:$port ($why)"
    pg_as pg_ctl -D "$data" -l "$data/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$data' -c max_connections=200" \
        start >/dev/null
    printf '%s\n' "$port"
}

pg_stop() {
    local data
    data="$(pg_data_dir)"
    if pg_running "$data"; then pg_as pg_ctl -D "$data" -m fast -w stop >/dev/null; say "PostgreSQL stopped"; fi
}

# Ensures a database exists on this checkout's cluster and prints its connection string.
pg_database() {
    local name="$1" port
    port="$(pg_start)"
    if ! psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc "select 1 from pg_database where datname = '$name'" | grep -q 1; then
        psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "create database \"$name\"" >&2
    fi
    printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=postgres;Include Error Detail=true\n' "$port" "$name"
}

# Shared by the ops/bench scripts (sourced after ../lib.sh): building the bench projects, starting and stopping services,
# and the load generator. Every function prints progress to stderr; results go to stdout.

bench_build() {   # project file, relative to the checkout
    dotnet build "$WHISTLE_ROOT/$1" -c Release -nologo -v quiet -clp:ErrorsOnly\;NoSummary >&2
}

bench_dll() {     # folder of the project, name of its assembly
    printf '%s/%s/bin/Release/net10.0/%s.dll\n' "$WHISTLE_ROOT" "$1" "$2"
}

# The cluster's durable settings, said aloud: the benchmarks never run on a relaxed database.
bench_durability() {
    local port="$1" fsync sync
    fsync="$(psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc 'show fsync')"
    sync="$(psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc 'show synchronous_commit')"
    say "PostgreSQL $(psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc 'show server_version') on 127.0.0.1:$port: fsync=$fsync, synchronous_commit=$sync (this checkout's own cluster, durable defaults)"
    if [ "$fsync" != on ] || [ "$sync" != on ]; then say "The cluster is not durable (fsync or synchronous_commit off): its figures would mean nothing."; exit 1; fi
}

bench_fresh_database() {   # name → connection string (dropped and made again)
    local port
    port="$(pg_start)"
    PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "drop database if exists \"$1\" with (force)" >&2
    pg_database "$1"
}

bench_free_port() {
    local p="$1"
    while ! port_is_free "$p"; do p=$((p + 1)); done
    printf '%s\n' "$p"
}

# Waits until the URL answers 2xx while the process lives.
bench_wait() {
    local pid="$1" url="$2"
    until curl -fs -o /dev/null "$url" 2>/dev/null; do
        kill -0 "$pid" 2>/dev/null || { say "The service stopped before it was ready ($url)."; return 1; }
        sleep 0.2
    done
}

bench_stop() {   # pid
    [ -n "${1:-}" ] || return 0
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}

# Whistle's environment for a benchmark: as a county would run it (Production: the handler code written ahead of time,
# Balanced durability), with the sample county, the checkout's evidence key, and the development signing key so that
# ops/token's tokens are accepted. ASPNETCORE_ENVIRONMENT=Development measures it as ops/run serves it instead.
bench_whistle_env() {   # connection string, url
    export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
    export Whistle__Auth__SigningKey="$(sed -n 's/.*"SigningKey": *"\([^"]*\)".*/\1/p' "$WHISTLE_ROOT/src/Whistle/appsettings.Development.json")"
    export ASPNETCORE_URLS="$2"
    export ConnectionStrings__Whistle="$1"
    export Whistle__SampleCounty="$WHISTLE_ROOT/samples/county/county.json"
    local key="$WHISTLE_ROOT/.whistle/evidence-key.pem"
    [ -f "$key" ] || { mkdir -p "$(dirname "$key")"; (umask 077 && openssl ecparam -name prime256v1 -genkey -noout -out "$key"); }
    export Whistle__Evidence__SigningKeyPath="$key"
}

bench_load() {   # arguments of Load; prints its result line
    dotnet "$(bench_dll ops/bench/load Load)" "$@"
}

# A field of a result line: bench_field rps "model=closed … rps=123.4 …"
bench_field() {
    local f
    for f in $2; do [ "${f%%=*}" = "$1" ] && { printf '%s\n' "${f#*=}"; return 0; }; done
    printf '\n'
}

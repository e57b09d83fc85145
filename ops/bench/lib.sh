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
# Balanced durability), with the sample county, the checkout's evidence key, and the checkout's token key: an RSA pair
# made once in .whistle/ (mode 600), whose public half is the host's Whistle:Auth:PublicKeyPath and whose private half
# signs the benchmarks' RS256 tokens (WHISTLE_TOKEN_KEY: every `ops/token USER` after this mints with it). Production
# takes no symmetric key, so the development one is never given. ASPNETCORE_ENVIRONMENT=Development measures it as
# ops/run serves it instead (the same RS256 tokens are accepted there too).
bench_whistle_env() {   # connection string, url
    export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
    unset Whistle__Auth__SigningKey Whistle__Auth__Authority
    bench_token_key
    export Whistle__Auth__PublicKeyPath="$BENCH_TOKEN_PUBLIC"
    export Whistle__Auth__Issuer=whistle Whistle__Auth__Audience=whistle
    export WHISTLE_TOKEN_KEY="$BENCH_TOKEN_PRIVATE"
    export ASPNETCORE_URLS="$2"
    export ConnectionStrings__Whistle="$1"
    export Whistle__SampleCounty="$WHISTLE_ROOT/samples/county/county.json"
    # A load run is one user from one address: the per-user and per-address rates would measure themselves, not Whistle.
    export Whistle__RateLimits__Enabled=false
    local key="$WHISTLE_ROOT/.whistle/evidence-key.pem"
    [ -f "$key" ] || { mkdir -p "$(dirname "$key")"; (umask 077 && openssl ecparam -name prime256v1 -genkey -noout -out "$key"); }
    export Whistle__Evidence__SigningKeyPath="$key"
    export Whistle__Privacy__KeyEncryptionKeyPath="$(whistle_privacy_key)"
}

# The checkout's benchmark token key: an RSA-2048 pair in .whistle/ (made once, both files mode 600). Sets
# BENCH_TOKEN_PRIVATE and BENCH_TOKEN_PUBLIC.
bench_token_key() {
    BENCH_TOKEN_PRIVATE="$WHISTLE_ROOT/.whistle/token-key.pem"
    BENCH_TOKEN_PUBLIC="$WHISTLE_ROOT/.whistle/token-key.pub.pem"
    mkdir -p "$WHISTLE_ROOT/.whistle"
    if [ ! -s "$BENCH_TOKEN_PRIVATE" ] || [ ! -s "$BENCH_TOKEN_PUBLIC" ]; then
        (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$BENCH_TOKEN_PRIVATE" 2>/dev/null &&
            openssl pkey -in "$BENCH_TOKEN_PRIVATE" -pubout -out "$BENCH_TOKEN_PUBLIC")
        say "Made the benchmarks' token key: $BENCH_TOKEN_PRIVATE (RS256; its public half is the host's Whistle:Auth:PublicKeyPath)"
    fi
    chmod 600 "$BENCH_TOKEN_PRIVATE" "$BENCH_TOKEN_PUBLIC"
}

# An RS256 token of a sample user signed with the benchmarks' token key: what a Production host set up by
# bench_whistle_env accepts (ops/token --key).
bench_token() {   # user
    bench_token_key
    WHISTLE_TOKEN_KEY="$BENCH_TOKEN_PRIVATE" "$WHISTLE_ROOT/ops/token" "$1" | tail -n 1
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

# ---- Deadlines (benchmarks 4 and 7) ----------------------------------------------------------------------------------
# Real deadlines, made the way Whistle makes them: each lodging (POST /api/complaints) schedules, in its own transaction,
# two durable Wolverine messages in whistle.wolverine_incoming_envelopes (status Scheduled): the reminder and the accept
# step's deadline (ComplaintDeadlineReached, due a day on). The benchmark then moves the deadlines it lodged to one
# moment a little ahead with SQL (their execution_time only; the message, and the due time it carries and that the
# handler checks against the complaint, are untouched), and reads when each fired from the ComplaintOverdue event its
# handler appended (mt_events.timestamp: the handler's transaction time, from PostgreSQL's clock).

BENCH_DEADLINE_TYPE="Whistle.Complaints.ComplaintDeadlineReached"

bench_complaint_body() {   # file
    cat > "$1" <<'JSON'
{"channel":"Hotline","categoryId":"illegal-parking","compoundId":"CP010101",
 "complainant":{"name":"张三","phone":"13812345678","address":"东关花园3号楼2单元"},
 "description":"楼下消防通道长期被私家车占用，影响救援。"}
JSON
}

# The polling interval of Wolverine's scheduled-message agent as Whistle configures it (seconds), else Wolverine's default (5).
bench_polling_seconds() {
    local s
    s="$(sed -n 's/.*Durability\.ScheduledJobPollingTime = TimeSpan\.FromSeconds(\([0-9.]*\)).*/\1/p' "$WHISTLE_ROOT/src/Whistle/Hosting/WhistleHosting.cs" | head -n 1)"
    printf '%s\n' "${s:-5}"
}

# How many due messages one poll takes, as Whistle configures it, else Wolverine's default (100).
bench_recovery_batch() {
    local s
    s="$(sed -n 's/.*Durability\.RecoveryBatchSize = \([0-9]*\).*/\1/p' "$WHISTLE_ROOT/src/Whistle/Hosting/WhistleHosting.cs" | head -n 1)"
    printf '%s\n' "${s:-100}"
}

bench_sql() {   # port, database, SQL → unaligned, tuples only
    PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$1" -U postgres -d "$2" -v ON_ERROR_STOP=1 -tAqc "$3"
}

# Remembers the deadlines already scheduled (lodged by earlier runs of the same benchmark), so that only the ones lodged
# next are moved and counted.
bench_deadlines_mark() {   # port, database
    bench_sql "$1" "$2" "drop table if exists public.bench_deadlines_before, public.bench_deadlines_moved;
        create table public.bench_deadlines_before as
            select id from whistle.wolverine_incoming_envelopes where message_type = '$BENCH_DEADLINE_TYPE'"
}

# Lodges COUNT complaints as the clerk through the URL(s) (round-robin); each schedules its deadline. Prints Load's line.
bench_deadlines_lodge() {   # urls (comma-separated), count, work folder
    local urls="$1" count="$2" work="$3" token line
    token="$(bench_token clerk)"
    bench_complaint_body "$work/deadline-complaint.json"
    awk -v n="$count" -v t="$token" 'BEGIN { for (i = 0; i < n; i++) printf "/api/complaints\t%s\n", t }' > "$work/deadline-lodgings"
    line="$(bench_load run --url "$urls" --body-file "$work/deadline-complaint.json" --requests "$work/deadline-lodgings" \
        --concurrency 16 --seconds 3600)"
    say "  lodged: $line"
    if [ "$(bench_field requests "$line")" != "$count" ] || [ "$(bench_field non2xx "$line")" != 0 ] || [ "$(bench_field errors "$line")" != 0 ]; then
        say "Lodging the $count complaints failed."; return 1
    fi
}

# Moves the deadlines lodged since bench_deadlines_mark to one moment DELAY seconds ahead (a whole second, by
# PostgreSQL's clock); checks there are exactly COUNT of them, all still scheduled. Prints the due moment.
bench_deadlines_move() {   # port, database, count, delay seconds
    local moved
    moved="$(bench_sql "$1" "$2" "create table public.bench_deadlines_moved(id uuid primary key, due timestamptz not null);
        with due as (select date_trunc('second', clock_timestamp()) + interval '$4 seconds' as at),
        moved as (
            update whistle.wolverine_incoming_envelopes e set execution_time = due.at from due
            where e.message_type = '$BENCH_DEADLINE_TYPE' and e.status = 'Scheduled'
              and e.id not in (select id from public.bench_deadlines_before)
            returning e.id, due.at)
        insert into public.bench_deadlines_moved select id, at from moved;
        select count(*) || ' ' || to_char(min(due) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from public.bench_deadlines_moved")"
    say "  moved ${moved% *} deadlines to ${moved#* }"
    [ "${moved% *}" = "$3" ] || { say "Expected $3 scheduled deadlines to move, found ${moved% *}."; return 1; }
    printf '%s\n' "${moved#* }"
}

# Waits until every moved deadline's envelope is handled (or dead-lettered), at most TIMEOUT seconds after the due moment.
bench_deadlines_wait() {   # port, database, timeout seconds
    local left
    while :; do
        left="$(bench_sql "$1" "$2" "select count(*) from public.bench_deadlines_moved m
            where exists (select 1 from whistle.wolverine_incoming_envelopes e where e.id = m.id and e.status <> 'Handled')
               or clock_timestamp() < m.due")"
        [ "$left" = 0 ] && return 0
        if [ "$(bench_sql "$1" "$2" "select clock_timestamp() > max(due) + interval '$3 seconds' from public.bench_deadlines_moved")" = t ]; then
            say "  $left deadlines still not handled $3 s after they fell due."; return 0
        fi
        sleep 0.2
    done
}

# One line of figures about the moved deadlines:
#   deadlines=… fired=… once=… twice_or_more=… never=… events=… first_s=… p50_s=… p99_s=… latest_s=… handled=… attempts_gt0=… dead_letters=… busiest_second=…
# fired/once/twice_or_more/never count complaints by the ComplaintOverdue events of their stream appended at or after the due
# moment; lateness = the event's timestamp − the due moment; handled etc. are Wolverine's own record of the envelopes;
# busiest_second = the most deadlines fired within one whole second after the due moment.
bench_deadlines_figures() {   # port, database
    bench_sql "$1" "$2" "
        with due as (select min(due) as at, count(*) as n from public.bench_deadlines_moved),
        fired as (
            select e.stream_id, count(*) as times, min(extract(epoch from e.timestamp - due.at)) as late
            from whistle.mt_events e, due
            where e.type = 'complaint_overdue' and e.timestamp >= due.at - interval '5 seconds'
            group by e.stream_id),
        busiest as (
            select coalesce(max(n), 0) as n from (
                select count(*) as n from whistle.mt_events e, due
                where e.type = 'complaint_overdue' and e.timestamp >= due.at - interval '5 seconds'
                group by floor(extract(epoch from e.timestamp - due.at))) s),
        record as (
            select count(*) filter (where x.status = 'Handled') as handled, count(*) filter (where x.attempts > 0) as attempts
            from public.bench_deadlines_moved m left join whistle.wolverine_incoming_envelopes x on x.id = m.id)
        select format('deadlines=%s fired=%s once=%s twice_or_more=%s never=%s events=%s first_s=%s p50_s=%s p99_s=%s latest_s=%s handled=%s attempts_gt0=%s dead_letters=%s busiest_second=%s',
            due.n, count(f.stream_id), count(*) filter (where f.times = 1), count(*) filter (where f.times > 1),
            due.n - count(f.stream_id), coalesce(sum(f.times), 0),
            round(min(f.late)::numeric, 3), round((percentile_disc(0.5) within group (order by f.late))::numeric, 3),
            round((percentile_disc(0.99) within group (order by f.late))::numeric, 3), round(max(f.late)::numeric, 3),
            record.handled, record.attempts,
            (select count(*) from whistle.wolverine_dead_letters where message_type = '$BENCH_DEADLINE_TYPE'),
            (select n from busiest))
        from due, record left join fired f on true
        group by due.n, record.handled, record.attempts"
}

# ---- Projection lag (benchmark 3) and the soak (benchmark 6) ---------------------------------------------------------
# The async shards are the rows of whistle.mt_event_progression that Marten keeps for each async projection and
# subscription ("ScoredAssignment:All", "notifications:All", …), without its own HighWaterMark/HighWaterAllocationFence.
# A shard's lag = how long ago (PostgreSQL's clock) the oldest event it has not yet processed was appended
# (mt_events.timestamp of the first seq_id above its last_seq_id); 0 when it is at the newest event.
BENCH_SHARDS="whistle.mt_event_progression p where p.name not like 'HighWater%'"

# One SQL statement giving, per shard, "epoch,name,events_behind,lag_s" (used every 250 ms by bench_lag_sampler).
bench_lag_query() {
    printf '%s\n' "with newest as (select coalesce(max(seq_id), 0) as seq from whistle.mt_events)
select round(extract(epoch from clock_timestamp())::numeric, 3), p.name, greatest(newest.seq - coalesce(p.last_seq_id, 0), 0),
    coalesce(round(extract(epoch from clock_timestamp() - (select e.timestamp from whistle.mt_events e
        where e.seq_id > coalesce(p.last_seq_id, 0) order by e.seq_id limit 1))::numeric, 3), 0)
from whistle.mt_event_progression p, newest where p.name not like 'HighWater%' order by p.name"
}

# Starts one psql session that runs bench_lag_query every 250 ms (\watch: one connection, no process per sample,
# each run its own short transaction) and appends its rows to FILE. Sets sampler_pid.
bench_lag_sampler() {   # port, database, file
    printf '%s\n\\watch 0.25\n' "$(bench_lag_query)" > "$3.sql"
    PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -p "$1" -U postgres -d "$2" -tAq -F, -f "$3.sql" >> "$3" 2>/dev/null &
    sampler_pid=$!
}

# "shards=N behind=E" now: how many async shards there are and the most events any is behind the newest event.
bench_lag_now() {   # port, database
    bench_sql "$1" "$2" "select 'shards=' || count(*) || ' behind=' || coalesce(max(greatest((select coalesce(max(seq_id), 0) from whistle.mt_events) - coalesce(p.last_seq_id, 0), 0)), 0)
        from $BENCH_SHARDS"
}

# Waits until every async shard has processed every event up to SEQ (default: the newest now), polling every 250 ms, at
# most TIMEOUT s; with EXPECT, also until there are at least that many shards (the daemon writes a shard's row once it
# has started it). Prints the seconds it took, or "timeout".
bench_lag_catch_up() {   # port, database, timeout seconds[, seq[, expect shards]]
    local seq="${4:-}" start now
    [ -n "$seq" ] || seq="$(bench_sql "$1" "$2" "select coalesce(max(seq_id), 0) from whistle.mt_events")"
    start="$(date +%s.%N)"
    while :; do
        if [ "$(bench_sql "$1" "$2" "select count(*) >= ${5:-1} and coalesce(min(coalesce(p.last_seq_id, 0)), 0) >= $seq from $BENCH_SHARDS")" = t ]; then
            now="$(date +%s.%N)"; awk -v a="$start" -v b="$now" 'BEGIN { printf "%.2f\n", b - a }'; return 0
        fi
        if [ "$(awk -v a="$start" -v b="$(date +%s.%N)" -v t="$3" 'BEGIN { print (b - a > t) ? 1 : 0 }')" = 1 ]; then
            printf 'timeout\n'; return 0
        fi
        sleep 0.25
    done
}

# The number of async shards Whistle's daemon runs: its event-subscription agents in Wolverine's assignments.
bench_lag_expected_shards() {   # port, database
    bench_sql "$1" "$2" "select count(*) from whistle.wolverine_node_assignments where id like 'event-subscriptions://%'"
}

# Percentiles of the lag samples taken between two moments (epoch seconds), over all shards pooled:
#   "samples=… p50=… p99=… max=… mean=…"
bench_lag_stats() {   # samples file, from, to
    awk -F, -v a="$2" -v b="$3" 'NF == 4 && $1 >= a && $1 <= b { print $4 }' "$1" | sort -g | awk '
        { v[NR] = $1; s += $1 }
        function at(q,  i) { i = int(q * NR); if (i < q * NR) i++; if (i < 1) i = 1; return v[i] }
        END { if (NR == 0) { print "samples=0 p50= p99= max= mean="; exit }
              printf "samples=%d p50=%.2f p99=%.2f max=%.2f mean=%.2f\n", NR, at(0.5), at(0.99), v[NR], s / NR }'
}

# The shard with the highest p99 lag between two moments: "shard=… p99=… max=…"
bench_lag_worst() {   # samples file, from, to
    awk -F, -v a="$2" -v b="$3" 'NF == 4 && $1 >= a && $1 <= b { print $2 "," $4 }' "$1" | sort -t, -k1,1 -k2,2g | awk -F, '
        function flush(  i) { if (n == 0) return; i = int(0.99 * n); if (i < 0.99 * n) i++; if (i < 1) i = 1
            if (best == "" || v[i] > bp || (v[i] == bp && v[n] > bm)) { best = name; bp = v[i]; bm = v[n] } }
        $1 != name { flush(); name = $1; n = 0 }
        { v[++n] = $2 }
        END { flush(); printf "shard=%s p99=%.2f max=%.2f\n", best, bp, bm }'
}

# One lodging line per compound of the sample county for ops/bench/load --requests FILE --cycle 1 ("path TAB TAB POST TAB
# body": the sample complaint with that compound): a run that goes round the county's compounds, as a county's
# complaints spread over its territories, instead of piling every complaint onto one community (and onto its
# per-territory read models, whose documents then grow with the run).
bench_spread_lodgings() {   # file
    local body
    body="$(bench_complaint_body /dev/stdout | tr -d '\n')"
    grep -o '"code": *"CP[0-9A-Za-z]*"' "$WHISTLE_ROOT/samples/county/county.json" | sed 's/.*"\(CP[^"]*\)"$/\1/' | sort -u |
        awk -v body="$body" '{ b = body; sub(/CP010101/, $1, b); printf "/api/complaints\t\tPOST\t%s\n", b }' > "$1"
}

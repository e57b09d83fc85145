# Shared by the fault drills: each drill is a test class of the integration tests, run here at its full size
# (WHISTLE_DRILL=full) against this checkout's private PostgreSQL with its durable settings, bounded in time.
# Sourced, not run.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

# run_drill <report name> <test class glob> <minutes allowed>
run_drill() {
    local name="$1" class="$2" minutes="$3" port reports log status=0
    command -v dotnet >/dev/null || { say "The .NET 10 SDK is needed (dotnet not found)."; exit 1; }
    port="$(pg_start)"
    # A database of the drill's own with PostgreSQL's durable defaults untouched: the drills are about durability.
    psql -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "drop database if exists whistle_faults with (force)" >&2
    export ConnectionStrings__Whistle="$(pg_database whistle_faults)"
    # Each run's reports in a folder of its own: a drill class may write several (one per test).
    reports="$WHISTLE_STATE/faults/$name"
    rm -rf "$reports"
    mkdir -p "$reports"
    export WHISTLE_DRILL=full WHISTLE_DRILL_REPORTS="$reports"

    say "Building the tests…"
    dotnet build "$WHISTLE_ROOT/tests/Whistle.IntegrationTests/Whistle.IntegrationTests.csproj" -c Debug -nologo -v quiet -clp:ErrorsOnly >&2
    log="$WHISTLE_STATE/faults/$name.log"
    say "Running the drill $name (at most $minutes min; log in $log)…"
    (cd "$WHISTLE_ROOT/tests/Whistle.IntegrationTests/bin/Debug/net10.0" \
        && timeout "${minutes}m" ./Whistle.IntegrationTests -noColor -class "$class") > "$log" 2>&1 || status=$?
    if compgen -G "$reports/*.txt" >/dev/null; then cat "$reports"/*.txt; else say "The drill wrote no report."; fi
    grep -E "\[FAIL\]|Total: " "$log" >&2 || true
    if [ "$status" = 124 ]; then say "The drill ran out of its $minutes minutes."; fi
    [ "$status" = 0 ] && say "Drill $name: passed." || say "Drill $name: FAILED (exit $status); see $log."
    return "$status"
}

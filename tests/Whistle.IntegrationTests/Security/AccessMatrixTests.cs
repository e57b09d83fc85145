using System.Text;
using Shouldly;
using Whistle.Kernel;

namespace Whistle.IntegrationTests.Security;

/// <summary>
/// Every operation of the OpenAPI document × every sample user × an own and a foreign resource, each answer against the
/// one scope rule (<see cref="EndpointWalker.Expected"/>): 0 mismatches; no 200 answer names a case its reader does not
/// see; and no command probe on a resource out of its caller's scope succeeds or appends anything.
/// </summary>
[Collection(SharedClock.Name)]
public sealed class AccessMatrixTests(AppFixture app, ITestOutputHelper output) : SecurityContext(app)
{
    [Fact]
    public async Task every_read_answers_as_the_scope_rule_says_and_shows_no_case_its_reader_does_not_see()
    {
        var county = await App.NewCountyAsync();
        var own = await OwnAsync(county, Nobody("东"));
        var foreign = await ForeignAsync(county, Nobody("西"));
        await DaemonCaughtUp();
        var walker = new EndpointWalker(Host, county, Today);
        var operations = (await walker.OperationsAsync()).Where(o => o.IsRead).ToList();

        var calls = operations.SelectMany(o => walker.Fill(o, own).Concat(walker.Fill(o, foreign)))
            .DistinctBy(c => c.Url).ToList();
        var mismatches = new List<string>();
        var leaks = new List<string>();
        foreach (var user in EndpointWalker.Users)
        {
            var hidden = Hidden(walker.ScopeOf(user), own, foreign);
            foreach (var call in calls)
            {
                var answer = await walker.SendAsync(call, user);
                var expected = walker.Expected(call, user);
                if (answer.Status != expected)
                    mismatches.Add($"| {user.Id} | {call.Operation} | {call.Side} {call.Target.GetType().Name} | {expected} | {answer.Status} |");
                foreach (var c in hidden.Where(c => Names(answer.Body, c)))
                    leaks.Add($"| {user.Id} | {call.Url} | {c.Kind} {c.Id} |");
            }
        }

        var unknown = calls.Where(c => c.Target is EndpointWalker.Unknown).Select(c => $"{c.Operation} ({((EndpointWalker.Unknown)c.Target).Why})").Distinct();
        output.WriteLine($"{operations.Count} GET operations, {calls.Count} URLs (own and foreign), {EndpointWalker.Users.Length} users: "
            + $"{calls.Count * EndpointWalker.Users.Length} calls; {mismatches.Count} mismatches; {leaks.Count} answers naming a case out of scope.");
        output.WriteLine("Filled with an id nobody has: " + string.Join("; ", unknown));
        var table = new StringBuilder("| user | operation | resource | expected | answered |\n|---|---|---|---|---|\n");
        mismatches.ForEach(m => table.AppendLine(m));
        leaks.ForEach(l => table.AppendLine(l));
        output.WriteLine(table.ToString());
        mismatches.ShouldBeEmpty(table.ToString());
        leaks.ShouldBeEmpty(table.ToString());
    }

    [Fact]
    public async Task no_command_on_a_resource_out_of_its_callers_scope_succeeds_or_appends()
    {
        var county = await App.NewCountyAsync();
        var own = await OwnAsync(county, Nobody("南"));
        var foreign = await ForeignAsync(county, Nobody("北"));
        await DaemonCaughtUp();
        var walker = new EndpointWalker(Host, county, Today);
        var operations = (await walker.OperationsAsync()).Where(o => !o.IsRead).ToList();
        var before = await VersionsAsync(foreign, county);

        var calls = operations.SelectMany(o => walker.Fill(o, foreign)).ToList();
        int probes = 0, inScope = 0;
        var wrong = new List<string>();
        var refusedLate = new List<string>();
        foreach (var user in EndpointWalker.Users)
            foreach (var call in calls)
            {
                var expected = walker.Expected(call, user);
                // A caller who may call the command and sees its resource may legitimately write to it: not a probe of scope.
                // Nor are the commands on nothing in particular, or the administrators' operations on the shared host.
                if (expected == 200 && (call.Target is not EndpointWalker.Unknown)) { inScope++; continue; }
                probes++;
                var answer = await walker.SendAsync(call, user);
                if (answer.Status is >= 200 and < 300 or >= 500)
                    wrong.Add($"| {user.Id} | {call.Operation} | {expected} | {answer.Status} |");
                else if (answer.Status != expected)
                    refusedLate.Add($"| {user.Id} | {call.Operation} | {expected} | {answer.Status} |");
            }

        var after = await VersionsAsync(foreign, county);
        output.WriteLine($"{operations.Count} command operations × {EndpointWalker.Users.Length} users on the foreign resources: "
            + $"{probes} probes, {inScope} left out (the caller may act there); {wrong.Count} succeeded or failed, {refusedLate.Count} refused otherwise than the scope rule says.");
        output.WriteLine("| user | operation | expected | answered |\n|---|---|---|---|\n" + string.Join("\n", wrong.Concat(refusedLate)));
        wrong.ShouldBeEmpty();
        after.ShouldBe(before);
        refusedLate.ShouldBeEmpty();
    }

    /// <summary>
    /// The cases a user must never find named in an answer: those of either side it does not see, but for a complaint
    /// whose whistle it sees and a whistle whose complaint it sees (each names the other by id; opening it is still 404).
    /// </summary>
    private static List<EndpointWalker.Resource> Hidden(Scope scope, params EndpointWalker.Side[] sides) =>
        [.. sides.SelectMany(side => side.Cases.Where(c => !scope.Sees(c.Kind, c.Area)
            && !(c.Kind == CaseKind.Complaint && scope.Sees(CaseKind.Whistle, side.Whistle.Area))
            && !(c.Kind == CaseKind.Whistle && scope.Sees(CaseKind.Complaint, side.Complaint.Area))))];

    private static bool Names(string body, EndpointWalker.Resource c) =>
        body.Length > 0 && (body.Contains(c.Id.ToString(), StringComparison.OrdinalIgnoreCase)
            || (c.Number.Length > 0 && body.Contains(c.Number, StringComparison.OrdinalIgnoreCase)));

    private async Task<long[]> VersionsAsync(EndpointWalker.Side side, string county)
    {
        var versions = new List<long>();
        foreach (var c in side.Cases) versions.Add((await EventsOf(c.Id, county)).Count);
        return [.. versions];
    }
}

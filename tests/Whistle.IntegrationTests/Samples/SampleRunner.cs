using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Whistle.IntegrationTests.Faults;
using Whistle.Kernel;
using Wolverine;
using Wolverine.Tracking;

namespace Whistle.IntegrationTests.Samples;

/// <summary>
/// Plays a sample file against a test host as httpyac plays it against <c>ops/run</c>, with two differences a test needs:
/// the tokens it reads from <c>$processEnv X_TOKEN</c> are minted for the sample's own county, and <c># @sleep</c> moves the
/// host's clock instead of waiting, then delivers every deadline and reminder that fell due meanwhile, in due order, as the
/// scheduler would. Each request runs in a tracked session that also catches the projection daemon up, so what the next
/// request reads is what a person reading a moment later would see.
/// </summary>
public sealed partial class SampleRunner(RaceDrillHost host, string county, IReadOnlyDictionary<string, Tokens.User> users)
{
    /// <summary>One request as the sample expected it and as the service answered it.</summary>
    public sealed record Outcome(HttpFile.Request Request, int Status, string Body)
    {
        public bool AsExpected => Status == Request.ExpectedStatus;

        public override string ToString() =>
            $"{Request}: expected {Request.ExpectedStatus}, answered {Status} {(Body.Length > 400 ? Body[..400] + "…" : Body)}";
    }

    private readonly Dictionary<string, string> variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonElement> named = new(StringComparer.Ordinal);
    private readonly List<Envelope> scheduled = [];

    /// <summary>The deadlines, reminders and other scheduled messages delivered because a sleep let them fall due.</summary>
    public int Delivered { get; private set; }

    public async Task<IReadOnlyList<Outcome>> RunAsync(HttpFile file)
    {
        var outcomes = new List<Outcome>();
        foreach (var step in file.Steps)
        {
            switch (step)
            {
                case HttpFile.Variable variable:
                    Tick();
                    variables[variable.Name] = Expand(variable.Value);
                    break;
                case HttpFile.Request request:
                    Tick();
                    if (request.Sleep > TimeSpan.Zero) await PassTimeAsync(request.Sleep);
                    outcomes.Add(await SendAsync(request));
                    break;
            }
        }
        return outcomes;
    }

    private async Task<Outcome> SendAsync(HttpFile.Request step)
    {
        var url = new Uri(Expand(step.Url), UriKind.Absolute);
        using var request = new HttpRequestMessage(new HttpMethod(step.Method), url.PathAndQuery);
        string? contentType = null;
        foreach (var (name, value) in step.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)) contentType = Expand(value);
            else request.Headers.TryAddWithoutValidation(name, Expand(value));
        }
        if (step.Body is not null)
            request.Content = new StringContent(Expand(step.Body), Encoding.UTF8, contentType ?? "text/plain");

        var status = 0;
        var body = "";
        var tracked = await Track(async _ =>
        {
            using var client = host.Host.Server.CreateClient();
            using var response = await client.SendAsync(request);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync();
        });
        scheduled.AddRange(OfThisCounty(tracked));
        if (step.Name is not null && body.StartsWith('{')) named[step.Name] = JsonDocument.Parse(body).RootElement.Clone();
        return new Outcome(step, status, body);
    }

    /// <summary>
    /// The host's clock keeps up with the wall clock, as a server's does, and runs ahead of it only by what the samples
    /// slept: events carry PostgreSQL's time, and a sample asking for the case as of now must not ask before it was lodged.
    /// </summary>
    private void Tick()
    {
        var target = DateTimeOffset.UtcNow + ahead;
        if (target > host.Clock.GetUtcNow()) host.Clock.SetUtcNow(target);
    }

    /// <summary>How far the host's clock runs ahead of the wall clock: what this run slept, plus what earlier runs on the
    /// same host had left it ahead.</summary>
    private TimeSpan ahead = TimeSpan.FromTicks(Math.Max(0, (host.Clock.GetUtcNow() - DateTimeOffset.UtcNow).Ticks));

    /// <summary>Moves the clock, then delivers what fell due in due order, and what those set off, until nothing is due.</summary>
    private async Task PassTimeAsync(TimeSpan sleep)
    {
        ahead += sleep;
        host.Clock.Advance(sleep);
        var now = host.Clock.GetUtcNow();
        while (scheduled.Where(e => e.ScheduledTime <= now).OrderBy(e => e.ScheduledTime).ToList() is { Count: > 0 } due)
        {
            foreach (var envelope in due) scheduled.Remove(envelope);
            var tracked = await Track(async bus =>
            {
                foreach (var envelope in due)
                    await bus.PublishAsync(envelope.Message!, new DeliveryOptions { TenantId = envelope.TenantId });
            });
            Delivered += due.Count;
            scheduled.AddRange(OfThisCounty(tracked));
        }
    }

    private Task<ITrackedSession> Track(Func<IMessageContext, Task> step) => host.Host.AfterDaemonAsync(step);

    /// <summary>The messages a session saw scheduled for this sample's county: another test's on the same host are not its own.</summary>
    private IEnumerable<Envelope> OfThisCounty(ITrackedSession tracked) =>
        tracked.Scheduled.Envelopes().Where(e => e.TenantId == county);

    private string Expand(string text) => Reference().Replace(text, match => Resolve(match.Groups["expression"].Value.Trim()));

    private string Resolve(string expression)
    {
        if (expression.StartsWith('$')) return Dynamic(expression);
        if (variables.TryGetValue(expression, out var value)) return value;
        var path = expression.Split('.');
        if (path.Length > 1 && named.TryGetValue(path[0], out var json))
        {
            foreach (var segment in path[1..])
            {
                json = json.ValueKind == JsonValueKind.Array && int.TryParse(segment, CultureInfo.InvariantCulture, out var index)
                    ? json[index]
                    : json.TryGetProperty(segment, out var property)
                        ? property
                        : throw new InvalidOperationException($"{{{{{expression}}}}}: the answer named {path[0]} has no {segment}.");
            }
            return json.ValueKind == JsonValueKind.String ? json.GetString()! : json.GetRawText();
        }
        throw new InvalidOperationException($"{{{{{expression}}}}} names no variable and no earlier answer.");
    }

    /// <summary>httpyac's dynamic variables the samples use: <c>$uuid</c>, <c>$processEnv X_TOKEN</c>, and
    /// <c>$datetime</c> (UTC) / <c>$localDatetime</c> (China time, as <c>ops/samples</c> runs httpyac) with a format and an
    /// optional offset such as <c>30 d</c>.</summary>
    private string Dynamic(string expression)
    {
        var words = Words().Matches(expression).Select(m => m.Value).ToArray();
        switch (words)
        {
            case ["$uuid"]:
                return Guid.NewGuid().ToString();
            case ["$processEnv", var name] when name.EndsWith("_TOKEN", StringComparison.Ordinal):
                var id = name[..^"_TOKEN".Length].ToLowerInvariant().Replace('_', '-');
                return users.TryGetValue(id, out var user)
                    ? Tokens.For(user, county)
                    : throw new InvalidOperationException($"{name}: no user {id} in samples/county/users.tsv.");
            case ["$datetime" or "$localDatetime", var format, .. var offset]:
                var at = host.Clock.GetUtcNow() + Offset(offset, expression);
                return words[0] == "$datetime"
                    ? Format(at.ToUniversalTime(), format, "'Z'")
                    : Format(CountyTime.Local(at), format, "zzz");
            default:
                throw new InvalidOperationException($"{{{{{expression}}}}} is a dynamic variable this runner does not know.");
        }
    }

    private static TimeSpan Offset(string[] words, string expression) => words switch
    {
        [] => TimeSpan.Zero,
        [var amount, var unit] when int.TryParse(amount, CultureInfo.InvariantCulture, out var n) => unit switch
        {
            "w" => TimeSpan.FromDays(7 * n),
            "d" => TimeSpan.FromDays(n),
            "h" => TimeSpan.FromHours(n),
            "m" => TimeSpan.FromMinutes(n),
            "s" => TimeSpan.FromSeconds(n),
            _ => throw new InvalidOperationException($"{{{{{expression}}}}}: unit {unit} is not read here."),
        },
        _ => throw new InvalidOperationException($"{{{{{expression}}}}}: the offset should read like 30 d."),
    };

    private static string Format(DateTimeOffset at, string format, string zone)
    {
        if (format == "iso8601") return at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff" + zone, CultureInfo.InvariantCulture);
        if (format is not ['"', .. var pattern, '"'] || !DayJsPattern().IsMatch(pattern))
            throw new InvalidOperationException($"The date format {format} is not read here (iso8601, or \"YYYY-MM-DD\" and the like).");
        return at.ToString(pattern.Replace("YYYY", "yyyy", StringComparison.Ordinal).Replace("DD", "dd", StringComparison.Ordinal),
            CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\{\{(?<expression>[^{}]+)\}\}")]
    private static partial Regex Reference();

    [GeneratedRegex("\"[^\"]*\"|\\S+")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(YYYY|MM|DD|HH|mm|ss|[-:T ])+$")]
    private static partial Regex DayJsPattern();
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace Whistle.IntegrationTests.Samples;

/// <summary>
/// A <c>samples/*.http</c> file read the way httpyac reads it, for the part of its syntax the samples use: file variables
/// (<c>@name = value</c>), requests separated by <c>###</c> with their title, <c># @name</c> and <c># @sleep</c>, headers, a
/// body, and one <c>?? status == N</c> assertion each. Anything else is refused by line, so a sample cannot drift into
/// syntax this reading would skip silently.
/// </summary>
public sealed partial record HttpFile(string Name, IReadOnlyList<HttpFile.Entry> Steps)
{
    public abstract record Entry(int Number);

    /// <summary><c>@name = value</c>: evaluated once, where it stands (httpyac keeps a file variable's first value).</summary>
    public sealed record Variable(int Number, string Name, string Value) : Entry(Number);

    public sealed record Request(
        int Number, string Title, string? Name, TimeSpan Sleep, string Method, string Url,
        IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body, int ExpectedStatus) : Entry(Number)
    {
        public override string ToString() => $"line {Number} \"{Title}\": {Method} {Url}";
    }

    private static readonly HashSet<string> Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static HttpFile Parse(string name, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var steps = new List<Entry>();
        var i = 0;
        var title = "";
        while (i < lines.Length)
        {
            // Outside a request: variables, comments, metadata, then the request line.
            string? requestName = null;
            var sleep = TimeSpan.Zero;
            for (; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.StartsWith("###", StringComparison.Ordinal))
                {
                    title = line[3..].Trim();
                    requestName = null;
                    sleep = TimeSpan.Zero;
                }
                else if (line.Length == 0) { }
                else if (MetadataLine().Match(line) is { Success: true } meta)
                {
                    switch (meta.Groups["key"].Value)
                    {
                        case "name": requestName = meta.Groups["value"].Value.Trim(); break;
                        case "sleep": sleep = TimeSpan.FromMilliseconds(int.Parse(meta.Groups["value"].Value.Trim(), CultureInfo.InvariantCulture)); break;
                        default: throw Refused(name, i, $"metadata @{meta.Groups["key"].Value} is not read here");
                    }
                }
                else if (line.StartsWith('#') || line.StartsWith("//", StringComparison.Ordinal)) { }
                else if (VariableLine().Match(line) is { Success: true } variable)
                    steps.Add(new Variable(i + 1, variable.Groups["name"].Value, variable.Groups["value"].Value.Trim()));
                else if (line.Split(' ', 2) is [var method, _] && Methods.Contains(method))
                    break;
                else
                    throw Refused(name, i, $"\"{line}\" is neither a variable, a comment nor a request line");
            }
            if (i >= lines.Length) break;

            var requestLine = i;
            var parts = lines[i].Trim().Split(' ', 2);
            i++;
            var headers = new List<KeyValuePair<string, string>>();
            for (; i < lines.Length && lines[i].Trim().Length > 0 && !lines[i].TrimStart().StartsWith("###", StringComparison.Ordinal); i++)
            {
                var header = lines[i].Trim();
                if (header.StartsWith("??", StringComparison.Ordinal)) break;
                var colon = header.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0) throw Refused(name, i, $"\"{header}\" is not a header");
                headers.Add(new(header[..colon].Trim(), header[(colon + 1)..].Trim()));
            }

            var body = new List<string>();
            int? expected = null;
            for (; i < lines.Length && !lines[i].TrimStart().StartsWith("###", StringComparison.Ordinal); i++)
            {
                var line = lines[i].Trim();
                if (!line.StartsWith("??", StringComparison.Ordinal))
                {
                    body.Add(lines[i]);
                    continue;
                }
                if (StatusAssertion().Match(line) is not { Success: true } assertion)
                    throw Refused(name, i, $"\"{line}\": only `?? status == N` is read here");
                if (expected is not null) throw Refused(name, i, "a second status assertion");
                expected = int.Parse(assertion.Groups["status"].Value, CultureInfo.InvariantCulture);
            }
            var bodyText = string.Join('\n', body).Trim();
            if (expected is null)
                throw Refused(name, requestLine, $"the request \"{title}\" asserts no status: add `?? status == N` after it");
            steps.Add(new Request(requestLine + 1, title, requestName, sleep, parts[0], parts[1].Trim(), headers,
                bodyText.Length == 0 ? null : bodyText, expected.Value));
        }
        return new HttpFile(name, steps);
    }

    public IEnumerable<Request> Requests => Steps.OfType<Request>();

    private static FormatException Refused(string file, int index, string why) => new($"{file}:{index + 1}: {why}");

    [GeneratedRegex(@"^#\s*@(?<key>[a-zA-Z]+)\s*(?<value>.*)$")]
    private static partial Regex MetadataLine();

    [GeneratedRegex(@"^@(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?<value>.*)$")]
    private static partial Regex VariableLine();

    [GeneratedRegex(@"^\?\?\s*status\s*==\s*(?<status>\d{3})$")]
    private static partial Regex StatusAssertion();
}

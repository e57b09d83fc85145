using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Whistle.Hosting.Projections;

namespace Whistle.IntegrationTests.Hosting;

/// <summary>What a rebuild is compared with: every projected document as stored, before and after.</summary>
public static partial class ProjectionSnapshots
{
    /// <summary>Every document of every projection, inline and async, as stored (JSON), sorted by county and id.</summary>
    public static async Task<Dictionary<string, List<string>>> TakeAsync(
        IServiceProvider services, ProjectionRebuilds rebuilds, IReadOnlyList<ProjectionEntry> projections)
    {
        var source = services.GetRequiredService<NpgsqlDataSource>();
        var snapshot = new Dictionary<string, List<string>>();
        foreach (var projection in projections)
        {
            var documents = new List<string>();
            foreach (var type in projection.Documents)
            {
                await using var command = source.CreateCommand(
                    $"select tenant_id || '/' || id::text || ' ' || data::text from {rebuilds.TableOf(type)} order by tenant_id, id::text");
                await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
                while (await reader.ReadAsync(TestContext.Current.CancellationToken)) documents.Add(reader.GetString(0));
            }
            snapshot[projection.Name] = documents;
        }
        return snapshot;
    }

    /// <summary>
    /// An inline projection applies an event as it is appended, with the event's timestamp as .NET holds it (100 ns
    /// ticks); PostgreSQL keeps microseconds (Npgsql truncates), and a rebuild reads them back. Times in inline documents
    /// are therefore compared to the microsecond; async projections only ever read stored events and compare exactly.
    /// </summary>
    public static List<string> ToMicroseconds(List<string> documents) =>
        [.. documents.Select(d => Ticks().Replace(d, m => m.Groups[1].Value + m.Groups[2].Value[..Math.Min(6, m.Groups[2].Length)].TrimEnd('0')))];

    [System.Text.RegularExpressions.GeneratedRegex(@"(T\d{2}:\d{2}:\d{2})\.?(\d*)")]
    private static partial System.Text.RegularExpressions.Regex Ticks();
}

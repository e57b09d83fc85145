using Marten;
using Whistle.County.Directory;

namespace Whistle.Hosting;

/// <summary>
/// Which PostgreSQL database holds each county: <c>Whistle:Counties:&lt;county code&gt;:Database</c> = a connection string
/// gives that county a database of its own; every other county stays in the main database (<c>ConnectionStrings:Whistle</c>).
/// <para>
/// With no county given a database of its own, nothing changes: one database, every county a conjoined tenant in it.
/// With one or more, Marten's static multi-database tenancy is used (<c>MultiTenantedDatabases</c>), still conjoined inside
/// each database (the <c>tenant_id</c> columns stay): the main database holds the counties listed under
/// <c>Whistle:Counties</c> without a connection string (an empty <c>Database</c>, or <c>main</c>) and the sample county,
/// and Wolverine's node and envelope tables; each connection string a database holding the counties given it (two
/// counties may share one). Wolverine then keeps an inbox, outbox and scheduled messages in every database, and its
/// leader spreads the daemon's projections and subscriptions over the hosts database by database.
/// </para>
/// <para>
/// Static means every county must be known at start: a county that is not listed (nor the sample county) has no
/// database, and a token for it is refused with 401 (<see cref="Identity"/>). Moving a county from one database to another is not built: its events, documents,
/// case numbers and scheduled messages would have to be copied with their sequence numbers, which nothing here does.
/// </para>
/// </summary>
public sealed record CountyDatabases(IReadOnlyDictionary<string, string> Own, IReadOnlyList<string> InMain)
{
    public const string Section = "Whistle:Counties";
    public const string MainDatabase = "main";

    /// <summary>True when some county has a database of its own: the multi-database deployment.</summary>
    public bool Separate => Own.Count > 0;

    /// <summary>Whether a database holds the county: any county does in the one-database deployment; else only those configured.</summary>
    public bool Holds(string county) => !Separate || Own.ContainsKey(county) || InMain.Contains(county, StringComparer.Ordinal);

    public static CountyDatabases From(IConfiguration config)
    {
        var own = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var inMain = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var county in config.GetSection(Section).GetChildren())
        {
            var database = county["Database"];
            if (database is { Length: > 0 } && !string.Equals(database, MainDatabase, StringComparison.OrdinalIgnoreCase))
                own[county.Key] = ConnectionTuning.Apply(database);
            else
                inMain.Add(county.Key);
        }
        if (config[SampleCounty.Setting] is { Length: > 0 } path && SampleCounty.Read(SampleCounty.Locate(path)).Id is var sample
            && !own.ContainsKey(sample))
            inMain.Add(sample);
        return new CountyDatabases(own, [.. inMain]);
    }

    /// <summary>Maps the counties onto their databases; the caller has already given Marten the conjoined tenancy.</summary>
    public void Configure(StoreOptions opts, string mainConnectionString)
    {
        opts.MultiTenantedDatabases(tenancy =>
        {
            var main = tenancy.AddMultipleTenantDatabase(mainConnectionString, MainDatabase);
            if (InMain.Count > 0) main.ForTenants([.. InMain]);
            foreach (var shared in Own.GroupBy(c => c.Value, StringComparer.Ordinal))
                tenancy.AddMultipleTenantDatabase(shared.Key, string.Join('+', shared.Select(c => c.Key)))
                    .ForTenants([.. shared.Select(c => c.Key)]);
        });
    }
}

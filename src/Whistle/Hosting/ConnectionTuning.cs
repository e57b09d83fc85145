using System.Data.Common;
using Npgsql;

namespace Whistle.Hosting;

/// <summary>
/// The Npgsql settings Whistle gives every connection string it is configured with (the main database's and each
/// county's), unless the string sets them itself.
/// </summary>
/// <remarks>
/// Automatic preparation: a statement run twice on a physical connection is prepared there and kept across the
/// connection's uses from the pool. Without it, each return to the pool ends in <c>DISCARD ALL</c> (7.5 per lodging,
/// counted in the statement log of issue 17), which drops every plan PostgreSQL has cached, so each command parses and
/// plans every statement again, among them the bodies of Marten's append function and of the event-chain trigger. With it,
/// Npgsql resets a returned connection without dropping its prepared statements, and PostgreSQL plans each statement
/// once per connection. 64 statements a connection cover a command's statements, the daemon's and Wolverine's
/// (least recently used ones are closed beyond that).
/// <para>
/// Command timeout 300 s instead of Npgsql's 30: the schema update at start is one command, and one that adds a column
/// for an existing read model fills it from every document (on the million-event county, the complaint list's six
/// columns took longer than 30 s and the start failed, rolled back whole). A request's statements end sooner, with the
/// request (its cancellation is passed down).
/// </para>
/// </remarks>
public static class ConnectionTuning
{
    public const int MaxAutoPrepare = 64;
    public const int AutoPrepareMinUsages = 2;
    public const int CommandTimeoutSeconds = 300;

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "Max Auto Prepare")) builder.MaxAutoPrepare = MaxAutoPrepare;
        if (!Sets(connectionString, "Auto Prepare Min Usages")) builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        if (!Sets(connectionString, "Command Timeout")) builder.CommandTimeout = CommandTimeoutSeconds;
        return builder.ConnectionString;
    }

    /// <summary>Whether the string itself names the setting (Npgsql's builder answers true for every keyword it knows).</summary>
    private static bool Sets(string connectionString, string keyword)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(k => Normalised(k) == Normalised(keyword));
    }

    private static string Normalised(string keyword) => keyword.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
}

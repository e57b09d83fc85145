namespace Whistle.Kernel;

/// <summary>The PostgreSQL schema that holds Whistle's events, documents and own tables.</summary>
public static class WhistleSchema
{
    public const string Name = "whistle";

    /// <summary>A table of Whistle's own, qualified for SQL: <c>whistle.case_numbers</c>.</summary>
    public static string Table(string table) => $"{Name}.{table}";
}

using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;

namespace Whistle.County.Directory;

/// <summary>How well a directory entry answers what a caller typed; lower is better.</summary>
public enum LookupRank
{
    /// <summary>The entry's code, in any case (<c>cp010101</c>).</summary>
    Code = 0,
    /// <summary>The start of its name (<c>东关</c> → 东关花园).</summary>
    NameStart = 1,
    /// <summary>Anywhere in its name (<c>花园</c> → 东关花园).</summary>
    InName = 2,
    /// <summary>The start of its code (<c>CP0101</c> → the compounds of community CM0101).</summary>
    CodeStart = 3,
    /// <summary>Anywhere in its other texts: a compound's address, a company's credit code, a department's English name or duties.</summary>
    Elsewhere = 4,
}

/// <summary>A code with the name people know it by.</summary>
public sealed record NamedCode(string Code, string Name);

/// <summary>The best candidates of a lookup, at most the limit asked for, and how many entries matched in all.</summary>
public sealed record Candidates<T>(IReadOnlyList<T> Items, int Total);

/// <summary>
/// Finding a directory entry by what a caller knows of it: part of its name or address ("东关花园", "迎宾大道"), or its
/// code. Candidates are ranked (<see cref="LookupRank"/>), then ordered by code. A county's directory is a few hundred
/// entries (the sample county: 226 compounds, 49 companies, 12 departments), so the entries of a kind are read and
/// ranked here rather than in SQL.
/// </summary>
public static class DirectoryLookup
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;
    public const int MaxLength = 50;

    /// <summary>The checked text and limit, or a 400 naming <c>q</c> or <c>limit</c>.</summary>
    public static (string Text, int Limit, ProblemDetails Problem) Parse(string? q, int? limit)
    {
        var text = q?.Trim() ?? "";
        var problem = new FieldErrors()
            .When(text.Length == 0, "q", "请输入名称、地址或代码的一部分。Give part of a name, an address or a code.")
            .When(text.Length > MaxLength, "q", $"不能超过 {MaxLength} 个字符。At most {MaxLength} characters.")
            .When(limit is < 1 or > MaxLimit, "limit", $"应为 1 到 {MaxLimit}。1 to {MaxLimit}.")
            .ToProblem();
        return (text, limit ?? DefaultLimit, problem);
    }

    /// <summary>How the entry answers the text, or null when it does not.</summary>
    public static LookupRank? Rank(string text, string code, string name, params IEnumerable<string?> elsewhere)
    {
        if (code.Equals(text, StringComparison.OrdinalIgnoreCase)) return LookupRank.Code;
        if (name.StartsWith(text, StringComparison.OrdinalIgnoreCase)) return LookupRank.NameStart;
        if (name.Contains(text, StringComparison.OrdinalIgnoreCase)) return LookupRank.InName;
        if (code.StartsWith(text, StringComparison.OrdinalIgnoreCase)) return LookupRank.CodeStart;
        return elsewhere.Any(t => t?.Contains(text, StringComparison.OrdinalIgnoreCase) == true) ? LookupRank.Elsewhere : null;
    }

    /// <summary>The matching entries, best first and then by code, at most <paramref name="limit"/>, with their total.</summary>
    public static Candidates<TOut> Find<TEntry, TOut>(
        IEnumerable<TEntry> entries, Func<TEntry, LookupRank?> rank, Func<TEntry, string> code, Func<TEntry, TOut> candidate, int limit)
    {
        var matches = entries.Select(e => (Entry: e, Rank: rank(e))).Where(x => x.Rank is not null)
            .OrderBy(x => x.Rank).ThenBy(x => code(x.Entry), StringComparer.Ordinal).ToList();
        return new Candidates<TOut>(matches.Take(limit).Select(x => candidate(x.Entry)).ToList(), matches.Count);
    }
}

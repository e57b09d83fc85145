using System.Collections;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Marten;

namespace Whistle.County.Directory;

/// <summary>What every directory PUT answers: the entry's code, its version after the call, and what changed.</summary>
public sealed record DirectoryRecorded(string Code, long Version, bool Created, IReadOnlyList<string> Changed);

/// <summary>A directory entry as its write model: its code, its stream version and the entry as it now is.</summary>
public interface IDirectoryEntry<out TInfo> where TInfo : class
{
    string Code { get; }
    long Version { get; }
    TInfo Info { get; }
}

/// <summary>
/// One kind of directory entry (sub-district, community, …): the name its stream ids are made from, and the events
/// that register and revise an entry of it. Every directory PUT records through one of these.
/// </summary>
public sealed class DirectoryKind<TInfo>(
    string name,
    Func<Guid, string, TInfo, Actor, DateTimeOffset, IDirectoryChange<TInfo>> registered,
    Func<Guid, string, TInfo, IReadOnlyList<string>, Actor, DateTimeOffset, IDirectoryChange<TInfo>> revised)
    where TInfo : class
{
    public string Name => name;

    public Guid Id(string code) => DirectoryIds.For(name, code);

    /// <summary>The decision of a PUT on this kind: see <see cref="DirectoryRecording.Decide{TInfo}"/>.</summary>
    public (DirectoryRecorded Result, Events Events) Record(
        string code, TInfo info, IDirectoryEntry<TInfo>? entry, Actor by, DateTimeOffset now)
    {
        var id = Id(code);
        var (result, change) = DirectoryRecording.Decide(code, info, entry?.Info, entry?.Version ?? 0,
            i => registered(id, code, i, by, now), (i, changed) => revised(id, code, i, changed, by, now));
        return (result, change is null ? [] : [change]);
    }
}

/// <summary>The pure parts every directory entry shares: code rules, and which fields a revision changes.</summary>
public static partial class DirectoryRecording
{
    /// <summary>Who maintains the directory, the catalogue, the deadline policy and the calendar.</summary>
    public const string Maintainers = Roles.Admin;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")]
    private static partial Regex CodePattern();

    public static FieldErrors CheckCode(this FieldErrors errors, string code) =>
        errors.When(!CodePattern().IsMatch(code), "code",
            "编码只能由字母、数字、- 和 _ 组成，最长 32 位。Letters, digits, - and _ only, at most 32.");

    /// <summary>The names (camelCase) of the properties whose values differ; lists compare element by element.</summary>
    public static IReadOnlyList<string> ChangedFields<T>(T before, T after) where T : notnull =>
        typeof(T).GetProperties()
            .Where(p => !Same(p.GetValue(before), p.GetValue(after)))
            .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .ToList();

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (string x, string y) => x == y,
        (IEnumerable x, IEnumerable y) => x.Cast<object?>().SequenceEqual(y.Cast<object?>()),
        _ => Equals(a, b),
    };

    public static Actor By(ClaimsPrincipal user) => Actor.From(user);

    public static ProblemDetails UnknownCode(string field, string what, string code) =>
        new FieldErrors().Add(field, $"没有编码为 {code} 的{what}。No such entry: {code}.").ToProblem();

    /// <summary>
    /// The decision of every directory PUT: a new code registers the entry; a known one is revised with the names of
    /// the fields that changed; the same values again change nothing. Pure.
    /// </summary>
    public static (DirectoryRecorded Result, object? Change) Decide<TInfo>(
        string code, TInfo info, TInfo? before, long version,
        Func<TInfo, object> registered, Func<TInfo, IReadOnlyList<string>, object> revised)
        where TInfo : class
    {
        if (before is null) return (new DirectoryRecorded(code, 1, true, []), registered(info));
        var changed = ChangedFields(before, info);
        return changed.Count == 0
            ? (new DirectoryRecorded(code, version, false, []), null)
            : (new DirectoryRecorded(code, version + 1, false, changed), revised(info, changed));
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Whistle.Kernel;
using Whistle.Privacy;
using Whistle.Privacy.Sealing;

namespace Whistle.History.Timeline;

/// <summary>
/// What an event says happened, in Chinese and in English, without who or when (the timeline adds those), with the
/// deadline-policy and calendar versions the event was decided under where it carries them.
/// </summary>
public sealed record Phrase(string Zh, string En, int? PolicyVersion = null, int? CalendarVersion = null);

/// <summary>How a sentence names things: the stream's label in both languages, and whether personal data is shown in clear.</summary>
public sealed record SentenceContext(string StreamZh, string StreamEn, bool PersonalData, Keyring? Keys = null)
{
    /// <summary>A resident's stored text opened by the case's keys (an erased subject's reads as erased).</summary>
    public string Open(string value) => (Keys ?? Keyring.Empty).Open(value);
}

/// <summary>
/// A timeline sentence: "2026-11-03 09:12 社区工作者 王某 受理投诉 TS-2026-000012（第 2 版）。" — the moment in county time,
/// the actor (the clock for time passing), what happened (one capability's phrase), the stream's version and the policy
/// and calendar versions that applied. Each capability's phrases live in its own file; an event none of them knows
/// still gets a sentence (<see cref="Fallback"/>) so a timeline never fails, and a unit test holds every case event to a real one.
/// </summary>
public static partial class Sentences
{
    public const string ClockZh = "系统（时限）";
    public const string ClockEn = "The clock";

    private static readonly ConcurrentDictionary<Type, PropertyInfo?> Bys = new();

    /// <summary>The phrase of a case's event from the capability that owns it; null when no capability knows the event.</summary>
    public static Phrase? PhraseOf(object data, SentenceContext c) =>
        ComplaintSentences.Of(data, c) ?? WhistleSentences.Of(data, c) ?? FeeDisputeSentences.Of(data, c)
        ?? MediationSentences.Of(data, c) ?? MeetingSentences.Of(data, c);

    /// <summary>The sentence of an event nobody wrote a phrase for: its type name, on its stream.</summary>
    public static Phrase Fallback(object data, SentenceContext c) =>
        new($"在{c.StreamZh}上记录 {data.GetType().Name}", $"recorded {data.GetType().Name} on {c.StreamEn}");

    /// <summary>The whole sentence in both languages.</summary>
    public static (string Zh, string En) Compose(Phrase phrase, Actor? by, DateTimeOffset at, long version)
    {
        var time = Time(at);
        var versions = (phrase.PolicyVersion, phrase.CalendarVersion) switch
        {
            (null, null) => ("", ""),
            var (p, cal) => ("；" + string.Join("，", new[] { p is null ? null : $"时限政策第 {p} 版", cal is null ? null : $"工作日历第 {cal} 版" }.OfType<string>()),
                "; " + string.Join(", ", new[] { p is null ? null : $"deadline policy v{p}", cal is null ? null : $"calendar v{cal}" }.OfType<string>())),
        };
        return ($"{time} {ActorZh(by)} {phrase.Zh}（第 {version} 版{versions.Item1}）。",
            $"{time} {ActorEn(by)} {phrase.En} (version {version}{versions.Item2}).");
    }

    /// <summary>Who the event says acted (its <c>By</c>); null for the passing of time.</summary>
    public static Actor? ActorOf(object data) =>
        Bys.GetOrAdd(data.GetType(), static type => type.GetProperty("By", BindingFlags.Public | BindingFlags.Instance) is { } p
            && p.PropertyType == typeof(Actor) ? p : null)?.GetValue(data) as Actor;

    public static string ActorZh(Actor? by) => by is null ? ClockZh : RoleZh(by.Role) is { Length: > 0 } role ? $"{role} {by.Name}" : by.Name;

    public static string ActorEn(Actor? by) => by is null ? ClockEn : RoleEn(by.Role) is { Length: > 0 } role ? $"{role} {by.Name}" : by.Name;

    public static string RoleZh(string role) => role switch
    {
        Roles.Clerk => "受理员",
        Roles.Community => "社区工作者",
        Roles.SubDistrict => "街道干部",
        Roles.Department => "部门经办人",
        Roles.Office => "联席办",
        Roles.Mediator => "调解员",
        Roles.Analyst => "分析员",
        Roles.Admin => "管理员",
        Roles.Supervisor => "县级督办",
        _ => "",
    };

    public static string RoleEn(string role) => role switch
    {
        Roles.Clerk => "Hotline clerk",
        Roles.Community => "Community worker",
        Roles.SubDistrict => "Sub-district officer",
        Roles.Department => "Department officer",
        Roles.Office => "Joint-meeting office",
        Roles.Mediator => "Mediator",
        Roles.Analyst => "Analyst",
        Roles.Admin => "Administrator",
        Roles.Supervisor => "County supervisor",
        _ => "",
    };

    /// <summary>A moment as the county reads it: China Standard Time, to the minute.</summary>
    public static string Time(DateTimeOffset at) => CountyTime.Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A person's name, masked (王**) for readers who do not see personal data.</summary>
    public static string Name(string name, SentenceContext c) =>
        c.PersonalData ? c.Open(name) : PersonalDatum.Of(PersonalDataKind.Name, c.Open(name));

    public static string Phone(string phone, SentenceContext c) =>
        c.PersonalData ? c.Open(phone) : PersonalDatum.Of(PersonalDataKind.Phone, c.Open(phone));

    public static string ZhList(IEnumerable<string> items) => string.Join("、", items);

    public static string EnList(IEnumerable<string> items) => string.Join(", ", items);

    /// <summary>An enum value in English words: BasicallySatisfied → basically satisfied.</summary>
    public static string Words<TEnum>(TEnum value) where TEnum : struct, Enum =>
        CamelHump().Replace(value.ToString(), " $1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex CamelHump();
}

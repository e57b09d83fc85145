using Whistle.Kernel;

namespace Whistle.Privacy;

// A record of access: one stream per unmasking, its only event. Kept apart from the case's own stream, so looking at a
// case never changes its history, its version or anything folded from it.

/// <summary>
/// Someone unmasked a case's personal data (查看个人信息): which case, which fields were shown in clear, why, who and when.
/// </summary>
public sealed record PersonalDataViewed(
    Guid ViewingId, Guid CaseId, string CaseKind, string CaseNumber, IReadOnlyList<string> Fields, string Purpose, Actor By,
    DateTimeOffset At);

/// <summary>Every event a viewing stream may hold: registered by <see cref="PrivacySetup"/>.</summary>
public static class PrivacyEventTypes
{
    public static readonly IReadOnlyList<Type> All = [typeof(PersonalDataViewed), typeof(PersonalDataErased)];
}

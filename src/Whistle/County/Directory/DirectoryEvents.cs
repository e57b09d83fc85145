using Whistle.Kernel;

namespace Whistle.County.Directory;

// Every event of the county directory's streams: one stream per sub-district, community, compound,
// property-service company and department. A revision carries the whole new entry and the names of the fields
// that changed, so the history reads "who changed what, when" and any earlier version can be rebuilt.

/// <summary>A change to a directory entry, as the history shows it: the whole entry after it, and what changed.</summary>
public interface IDirectoryChange<out TInfo> where TInfo : class
{
    string Code { get; }
    TInfo Info { get; }
    IReadOnlyList<string> Changed { get; }
    Actor By { get; }
    DateTimeOffset At { get; }
}

public sealed record SubDistrictInfo(string Name);
public sealed record CommunityInfo(string Name, string SubDistrictCode);

public enum CompoundStage
{
    Delivered = 1,           // 已交付
    UnderConstruction = 2,   // 在建未交付
}

/// <summary>The compound's owners' committee (业主委员会): formed or not, its term and when it last acted.</summary>
public sealed record OwnersCommittee(bool Formed, DateOnly? TermStartsOn, DateOnly? TermEndsOn, DateOnly? LastActivityOn);

public sealed record CompoundInfo(
    string Name,
    string CommunityCode,
    string SubDistrictCode,
    string Address,
    int Households,
    CompoundStage Stage,
    string? PropertyCompanyCode,
    OwnersCommittee OwnersCommittee);

/// <summary>
/// A property-service company as the directory records it. <see cref="LegalRepresentative"/> (法定代表人): the credit file
/// names the person as well as the company; absent from entries recorded before it existed.
/// </summary>
public sealed record PropertyCompanyInfo(string Name, string CreditCode, string ContactPerson, string Phone, string? LegalRepresentative = null);

public sealed record DepartmentInfo(
    string Name,
    string NameEn,
    IReadOnlyList<string> EnforcementItems,
    string ContactPerson,
    string ContactPhone,
    string SupervisionHotline);

public sealed record SubDistrictRegistered(Guid SubDistrictId, string Code, SubDistrictInfo Info, Actor By, DateTimeOffset At) : IDirectoryChange<SubDistrictInfo>
{
    public IReadOnlyList<string> Changed => [];
}

public sealed record SubDistrictRevised(Guid SubDistrictId, string Code, SubDistrictInfo Info, IReadOnlyList<string> Changed, Actor By, DateTimeOffset At) : IDirectoryChange<SubDistrictInfo>;

public sealed record CommunityRegistered(Guid CommunityId, string Code, CommunityInfo Info, Actor By, DateTimeOffset At) : IDirectoryChange<CommunityInfo>
{
    public IReadOnlyList<string> Changed => [];
}

public sealed record CommunityRevised(Guid CommunityId, string Code, CommunityInfo Info, IReadOnlyList<string> Changed, Actor By, DateTimeOffset At) : IDirectoryChange<CommunityInfo>;

public sealed record CompoundRegistered(Guid CompoundId, string Code, CompoundInfo Info, Actor By, DateTimeOffset At) : IDirectoryChange<CompoundInfo>
{
    public IReadOnlyList<string> Changed => [];
}

public sealed record CompoundRevised(Guid CompoundId, string Code, CompoundInfo Info, IReadOnlyList<string> Changed, Actor By, DateTimeOffset At) : IDirectoryChange<CompoundInfo>;

public sealed record PropertyCompanyRegistered(Guid PropertyCompanyId, string Code, PropertyCompanyInfo Info, Actor By, DateTimeOffset At) : IDirectoryChange<PropertyCompanyInfo>
{
    public IReadOnlyList<string> Changed => [];
}

public sealed record PropertyCompanyRevised(Guid PropertyCompanyId, string Code, PropertyCompanyInfo Info, IReadOnlyList<string> Changed, Actor By, DateTimeOffset At) : IDirectoryChange<PropertyCompanyInfo>;

public sealed record DepartmentRegistered(Guid DepartmentId, string Code, DepartmentInfo Info, Actor By, DateTimeOffset At) : IDirectoryChange<DepartmentInfo>
{
    public IReadOnlyList<string> Changed => [];
}

public sealed record DepartmentRevised(Guid DepartmentId, string Code, DepartmentInfo Info, IReadOnlyList<string> Changed, Actor By, DateTimeOffset At) : IDirectoryChange<DepartmentInfo>;

/// <summary>The events of each directory stream, as the event store registers them.</summary>
public static class DirectoryEvents
{
    public static readonly IReadOnlyList<Type> SubDistrict = [typeof(SubDistrictRegistered), typeof(SubDistrictRevised)];
    public static readonly IReadOnlyList<Type> Community = [typeof(CommunityRegistered), typeof(CommunityRevised)];
    public static readonly IReadOnlyList<Type> Compound = [typeof(CompoundRegistered), typeof(CompoundRevised)];
    public static readonly IReadOnlyList<Type> PropertyCompany = [typeof(PropertyCompanyRegistered), typeof(PropertyCompanyRevised)];
    public static readonly IReadOnlyList<Type> Department = [typeof(DepartmentRegistered), typeof(DepartmentRevised)];

    public static IEnumerable<Type> All => [.. SubDistrict, .. Community, .. Compound, .. PropertyCompany, .. Department];
}

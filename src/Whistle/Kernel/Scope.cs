using System.Linq.Expressions;
using System.Security.Claims;

namespace Whistle.Kernel;

/// <summary>The kinds of case Whistle keeps; each has its own stream and read models.</summary>
public enum CaseKind
{
    Complaint = 1,
    Whistle = 2,
    FeeDispute = 3,
    Mediation = 4,
}

/// <summary>How far a role sees into the cases of one kind.</summary>
public enum Reach
{
    /// <summary>No case of the kind exists for the role: lists are empty, details are 404, the list endpoint is 403.</summary>
    Nothing = 0,
    /// <summary>The cases of the user's own community.</summary>
    Community = 1,
    /// <summary>The cases of the user's own sub-district.</summary>
    SubDistrict = 2,
    /// <summary>The cases assigned to the user's own department.</summary>
    Department = 3,
    /// <summary>Every case of the county.</summary>
    County = 4,
}

/// <summary>Where a case sits, as scope reads it: its area and, for a whistle, every department it was assigned to.</summary>
public sealed record CaseArea(string? CommunityCode, string? SubDistrictCode, IReadOnlyCollection<string>? Departments = null);

/// <summary>
/// Where a read model keeps the fields scope reads. Declared once per read model, so that its details endpoint
/// (<see cref="Scope.Sees{T}(CaseFields{T}, T)"/>) and its lists (<see cref="Scope.Filter{T}"/>, in SQL) read the same fields.
/// </summary>
public sealed class CaseFields<T>(
    CaseKind kind,
    Expression<Func<T, string?>> community,
    Expression<Func<T, string?>> subDistrict,
    Expression<Func<T, IEnumerable<string>>>? departments = null)
{
    private readonly Func<T, string?> _community = community.Compile();
    private readonly Func<T, string?> _subDistrict = subDistrict.Compile();
    private readonly Func<T, IEnumerable<string>>? _departments = departments?.Compile();

    public CaseKind Kind { get; } = kind;
    public Expression<Func<T, string?>> Community { get; } = community;
    public Expression<Func<T, string?>> SubDistrict { get; } = subDistrict;
    public Expression<Func<T, IEnumerable<string>>>? Departments { get; } = departments;

    public CaseArea AreaOf(T document) =>
        new(_community(document), _subDistrict(document), _departments?.Invoke(document).ToList());
}

/// <summary>
/// The one answer to "which cases may this user see, and on which may they act". Every details endpoint, list, inbox,
/// docket and the shared case list asks it; so will every dashboard, export and page. A case outside a user's scope
/// does not exist for them (404); a kind they never see is 403 on its lists.
/// </summary>
public sealed record Scope(string UserId, string Role, string? Community, string? SubDistrict, string? Department)
{
    /// <summary>Who reads complaints (the shared case list too).</summary>
    public const string ComplaintReaders = Roles.Clerk + "," + Roles.Community + "," + Roles.SubDistrict + "," + Roles.Office + ","
        + Roles.Mediator + "," + Roles.Analyst + "," + Roles.Admin + "," + Roles.Supervisor;

    /// <summary>Who reads fee disputes: as complaints, but for the county supervisors, who supervise complaints and whistles only.</summary>
    public const string FeeDisputeReaders = Roles.Clerk + "," + Roles.Community + "," + Roles.SubDistrict + "," + Roles.Office + ","
        + Roles.Mediator + "," + Roles.Analyst + "," + Roles.Admin;

    /// <summary>Who reads mediation cases and dockets: the mediation centre and the county-wide roles, never the area workers.</summary>
    public const string MediationReaders = Roles.Clerk + "," + Roles.Mediator + "," + Roles.Office + "," + Roles.Analyst + "," + Roles.Admin;

    /// <summary>Who reads whistles: the areas that blow them, the departments they are assigned to, the county-wide roles.</summary>
    public const string WhistleReaders = Roles.Clerk + "," + Roles.Community + "," + Roles.SubDistrict + "," + Roles.Department + ","
        + Roles.Office + "," + Roles.Analyst + "," + Roles.Admin + "," + Roles.Supervisor;

    /// <summary>Who reads the breach notices (通报): the county-wide whistle readers, and sub-district officers their own.</summary>
    public const string BreachNoticeReaders =
        Roles.Clerk + "," + Roles.SubDistrict + "," + Roles.Office + "," + Roles.Analyst + "," + Roles.Admin + "," + Roles.Supervisor;

    /// <summary>
    /// Who reads the joint-meeting office's worklist: the office, the county supervisors, the hotline clerks, analysts and
    /// administrators county-wide; sub-district officers their own sub-district's items. Departments and communities do not.
    /// </summary>
    public const string WorklistReaders =
        Roles.Office + "," + Roles.Supervisor + "," + Roles.Clerk + "," + Roles.Analyst + "," + Roles.Admin + "," + Roles.SubDistrict;

    /// <summary>
    /// Who reads the department scorecards and the monthly ranking: the joint-meeting office, the county supervisors,
    /// analysts and administrators all of them; a department officer the ranking and its own department's scorecard.
    /// </summary>
    public const string AssessmentReaders = Roles.Department + "," + Roles.Office + "," + Roles.Supervisor + "," + Roles.Analyst + "," + Roles.Admin;

    /// <summary>
    /// Who reads score appeals (考核申诉): the joint-meeting office (which rules on them), the county supervisors, analysts
    /// and administrators all of them; a department officer its own department's (and lodges them).
    /// </summary>
    public const string ScoreAppealReaders = Roles.Department + "," + Roles.Office + "," + Roles.Supervisor + "," + Roles.Analyst + "," + Roles.Admin;

    /// <summary>
    /// Who reads the territory scorecards: the office, the county supervisors, analysts and administrators all of them;
    /// a sub-district officer its own sub-district's and its communities'; a community worker its own community's.
    /// </summary>
    public const string TerritoryAssessmentReaders =
        Roles.Office + "," + Roles.Supervisor + "," + Roles.Analyst + "," + Roles.Admin + "," + Roles.SubDistrict + "," + Roles.Community;

    /// <summary>
    /// Who reads the two-way cross assessment (双向交叉考核): the office, the county supervisors, analysts and
    /// administrators every sub-district's; a sub-district officer its own.
    /// </summary>
    public const string TwoWayAssessmentReaders = Roles.Office + "," + Roles.Supervisor + "," + Roles.Analyst + "," + Roles.Admin + "," + Roles.SubDistrict;

    /// <summary>Who reads the property-service companies' credit files: the county-wide roles and the county supervisors.</summary>
    public const string CreditFileReaders = Roles.Clerk + "," + Roles.Office + "," + Roles.Supervisor + "," + Roles.Analyst + "," + Roles.Admin;

    /// <summary>Who reads a compound's profile: its community's and sub-district's workers, and the county-wide roles (as complaints).</summary>
    public const string CompoundProfileReaders = ComplaintReaders;

    /// <summary>Who handles complaints (受理、办理、回访).</summary>
    public const string ComplaintHandlers = Roles.Clerk + "," + Roles.Community + "," + Roles.Admin;

    /// <summary>Who registers and handles fee disputes.</summary>
    public const string FeeDisputeHandlers = Roles.Clerk + "," + Roles.Community + "," + Roles.Mediator + "," + Roles.Admin;

    /// <summary>Who registers and conducts mediation cases.</summary>
    public const string MediationHandlers = Roles.Mediator + "," + Roles.Clerk;

    /// <summary>Who blows whistles and answers for them on the area's side.</summary>
    public const string Whistlers = Roles.Community + "," + Roles.SubDistrict;

    /// <summary>
    /// Who answers on the whistler's side of a whistle (extensions, returned replies, the conclusion): the area for the
    /// whistles it blew, the joint-meeting office for the whistles its meetings dispatched (the whistle's rules say which).
    /// </summary>
    public const string WhistlerSide = Whistlers + "," + Roles.Office;

    /// <summary>
    /// Who reads the joint meetings, their agendas, resolutions and minutes: the joint-meeting office, the county
    /// supervisors, analysts and administrators. Departments, areas and the hotline do not; only the office runs meetings.
    /// </summary>
    public const string JointMeetingReaders = Roles.Office + "," + Roles.Supervisor + "," + Roles.Analyst + "," + Roles.Admin;

    /// <summary>Who exports the county's events and read models as CSV (history): analysts (masked), the office and administrators.</summary>
    public const string HistoryExporters = Roles.Analyst + "," + Roles.Office + "," + Roles.Admin;

    /// <summary>Who reads case histories: every reader of a kind of case (complaints' readers are all of them); each case then by its own scope.</summary>
    public const string CaseHistoryReaders = ComplaintReaders;

    /// <summary>Who verifies the record's hash chains: the roles that see every case of the county, whatever its kind.</summary>
    public const string IntegrityReaders = Roles.Office + "," + Roles.Analyst + "," + Roles.Admin;

    public static Scope Of(ClaimsPrincipal user) => new(
        user.FindFirstValue(WhistleClaims.Subject) ?? "",
        user.FindFirstValue(WhistleClaims.Role) ?? "",
        user.FindFirstValue(WhistleClaims.Community),
        user.FindFirstValue(WhistleClaims.SubDistrict),
        user.FindFirstValue(WhistleClaims.Department));

    /// <summary>The table of who sees what: one row per role, one column per kind of case.</summary>
    public static Reach ReachOf(string role, CaseKind kind) => (role, kind) switch
    {
        (Roles.Community, CaseKind.Complaint or CaseKind.FeeDispute or CaseKind.Whistle) => Reach.Community,
        (Roles.SubDistrict, CaseKind.Complaint or CaseKind.FeeDispute or CaseKind.Whistle) => Reach.SubDistrict,
        (Roles.Department, CaseKind.Whistle) => Reach.Department,
        (Roles.Mediator, CaseKind.Complaint or CaseKind.FeeDispute or CaseKind.Mediation) => Reach.County,
        (Roles.Clerk or Roles.Office or Roles.Analyst or Roles.Admin, _) => Reach.County,
        (Roles.Supervisor, CaseKind.Complaint or CaseKind.Whistle) => Reach.County,
        _ => Reach.Nothing,
    };

    public Reach ReachOf(CaseKind kind) => ReachOf(Role, kind);

    /// <summary>Whether the user sees a case of this kind in this area.</summary>
    public bool Sees(CaseKind kind, CaseArea area) => ReachOf(kind) switch
    {
        Reach.County => true,
        Reach.Community => Community is not null && area.CommunityCode == Community,
        Reach.SubDistrict => SubDistrict is not null && area.SubDistrictCode == SubDistrict,
        Reach.Department => Department is not null && area.Departments?.Contains(Department) == true,
        _ => false,
    };

    public bool Sees<T>(CaseFields<T> fields, T document) => Sees(fields.Kind, fields.AreaOf(document));

    /// <summary>Whether the user sees any case of this kind: the list endpoints of a kind nobody in the role sees are 403.</summary>
    public bool SeesAny(CaseKind kind) => ReachOf(kind) != Reach.Nothing;

    /// <summary>Whether the user sees the whistles assigned to this department (its inbox).</summary>
    public bool SeesDepartment(string department) => ReachOf(CaseKind.Whistle) switch
    {
        Reach.County => true,
        Reach.Department => Department == department,
        _ => false,
    };

    /// <summary>
    /// Whether the user may handle a case of this kind in this area (the kind's handling commands). The area side of a
    /// whistle — blowing it, answering extensions, returning replies, concluding — is the community's or sub-district's.
    /// </summary>
    public bool MayHandle(CaseKind kind, CaseArea area) => Sees(kind, area) && (Role, kind) switch
    {
        (Roles.Clerk or Roles.Community or Roles.Admin, CaseKind.Complaint) => true,
        (Roles.Clerk or Roles.Community or Roles.Mediator or Roles.Admin, CaseKind.FeeDispute) => true,
        (Roles.Mediator or Roles.Clerk, CaseKind.Mediation) => true,
        (Roles.Community or Roles.SubDistrict, CaseKind.Whistle) => true,
        _ => false,
    };

    /// <summary>
    /// Whether the user may unmask a resident's personal data (<c>POST …/personal-data</c>, with a purpose, recorded) in a
    /// case they see. Every answer shows residents' names, phones and addresses masked, whoever reads it; analysts may
    /// never unmask them.
    /// </summary>
    public bool MaySeePersonalData => Role != Roles.Analyst;

    /// <summary>Whether officials' work contacts (the staff register's phones and e-mails) show in clear: not to analysts.</summary>
    public bool SeesStaffContacts => Role != Roles.Analyst;

    /// <summary>
    /// Whether the user reads this department's full scorecard: a department officer only its own, the other
    /// <see cref="AssessmentReaders"/> every one; nobody else any.
    /// </summary>
    public bool SeesScorecardOf(string department) => Role switch
    {
        Roles.Department => Department == department,
        Roles.Office or Roles.Supervisor or Roles.Analyst or Roles.Admin => true,
        _ => false,
    };

    /// <summary>Whether the user is an officer of this department, answering for its assignments.</summary>
    public bool IsOfficerOf(string department) => Role == Roles.Department && Department == department;

    /// <summary>The list filter, applied in the query (SQL): a list shows exactly the cases <see cref="Sees"/> admits.</summary>
    public IQueryable<T> Filter<T>(IQueryable<T> query, CaseFields<T> fields) =>
        ReachOf(fields.Kind) == Reach.County ? query : query.Where(Admits(fields));

    /// <summary>
    /// <see cref="Sees"/> as a predicate a query can carry into SQL: <c>x => true</c> for the county, <c>x => false</c> for
    /// nothing. The one form of the rule every list filters with — a list of one kind (<see cref="Filter{T}"/>) and the
    /// shared case list, which joins one predicate per kind.
    /// </summary>
    public Expression<Func<T, bool>> Admits<T>(CaseFields<T> fields) => ReachOf(fields.Kind) switch
    {
        Reach.County => _ => true,
        Reach.Community when Community is not null => Equal(fields.Community, Community),
        Reach.SubDistrict when SubDistrict is not null => Equal(fields.SubDistrict, SubDistrict),
        Reach.Department when Department is not null && fields.Departments is { } departments => Contains(departments, Department),
        _ => _ => false,
    };

    private static Expression<Func<T, bool>> Equal<T>(Expression<Func<T, string?>> field, string value) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.Equal(field.Body, Expression.Constant(value, typeof(string))), field.Parameters);

    private static Expression<Func<T, bool>> Contains<T>(Expression<Func<T, IEnumerable<string>>> field, string value) =>
        Expression.Lambda<Func<T, bool>>(
            Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(string)], field.Body, Expression.Constant(value)),
            field.Parameters);
}

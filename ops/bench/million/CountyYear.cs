using System.Security.Claims;
using Whistle.Complaints;
using Whistle.County;
using Whistle.County.Catalogue;
using Whistle.County.Calendar;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Whistle.FeeDisputes;
using Whistle.Mediation;
using Whistle.Kernel;
using Whistle.Simulation;
using Whistle.Whistles;
using Wolverine;
using WhistleModel = Whistle.Whistles.Whistle;

namespace Whistle.Bench.Million;

/// <summary>One event as it will be stored: its stream, the stream's version, when and by whom.</summary>
public sealed record GeneratedEvent(Guid StreamId, Type StreamType, long Version, DateTimeOffset At, object Data, string UserId, string Role, Guid Command);

/// <summary>
/// A year of the sample county's complaints and whistles, written by the domain's own decisions: each case is played on
/// a clock of its own — the people's acts (lodge, accept, decline, withdraw, blow the whistle, sign for, reply, ask for
/// and grant more time, rate, conclude, resolve, follow up, reopen, close) at drawn times, and the reminders and
/// deadlines the decisions schedule (their handlers' <c>Decide</c>) when they fall due — through the endpoints' static
/// decisions and the write models' <c>Apply</c>. The proportions are the simulator's (<see cref="CountyMix"/>); the
/// same seed gives the same year. Acts that would fall after the year's end are not played: the county ends with open cases.
/// </summary>
public sealed class CountyYear(
    CountyReference county, IReadOnlySet<string> staffed, IReadOnlyList<SimCompound> compounds, IReadOnlyDictionary<string, PropertyCompany> companies,
    WorkingCalendar calendar, int seed)
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);
    public static readonly DateTimeOffset Start = new(2025, 12, 1, 0, 0, 0, Offset);
    public static readonly DateTimeOffset End = new(2026, 12, 1, 0, 0, 0, Offset);

    private readonly CountyReference _county = county;
    private readonly IReadOnlyDictionary<string, PropertyCompany> _companies = companies;
    private readonly WorkingCalendar _calendar = calendar;
    private readonly ComplaintTiming _timing = ComplaintTiming.From(county);
    private readonly WhistleTiming _whistleTiming = new(county.Policy, county.Calendar);
    private readonly WhistleRouting _routing = new(county.Catalogue, county.Policy, county.Calendar, county.Departments, staffed);

    /// <summary>Plays the year at the given scale (1 = the simulator's 40 complaints a working day); events in no order across cases.</summary>
    public List<GeneratedEvent> Play(double scale, Action<int, int>? progress = null)
    {
        var events = new List<GeneratedEvent>();
        var seeded = new Random(seed);
        var caseNumber = 0;
        var days = (int)(End - Start).TotalDays;
        for (var d = 0; d < days; d++)
        {
            var day = DateOnly.FromDateTime(Start.AddDays(d).DateTime);
            var count = CountyMix.ComplaintsOn(day, scale, seeded);
            for (var i = 0; i < count; i++)
            {
                caseNumber++;
                var random = CountyMix.ForCase(seed, caseNumber);
                var at = Start.AddDays(d) + CountyMix.TimeOfDay(random);
                new ComplaintRun(this, random, caseNumber, at, events).Play();
            }
            // The day's fee disputes, as the simulator draws them (FeeDisputeScripts), each with its own random.
            var disputes = FeeDisputeScripts.DisputesOn(day, scale, seeded);
            for (var i = 0; i < disputes; i++)
            {
                caseNumber++;
                var random = CountyMix.ForCase(seed, caseNumber);
                var at = Start.AddDays(d) + random.Between(TimeSpan.FromHours(9), TimeSpan.FromHours(17));
                new FeeDisputeRun(this, random, at, events).Play();
            }
            progress?.Invoke(d + 1, events.Count);
        }
        return events;
    }

    /// <summary>One complaint's life, and its whistle's.</summary>
    /// <summary>One case's life on its own clock: its acts queued by due time and played in order until the year ends.</summary>
    private abstract class CaseRun(Random random, DateTimeOffset at)
    {
        private readonly PriorityQueue<Action, (DateTimeOffset, long)> _agenda = new();
        private long _order;
        protected readonly Random _random = random;
        protected DateTimeOffset _now = at;

        public void Play()
        {
            while (_agenda.TryDequeue(out var act, out var when))
            {
                if (when.Item1 >= End) break;
                _now = when.Item1;
                act();
            }
        }

        protected void At(DateTimeOffset at, Action act) => _agenda.Enqueue(act, (at, _order++));
        protected void Then(TimeSpan least, TimeSpan most, Action act) => At(_now + _random.Between(least, most), act);
        protected static TimeSpan Minutes(int n) => TimeSpan.FromMinutes(n);
        protected static TimeSpan Hours(int n) => TimeSpan.FromHours(n);
        protected static TimeSpan Days(int n) => TimeSpan.FromDays(n);
    }

    private sealed class ComplaintRun : CaseRun
    {
        private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"];
        private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明"];

        private readonly CountyYear _year;
        private readonly int _number;
        private readonly List<GeneratedEvent> _out;
        private readonly SimCompound _compound;
        private readonly CatalogueEntry _category;
        private readonly ComplaintChannel _channel;
        private readonly Fate _fate;
        private readonly Dictionary<string, Conduct> _conduct = [];
        private Complaint _complaint = null!;
        private WhistleModel? _whistle;
        private bool _reopened;

        public ComplaintRun(CountyYear year, Random random, int number, DateTimeOffset at, List<GeneratedEvent> output)
            : base(random, at)
        {
            (_year, _number, _out) = (year, number, output);
            _compound = year.Compounds[random.Next(year.Compounds.Count)];
            _category = year.Category(random.Pick(CountyMix.Categories));
            _channel = random.Pick(CountyMix.Channels);
            _fate = random.Pick(CountyMix.Fates);
            At(at, Lodge);
        }

        private bool Urgent => _category.WhistleType == WhistleType.Emergency;
        private ClaimsPrincipal Worker => Person($"u-community-{_compound.Community}", "社区工作者", Roles.Community, community: _compound.Community, subDistrict: _compound.SubDistrict);
        private static ClaimsPrincipal Clerk => Person("u-clerk", "李受理", Roles.Clerk);
        private ClaimsPrincipal Handler => _channel == ComplaintChannel.GridPatrol || _fate == Fate.Whistled ? Worker : Clerk;
        private static ClaimsPrincipal Officer(string department) => Person($"u-{department}", $"{department} 科长", Roles.Department, department: department);


        private void OnComplaint(IEnumerable<object> events, ClaimsPrincipal? by)
        {
            foreach (var e in events)
            {
                _complaint = _complaint.After([e]);
                Record(_complaint.Id, typeof(Complaint), _complaint.Version, e, by);
            }
        }

        private void OnWhistle(IEnumerable<object> events, ClaimsPrincipal? by)
        {
            foreach (var e in events)
            {
                _whistle = _whistle!.After([e]);
                Record(_whistle.Id, typeof(WhistleModel), _whistle.Version, e, by);
            }
        }

        private void Record(Guid stream, Type type, long version, object e, ClaimsPrincipal? by) =>
            _out.Add(new GeneratedEvent(stream, type, version, _now, e,
                by?.FindFirstValue(WhistleClaims.Subject) ?? "system", by?.FindFirstValue(WhistleClaims.Role) ?? "", Guid.CreateVersion7(_now)));

        /// <summary>The reminders and deadlines a decision scheduled, handled when they fall due by their handlers' decisions.</summary>
        private void Schedule(IEnumerable<object> messages)
        {
            foreach (var m in messages)
            {
                switch (m)
                {
                    case DeliveryMessage<ComplaintReminderDue> d:
                        At(d.Options.ScheduledTime!.Value, () => OnComplaint(ComplaintReminderDueHandler.Decide(d.Message, _complaint, _now), null));
                        break;
                    case DeliveryMessage<ComplaintDeadlineReached> d:
                        At(d.Options.ScheduledTime!.Value, () => OnComplaint(ComplaintDeadlineReachedHandler.Decide(d.Message, _complaint, _now), null));
                        break;
                    case DeliveryMessage<WhistleReminderDue> d:
                        At(d.Options.ScheduledTime!.Value, () => OnWhistle(WhistleReminderDueHandler.Handle(d.Message, _whistle!, _now), null));
                        break;
                    case DeliveryMessage<WhistleDeadlineReached> d:
                        At(d.Options.ScheduledTime!.Value, () =>
                        {
                            var (events, more) = WhistleDeadlineReachedHandler.Decide(d.Message, _whistle!, _year._whistleTiming, _now);
                            OnWhistle(events, null);
                            Schedule(more);
                        });
                        break;
                    // Notices to other cases and notifications: none of this county's complaints is cited by another case.
                }
            }
        }

        private void Lodge()
        {
            var name = Surnames[_random.Next(Surnames.Length)] + Given[_random.Next(Given.Length)];
            var phone = "13" + _random.Next(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var building = _random.Next(1, 30);
            var command = new LodgeComplaint(_channel, _category.CategoryId, _compound.Code,
                new ComplainantInput(name, phone, $"{_compound.Name}{building}号楼"),
                $"{_compound.Name}{building}号楼附近：{_category.Name}，反映多次未解决，请尽快处理。");
            var by = _channel == ComplaintChannel.GridPatrol ? Worker : Clerk;
            var compound = _year._county.Compound(_compound.Code)!;
            var id = Guid.CreateVersion7(_now);
            var number = CaseNumbers.Format(CaseNumbers.Complaints, _now.Year, _year.NextNumber(_now.Year));
            var (_, start, messages) = LodgeComplaintEndpoint.Lodge(command, compound, _year._timing, id, number, Actor.From(by), _now);
            var lodged = (ComplaintLodged)start.Events.Single();
            _complaint = Complaint.Create(lodged).AtVersion(1);
            Record(id, typeof(Complaint), 1, lodged, by);
            Schedule(messages);
            if (_fate == Fate.Declined) Then(Hours(1), Hours(8), Decline);
            else Then(Minutes(20), Urgent ? Minutes(60) : Hours(6), Accept);
        }

        private void Decline() =>
            OnComplaint(DeclineComplaintEndpoint.Post(new DeclineComplaint("属民事纠纷，不属本平台受理范围。", "人民法院或人民调解委员会"), _complaint, Clerk, _now).Item2, Clerk);

        private void Accept()
        {
            var (_, events, messages) = AcceptComplaintEndpoint.Accept(_complaint, _year._timing, Actor.From(Handler), _now);
            OnComplaint(events, Handler);
            Schedule(messages);
            switch (_fate)
            {
                case Fate.Withdrawn: Then(Days(1), Days(3), Withdraw); break;
                case Fate.Whistled: Then(Minutes(10), Urgent ? Minutes(30) : Hours(24), Blow); break;
                default: Then(Days(1), Days(6), Resolve); break;
            }
        }

        private void Withdraw() =>
            OnComplaint(WithdrawComplaintEndpoint.Post(new WithdrawComplaint("投诉人表示问题已自行协商解决。"), _complaint, Handler, _now).Item2, Handler);

        private void Resolve()
        {
            var (_, events, messages) = ResolveComplaintEndpoint.Resolve(
                new ResolveComplaint($"已处理：{_category.Name}问题已现场核实并整改。"), _complaint, _year._timing, Actor.From(Handler), _now);
            OnComplaint(events, Handler);
            Schedule(messages);
            Then(Days(1), Days(2), FollowUp);
        }

        private void FollowUp()
        {
            var satisfaction = _reopened ? Satisfaction.Satisfied : _random.Pick(CountyMix.Satisfactions);
            var comment = satisfaction == Satisfaction.Unsatisfied ? "问题仍未解决。" : null;
            OnComplaint(RecordFollowUpEndpoint.Post(new RecordFollowUp(satisfaction, comment), _complaint, Clerk, _now).Item2, Clerk);
            if (satisfaction == Satisfaction.Unsatisfied) Then(Hours(2), Hours(24), Reopen);
            else Then(Minutes(10), Hours(4), Close);
        }

        private void Reopen()
        {
            _reopened = true;
            var (_, events, messages) = ReopenComplaintEndpoint.Reopen(new ReopenComplaint("回访不满意，重新办理。"), _complaint, _year._timing, Actor.From(Handler), _now);
            OnComplaint(events, Handler);
            Schedule(messages);
            Then(Days(1), Days(3), Resolve);
        }

        private void Close() => OnComplaint(CloseComplaintEndpoint.Post(new CloseComplaint(), _complaint, Handler, _now).Item2, Handler);

        private void Blow()
        {
            var command = new BlowWhistle($"请{_category.Name}相关部门到场处置。");
            var whistleId = Guid.CreateVersion7(_now);
            var (_, events, start, messages) = BlowWhistleEndpoint.Blow(command, _complaint, _year._routing, whistleId, WhistleLevel.Community,
                Actor.From(Worker), _now);
            OnComplaint(events, Worker);
            var blown = (WhistleBlown)start.Events.Single();
            _whistle = WhistleModel.Create(blown).AtVersion(1);
            Record(whistleId, typeof(WhistleModel), 1, blown, Worker);
            Schedule(messages);
            foreach (var a in blown.Assignments)
            {
                // Rejections and the office's rulings are not played in this county (see the README's list of what is left out).
                var conduct = _random.Pick(CountyMix.Conducts);
                if (conduct == Conduct.Rejects) conduct = Conduct.Prompt;
                Assign(a.Department, conduct);
            }
        }

        private void Assign(string department, Conduct conduct)
        {
            _conduct[department] = conduct;
            if (conduct == Conduct.LateSignFor) Then(Urgent ? Minutes(40) : Hours(26), Urgent ? Hours(2) : Hours(60), () => SignFor(department));
            else Then(Minutes(3), Urgent ? Minutes(25) : Hours(20), () => SignFor(department));
        }

        private void SignFor(string department)
        {
            var officer = Officer(department);
            OnWhistle(SignForAssignmentEndpoint.Post(new SignForAssignment(), _whistle!, department, officer, _now).Item2, officer);
            var (least, most, asksExtension) = CountyMix.AfterSigningFor(_conduct[department], Urgent);
            Then(least, most, () => { if (asksExtension) AskExtension(department); else Reply(department); });
        }

        private void AskExtension(string department)
        {
            var officer = Officer(department);
            var until = _now + (Urgent ? Days(2) : Days(20));
            var command = new RequestExtension(until, "需协调多个部门现场会商，申请延期。");
            if (RequestExtensionEndpoint.Check(command, _whistle!, department, officer, _now) is { } problem && problem.Status is not null)
            {
                Then(Hours(1), Days(2), () => Reply(department));
                return;
            }
            OnWhistle(RequestExtensionEndpoint.Post(command, _whistle!, department, officer, _now).Item2, officer);
            Then(Hours(1), Hours(12), () => Grant(department));
        }

        private void Grant(string department)
        {
            var (_, events, messages) = GrantExtensionEndpoint.Grant(_whistle!, department, _year._county.Policy, Actor.From(Worker), _now);
            OnWhistle(events, Worker);
            Schedule(messages);
            Then(Urgent ? Hours(2) : Days(3), Urgent ? Hours(30) : Days(9), () => Reply(department));
        }

        private void Reply(string department)
        {
            var officer = Officer(department);
            var command = new ReplyToAssignment($"已到场处置：{_category.Name}问题已整改完毕。", [$"photo://{department}/{_whistle!.Id:N}.jpg"]);
            OnWhistle(ReplyToAssignmentEndpoint.Post(command, _whistle!, department, officer, _now).Item2, officer);
            if (_random.NextDouble() < 0.75)
            {
                var (wellFounded, cooperation) = (_random.Next(3, 6), _random.Next(3, 6));
                Then(Hours(1), Days(2), () =>
                {
                    if (_whistle!.Concluded) return;
                    OnWhistle(RateWhistlerEndpoint.Rate(new RateWhistler(wellFounded, cooperation), _whistle!, department, Actor.From(officer), _now).Item2, officer);
                });
            }
            if (_whistle!.Assignments.Where(a => a.Active).All(a => a.Status == AssignmentStatus.Replied)) Then(Hours(2), Hours(24), Conclude);
        }

        private void Conclude()
        {
            var ratings = _whistle!.Assignments.Where(a => a.Active).OrderBy(a => a.Department, StringComparer.Ordinal)
                .Select(a => new DepartmentRating(a.Department, _conduct[a.Department] switch
                {
                    Conduct.Prompt => _random.Next(4, 6),
                    Conduct.AsksExtension => 4,
                    _ => _random.Next(2, 4),
                }, null)).ToList();
            var by = Actor.From(Worker);
            var (_, events) = ConcludeWhistleEndpoint.Conclude(new ConcludeWhistle(ratings), _whistle, by, _now);
            OnWhistle(events, Worker);
            OnComplaint(WhistleOnComplaint.Concluded(_complaint, _whistle.Id, by, _now), Worker);
            Then(Hours(1), Days(1), Resolve);
        }

        private static ClaimsPrincipal Person(string id, string name, string role, string? community = null, string? subDistrict = null, string? department = null)
        {
            var claims = new List<Claim> { new(WhistleClaims.Subject, id), new(WhistleClaims.Role, role), new(WhistleClaims.County, "anlan"), new(WhistleClaims.Name, name) };
            if (community is not null) claims.Add(new(WhistleClaims.Community, community));
            if (subDistrict is not null) claims.Add(new(WhistleClaims.SubDistrict, subDistrict));
            if (department is not null) claims.Add(new(WhistleClaims.Department, department));
            return new ClaimsPrincipal(new ClaimsIdentity(claims, "bench", WhistleClaims.Subject, WhistleClaims.Role));
        }
    }

    private IReadOnlyList<SimCompound> Compounds => compounds;

    private readonly Dictionary<string, CatalogueEntry> _categories = (county.Catalogue?.Entries ?? DefaultCatalogue.Entries).ToDictionary(e => e.CategoryId);

    private CatalogueEntry Category(string id) => _categories[id];

    private readonly Dictionary<(string, int), long> _numbers = [];

    /// <summary>The next number of a series in the year, in the order the cases start (a case's later cases may come out of order).</summary>
    private long NextNumber(int year, string series = CaseNumbers.Complaints) => _numbers[(series, year)] = _numbers.GetValueOrDefault((series, year)) + 1;

    /// <summary>The last number drawn per series and year, for the county's counters.</summary>
    public IReadOnlyDictionary<(string Series, int Year), long> Numbers => _numbers;

    private readonly List<SimCompound> _served = [.. compounds.Where(c => c.PropertyCompany is not null)];

    /// <summary>
    /// One property-fee dispute's life, as the simulator plays it (FeeDisputeScripts): raised by the company with the
    /// owner's reasons; most referred to the mediation centre (consent of both sides, accepted, a mediator appointed, a
    /// session, then an agreement or a failure, whose outcome the dispute records), some after a formal demand. Left
    /// out: judicial confirmation, the credit referral, and the mediation case's own reminders and time limits.
    /// </summary>
    private sealed class FeeDisputeRun : CaseRun
    {
        private static readonly ClaimsPrincipal Clerk = Principal("u-clerk", "李受理", Roles.Clerk);
        private static readonly ClaimsPrincipal Mediator = Principal("u-mediator", "吴调解", Roles.Mediator, department: "mediation-centre");
        private readonly CountyYear _year;
        private readonly List<GeneratedEvent> _out;
        private readonly SimCompound _compound;
        private FeeDispute _dispute = null!;
        private MediationCase? _mediation;
        private int _owed;

        public FeeDisputeRun(CountyYear year, Random random, DateTimeOffset at, List<GeneratedEvent> output)
            : base(random, at)
        {
            (_year, _out) = (year, output);
            _compound = year._served[random.Next(year._served.Count)];
            At(at, Raise);
        }

        private DateOnly Today => DateOnly.FromDateTime(_now.ToOffset(Offset).DateTime);

        private void Record(Guid stream, Type type, long version, object e, ClaimsPrincipal by) =>
            _out.Add(new GeneratedEvent(stream, type, version, _now, e, by.FindFirstValue(WhistleClaims.Subject)!, by.FindFirstValue(WhistleClaims.Role)!, Guid.CreateVersion7(_now)));

        private void OnDispute(IEnumerable<object> events, ClaimsPrincipal by)
        {
            foreach (var e in events)
            {
                _dispute = _dispute.After([e]);
                Record(_dispute.Id, typeof(FeeDispute), _dispute.Version, e, by);
            }
        }

        private void OnMediation(IEnumerable<object> events, IEnumerable<object> messages, ClaimsPrincipal by)
        {
            foreach (var e in events)
            {
                _mediation = _mediation!.After([e]);
                Record(_mediation.Id, typeof(MediationCase), _mediation.Version, e, by);
            }
            // The outcome the dispute learns from its mediation, handled at once (a local message).
            foreach (var outcome in messages.OfType<MediationOutcomeReached>())
                OnDispute(MediationOutcomeReachedHandler.Handle(outcome, _dispute), by);
        }

        private void Raise()
        {
            var year = Today.Year - 1;
            var command = new RaiseFeeDispute(DisputeRaiser.Company, _compound.PropertyCompany, _compound.Code,
                $"{_random.Next(1, 30)}号楼{_random.Next(1, 4)}单元{_random.Next(1, 19)}0{_random.Next(1, 5)}",
                new OwnerInput("业主" + _random.Next(100, 999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "139" + _random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), _owed = _random.Next(6, 30) * 200);
            var id = Guid.CreateVersion7(_now);
            var number = CaseNumbers.Format(CaseNumbers.FeeDisputes, _now.Year, _year.NextNumber(_now.Year, CaseNumbers.FeeDisputes));
            var (_, start) = RaiseFeeDisputeEndpoint.Raise(command, _year._county.Compound(_compound.Code)!, id, number, Actor.From(Clerk), _now);
            var raised = (FeeDisputeRaised)start.Events.Single();
            _dispute = FeeDispute.Create(raised).AtVersion(1);
            Record(id, typeof(FeeDispute), 1, raised, Clerk);
            Then(Days(1), Days(3), Reasons);
        }

        private void Reasons()
        {
            OwnerReason[] reasons = _random.Next(3) switch { 0 => [OwnerReason.ServiceDefect], 1 => [OwnerReason.ServiceDefect, OwnerReason.Vacancy], _ => [OwnerReason.Price] };
            OnDispute(RecordOwnerReasonsEndpoint.Post(new RecordOwnerReasons(reasons, Statement: "业主认为物业服务不到位。"), _dispute, Clerk, _now).Item2, Clerk);
            switch (_random.Next(100))
            {
                case < 60: Then(Days(1), Days(5), Refer); break;
                case < 85: Then(Days(1), Days(5), Demand); break;
                default: break;
            }
        }

        private void Demand()
        {
            OnDispute(IssueDemandEndpoint.Post(new IssueDemand(_owed, Today.AddDays(15), Today), _dispute, Clerk, _now).Item2, Clerk);
            Then(Days(16), Days(20), Refer);
        }

        private void Refer()
        {
            var caseId = Guid.CreateVersion7(_now);
            var number = CaseNumbers.Format(CaseNumbers.MediationCases, _now.Year, _year.NextNumber(_now.Year, CaseNumbers.MediationCases));
            var company = new DisputeCompany(_year._companies.GetValueOrDefault(_dispute.PropertyCompanyCode));
            var (_, events, start) = ReferFeeDisputeToMediationEndpoint.Refer(new ReferFeeDisputeToMediation(), _dispute, company, caseId, number, Actor.From(Clerk), _now);
            OnDispute(events, Clerk);
            var opened = (MediationCaseOpened)start.Events.Single();
            _mediation = MediationCase.Create(opened).AtVersion(1);
            Record(caseId, typeof(MediationCase), 1, opened, Clerk);
            Then(Hours(2), Days(2), Consent);
        }

        private void Consent()
        {
            var by = Actor.From(Mediator);
            var (_, applicant, m1) = RecordConsentEndpoint.Decide(new RecordConsent(PartySide.Applicant, true), _mediation!, by, _now);
            OnMediation(applicant, m1, Mediator);
            var (_, respondent, m2) = RecordConsentEndpoint.Decide(new RecordConsent(PartySide.Respondent, true), _mediation!, by, _now);
            OnMediation(respondent, m2, Mediator);
            Then(Hours(2), Days(1), Accept);
        }

        private void Accept()
        {
            var by = Actor.From(Mediator);
            var (_, accepted, m) = AcceptMediationCaseEndpoint.Accept(_mediation!, _year._calendar, by, _now);
            OnMediation(accepted, m, Mediator);
            var (_, assigned) = AssignMediatorEndpoint.Assign(new AssignMediator("u-mediator", "模拟调解员", MediatorSelection.Appointed), _mediation!, by, _now);
            OnMediation(assigned, [], Mediator);
            Then(Days(2), Days(10), Session);
        }

        private void Session()
        {
            var held = RecordMediationSessionEndpoint.Hold(new RecordMediationSession(_now, ["业主", "物业公司代表"], "双方陈述意见，调解员释明相关规定。"),
                _mediation!, Guid.CreateVersion7(_now), Actor.From(Mediator), _now);
            OnMediation([held], [], Mediator);
            if (_random.Next(100) < 70) Then(Hours(2), Days(2), Agree);
            else Then(Days(3), Days(12), Fail);
        }

        private void Agree()
        {
            var (_, events, m) = SignAgreementEndpoint.Sign(new SignAgreement("业主欠缴上年度物业费。", "物业减免部分费用；业主分期缴纳其余费用。", "转账至物业公司账户", Today.AddDays(60)),
                _mediation!, _year._calendar, Actor.From(Mediator), _now);
            OnMediation(events, m, Mediator);
        }

        private void Fail()
        {
            var (_, events, m) = RecordMediationFailureEndpoint.Fail(new RecordMediationFailure("双方无法达成一致。"), _mediation!, Actor.From(Mediator), _now);
            OnMediation(events, m, Mediator);
        }
    }

    private static ClaimsPrincipal Principal(string id, string name, string role, string? community = null, string? subDistrict = null, string? department = null)
    {
        var claims = new List<Claim> { new(WhistleClaims.Subject, id), new(WhistleClaims.Role, role), new(WhistleClaims.County, "anlan"), new(WhistleClaims.Name, name) };
        if (community is not null) claims.Add(new(WhistleClaims.Community, community));
        if (subDistrict is not null) claims.Add(new(WhistleClaims.SubDistrict, subDistrict));
        if (department is not null) claims.Add(new(WhistleClaims.Department, department));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "bench", WhistleClaims.Subject, WhistleClaims.Role));
    }
}

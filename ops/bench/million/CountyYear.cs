using System.Security.Claims;
using Whistle.Complaints;
using Whistle.County;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;
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
public sealed class CountyYear(CountyReference county, IReadOnlySet<string> staffed, IReadOnlyList<SimCompound> compounds, int seed)
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);
    public static readonly DateTimeOffset Start = new(2025, 12, 1, 0, 0, 0, Offset);
    public static readonly DateTimeOffset End = new(2026, 12, 1, 0, 0, 0, Offset);

    private readonly CountyReference _county = county;
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
            progress?.Invoke(d + 1, events.Count);
        }
        return events;
    }

    /// <summary>One complaint's life, and its whistle's.</summary>
    private sealed class ComplaintRun
    {
        private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"];
        private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明"];

        private readonly CountyYear _year;
        private readonly Random _random;
        private readonly int _number;
        private readonly List<GeneratedEvent> _out;
        private readonly PriorityQueue<Action, (DateTimeOffset, long)> _agenda = new();
        private readonly SimCompound _compound;
        private readonly CatalogueEntry _category;
        private readonly ComplaintChannel _channel;
        private readonly Fate _fate;
        private readonly Dictionary<string, Conduct> _conduct = [];
        private long _order;
        private DateTimeOffset _now;
        private Complaint _complaint = null!;
        private WhistleModel? _whistle;
        private bool _reopened;

        public ComplaintRun(CountyYear year, Random random, int number, DateTimeOffset at, List<GeneratedEvent> output)
        {
            (_year, _random, _number, _out, _now) = (year, random, number, output, at);
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

        public void Play()
        {
            while (_agenda.TryDequeue(out var act, out var when))
            {
                if (when.Item1 >= End) break;
                _now = when.Item1;
                act();
            }
        }

        private void At(DateTimeOffset at, Action act) => _agenda.Enqueue(act, (at, _order++));
        private void Then(TimeSpan least, TimeSpan most, Action act) => At(_now + _random.Between(least, most), act);
        private static TimeSpan Minutes(int n) => TimeSpan.FromMinutes(n);
        private static TimeSpan Hours(int n) => TimeSpan.FromHours(n);
        private static TimeSpan Days(int n) => TimeSpan.FromDays(n);

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
            switch (_conduct[department])
            {
                case Conduct.LateReply:
                    Then(Urgent ? Hours(26) : Days(12), Urgent ? Hours(48) : Days(16), () => Reply(department));
                    break;
                case Conduct.AsksExtension:
                    Then(Urgent ? Hours(2) : Days(2), Urgent ? Hours(6) : Days(4), () => AskExtension(department));
                    break;
                default:
                    Then(Urgent ? Hours(1) : Days(1), Urgent ? Hours(20) : Days(5), () => Reply(department));
                    break;
            }
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

    private readonly Dictionary<int, long> _numbers = [];

    /// <summary>The next complaint number of the year, in lodging order (the cases are played in lodging order).</summary>
    private long NextNumber(int year) => _numbers[year] = _numbers.GetValueOrDefault(year) + 1;

    /// <summary>The last number drawn per year, for the county's counter.</summary>
    public IReadOnlyDictionary<int, long> Numbers => _numbers;
}

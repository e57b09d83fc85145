using Shouldly;
using Whistle.Complaints;
using Whistle.Privacy;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;

namespace Whistle.UnitTests.Privacy;

/// <summary>When a complaint's personal data may be erased: Given the complaint / When ErasePersonalData / Then refused or the erasure.</summary>
public class ErasePersonalDataTests
{
    private static readonly DateTimeOffset LastStep = new(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Subject = Guid.Parse("01a24819-3e03-7b5a-afaa-2c2765f154e3");
    private static readonly ErasePersonalData ByRequest = new(ErasureBasis.Request, "个人信息删除申请 2026-017 号");
    private static readonly ErasePersonalData ByRetention = new(ErasureBasis.RetentionElapsed, "保存期限三年届满");

    private static ErasureCase Case(ComplaintStatus status, IReadOnlyList<Guid>? subjects = null, IReadOnlyList<Guid>? held = null) =>
        new(Id, "complaint", "TS-2026-000012", ComplaintThatIs(status).IsFinal, subjects ?? [Subject], held ?? subjects ?? [Subject], LastStep);

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Check(ErasePersonalData command, ErasureCase? erasure, DateTimeOffset now) =>
        PersonalDataErasing.Check(command, erasure, ComplaintRules.NotFound(Id), retentionYears: 3, now);

    [Fact]
    public void a_closed_complaint_s_data_is_erased_on_request_at_once() =>
        Check(ByRequest, Case(ComplaintStatus.Closed), LastStep.AddDays(1)).ShouldBeNoProblem();

    [Fact]
    public void an_open_complaint_s_data_is_kept() =>
        Check(ByRequest, Case(ComplaintStatus.Accepted), LastStep.AddYears(5)).ShouldBeConflict("is still open");

    [Fact]
    public void for_its_retention_the_data_is_kept_three_years_after_the_last_step_to_the_day()
    {
        Check(ByRetention, Case(ComplaintStatus.Withdrawn), LastStep.AddYears(3).AddSeconds(-1)).ShouldBeConflict("Its retention period runs until 2029-03-01");
        Check(ByRetention, Case(ComplaintStatus.Withdrawn), LastStep.AddYears(3)).ShouldBeNoProblem();
    }

    [Fact]
    public void data_from_before_sealing_or_already_erased_cannot_be_erased_by_a_key()
    {
        Check(ByRequest, Case(ComplaintStatus.Closed, subjects: []), LastStep.AddDays(1)).ShouldBeConflict("recorded before sealing");
        Check(ByRequest, Case(ComplaintStatus.Closed, held: []), LastStep.AddDays(1)).ShouldBeConflict("already erased");
    }

    [Fact]
    public void a_missing_basis_or_reference_is_400_naming_it_and_a_missing_case_404()
    {
        Check(new ErasePersonalData(null, " "), Case(ComplaintStatus.Closed), LastStep).ShouldRejectFields("basis", "reference");
        Check(ByRequest, null, LastStep).ShouldBeNotFound();
    }

    [Fact]
    public void the_erasure_records_the_subjects_whose_keys_go_and_names_no_one()
    {
        var erasureId = Guid.Parse("01a24819-3e03-7b5a-afaa-2c2765f15400");
        var complaint = Case(ComplaintStatus.Closed);

        var (answer, stream) = PersonalDataErasing.Erase(ByRequest, complaint, erasureId, Users.ClerkActor, LastStep);

        answer.ShouldBe(new PersonalDataErasure(erasureId, Id, "TS-2026-000012", 1, ErasureBasis.Request, LastStep));
        var erased = stream.Events.ShouldHaveSingleItem().ShouldBeOfType<PersonalDataErased>();
        (erased.Subjects.Single(), erased.CaseKind, erased.Reference).ShouldBe((Subject, "complaint", "个人信息删除申请 2026-017 号"));
    }
}

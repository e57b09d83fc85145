using System.Globalization;
using Shouldly;
using Whistle.Complaints;
using Xunit;
using static Whistle.UnitTests.Complaints.ComplaintHistory;
using static Whistle.UnitTests.EventSpecification;

namespace Whistle.UnitTests.Complaints;

public class AddComplaintNoteTests
{
    [Fact]
    public void adding_a_note_appends_it_with_an_id_drawn_from_the_business_time()
    {
        var complaint = Given<Complaint>(Lodged(), Accepted());
        var command = new AddComplaintNote("  已约谈业主，限期三天自行拆除。 ", NoteVisibility.Public);

        AddComplaintNoteEndpoint.Validate(command, complaint, Users.Clerk).ShouldBeNoProblem();
        var (_, events) = AddComplaintNoteEndpoint.Post(command, complaint, Users.Clerk, Now);

        var added = events.ShouldHaveSingleItem().ShouldBeOfType<ComplaintNoteAdded>();
        added.ShouldBe(new ComplaintNoteAdded(
            Id, added.NoteId, NoteVisibility.Public, "已约谈业主，限期三天自行拆除。", Users.ClerkActor, Now));
        added.NoteId.Version.ShouldBe(7);
        added.NoteId.ToString("N")[..12].ShouldBe(Now.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void a_note_needs_text_and_a_visibility() =>
        AddComplaintNoteEndpoint.Validate(new AddComplaintNote(" ", null), Given<Complaint>(Lodged()), Users.Clerk)
            .ShouldRejectFields("text", "visibility");

    [Fact]
    public void an_undefined_visibility_is_a_bad_request() =>
        AddComplaintNoteEndpoint.Validate(new AddComplaintNote("备注", (NoteVisibility)9), Given<Complaint>(Lodged()), Users.Clerk)
            .ShouldRejectFields("visibility");

    [Fact]
    public void a_note_over_2000_characters_is_a_bad_request() =>
        AddComplaintNoteEndpoint.Validate(
                new AddComplaintNote(new string('记', 2001), NoteVisibility.Internal), Given<Complaint>(Lodged()), Users.Clerk)
            .ShouldRejectFields("text");

    [Theory]
    [InlineData(ComplaintStatus.Lodged)]
    [InlineData(ComplaintStatus.Accepted)]
    [InlineData(ComplaintStatus.Resolved)]
    [InlineData(ComplaintStatus.FollowedUp)]
    public void notes_may_be_added_while_a_complaint_is_open(ComplaintStatus status) =>
        AddComplaintNoteEndpoint.Validate(new AddComplaintNote("备注", NoteVisibility.Internal), ComplaintThatIs(status), Users.Clerk)
            .ShouldBeNoProblem();

    [Theory]
    [InlineData(ComplaintStatus.Declined)]
    [InlineData(ComplaintStatus.Closed)]
    [InlineData(ComplaintStatus.Withdrawn)]
    [InlineData(ComplaintStatus.Duplicate)]
    public void annotating_a_finished_complaint_is_a_conflict(ComplaintStatus status) =>
        AddComplaintNoteEndpoint.Validate(new AddComplaintNote("备注", NoteVisibility.Internal), ComplaintThatIs(status), Users.Clerk)
            .ShouldBeConflict($"is {status}; it cannot be annotated.");

    [Fact]
    public void a_sub_district_worker_may_annotate_complaints_of_their_sub_district() =>
        AddComplaintNoteEndpoint.Validate(
                new AddComplaintNote("街道已督办。", NoteVisibility.Internal), Given<Complaint>(Lodged()),
                Users.SubDistrictWorker(SubDistrictId))
            .ShouldBeNoProblem();

    [Fact]
    public void a_complaint_of_another_sub_district_does_not_exist_for_a_sub_district_worker() =>
        AddComplaintNoteEndpoint.Validate(
                new AddComplaintNote("街道已督办。", NoteVisibility.Internal), Given<Complaint>(Lodged()),
                Users.SubDistrictWorker(OtherSubDistrictId))
            .ShouldBeNotFound();

    [Fact]
    public void annotating_with_a_stale_expected_version_is_a_conflict() =>
        AddComplaintNoteEndpoint.Validate(
                new AddComplaintNote("备注", NoteVisibility.Internal, ExpectedVersion: 1),
                Given<Complaint>(Lodged(), Accepted(), NoteAdded()), Users.Clerk)
            .ShouldBeStaleVersion(expected: 1, current: 3);
}

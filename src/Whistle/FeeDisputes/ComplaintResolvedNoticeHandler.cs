using Whistle.Complaints;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

/// <summary>
/// A complaint this dispute gives as a service defect was resolved: the dispute records that the reason may be gone,
/// so the mediator and the company see it.
/// </summary>
public static class ComplaintResolvedNoticeHandler
{
    public static Events Handle(
        ComplaintResolvedNotice notice, [WriteAggregate(nameof(ComplaintResolvedNotice.CitingCaseId))] FeeDispute dispute) =>
        !dispute.IsClosed && dispute.DefectComplaints.Contains(notice.ComplaintId)
            ? [new DefectComplaintResolved(dispute.Id, notice.ComplaintId, notice.Number, notice.By, notice.At)]
            : [];
}

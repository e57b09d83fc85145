using Marten;
using Whistle.Complaints;

namespace Whistle.FeeDisputes;

/// <summary>
/// A complaint was resolved: every open dispute that gives it as a service defect records that the reason may be gone,
/// so the mediator and the company see it.
/// </summary>
public static class ComplaintResolvedNoticeHandler
{
    public static async Task Handle(ComplaintResolvedNotice notice, IDocumentSession session, CancellationToken ct)
    {
        var disputes = await session.Query<FeeDisputeDetails>()
            .Where(d => d.DefectComplaints.Contains(notice.ComplaintId))
            .Select(d => d.Id)
            .ToListAsync(ct);
        foreach (var id in disputes)
        {
            var stream = await session.Events.FetchForWriting<FeeDispute>(id, ct);
            if (stream.Aggregate is { IsClosed: false } dispute && dispute.DefectComplaints.Contains(notice.ComplaintId))
                stream.AppendOne(new DefectComplaintResolved(id, notice.ComplaintId, notice.Number, notice.By, notice.At));
        }
    }
}

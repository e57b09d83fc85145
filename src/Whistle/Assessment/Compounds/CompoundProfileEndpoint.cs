using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Assessment.Credit;
using Whistle.Complaints;
using Whistle.County.Directory;
using Whistle.FeeDisputes;
using Whistle.Kernel;
using Wolverine.Http;

namespace Whistle.Assessment.Compounds;

public static class CompoundProfileEndpoint
{
    public static Task<Compound?> LoadAsync(string code, IQuerySession session, CancellationToken ct) =>
        code.Length is > 0 and <= 64 ? session.LoadAsync<Compound>(DirectoryIds.Compound(code), ct) : Task.FromResult<Compound?>(null);

    /// <summary>A compound outside the user's area does not exist for them, as its complaints do not.</summary>
    public static ProblemDetails Validate(string code, Compound? compound, ClaimsPrincipal user) =>
        compound is null || !Scope.Of(user).Sees(CaseKind.Complaint, new CaseArea(compound.Info.CommunityCode, compound.Info.SubDistrictCode))
            ? Problems.NotFound($"没有编号为 {code} 的小区。", $"No compound coded {code}.")
            : Problems.None;

    [EndpointSummary("小区档案 A compound's profile")]
    [EndpointDescription("小区档案：名录信息、物业企业、业委会与该小区的投诉概况。A compound's profile: its directory entry, property company, owners' committee and its complaints at a glance.")]
    [WolverineGet("/api/assessment/compounds/{code}", OperationId = "GetCompoundProfile")]
    [Authorize(Roles = Scope.CompoundProfileReaders)]
    public static async Task<CompoundProfile> Get(
        Compound compound, CompoundProfileSettings settings, DateTimeOffset now, IQuerySession session, CancellationToken ct)
    {
        var code = compound.Code;
        var complaints = await session.Query<ComplaintDetails>().Where(x => x.CompoundId == code)
            .Select(x => new { x.CategoryId, x.Status }).ToListAsync(ct);
        var disputes = await session.Query<FeeDisputeDetails>().Where(x => x.CompoundCode == code)
            .Select(x => new { x.Stage, x.Outstanding }).ToListAsync(ct);

        ServingCompany? company = null;
        if (compound.Info.PropertyCompanyCode is { } companyCode)
        {
            var entry = await session.LoadAsync<PropertyCompany>(DirectoryIds.PropertyCompany(companyCode), ct);
            // The credit part: the company's score and grade from the figures of the cases that scored.
            var scored = await session.Query<CompanyCreditCase>().Where(c => c.Company == companyCode && c.Answerable && c.Figures.Entries > 0)
                .Select(c => c.Figures).ToListAsync(ct);
            var credit = entry is null && scored.Count == 0 ? null : CreditLedger.Summarize(companyCode, entry?.Info, scored);
            company = new ServingCompany(companyCode, entry?.Info.Name ?? companyCode, entry?.Info.LegalRepresentative,
                credit?.Score, credit?.Grade.ToString());
        }

        var committee = compound.Info.OwnersCommittee;
        var today = DateOnly.FromDateTime(CountyTime.Local(now).DateTime);
        return new CompoundProfile(
            code, compound.Info.Name, compound.Info.CommunityCode, compound.Info.SubDistrictCode, compound.Info.Households,
            compound.Info.Stage, company,
            new CommitteeView(committee.Formed, committee.TermStartsOn, committee.TermEndsOn, committee.LastActivityOn,
                CompoundProfile.IsDormant(committee, today, settings.DormantCommitteeMonths), settings.DormantCommitteeMonths),
            complaints.Count,
            CompoundProfile.ByCategory(complaints.Select(c => (c.CategoryId, c.Status))),
            CompoundProfile.Disputes(disputes.Select(d => (d.Stage, d.Outstanding))));
    }
}

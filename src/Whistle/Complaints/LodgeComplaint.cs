using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County;
using Whistle.County.Catalogue;
using Whistle.County.Deadlines;
using Whistle.County.Directory;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.Complaints;

[OptionalFields("address")]
public sealed record ComplainantInput(string? Name, string? Phone, string? Address);

/// <summary>
/// Registers a resident's complaint (登记). <see cref="Urgency"/> grades it for its time limits (紧急、一般、复杂);
/// absent, it is ordinary.
/// </summary>
[ExampleBody("""{"channel": "Hotline", "categoryId": "illegal-parking", "compoundId": "CP010101", "complainant": {"name": "张三", "phone": "13812345678", "address": "东关花园3号楼2单元"}, "description": "消防通道长期被私家车占用，救护车进不来。"}""")]
public sealed record LodgeComplaint(
    ComplaintChannel? Channel,
    string? CategoryId,
    string? CompoundId,
    ComplainantInput? Complainant,
    string? Description,
    ComplaintUrgency? Urgency = null);

/// <summary>201 body: the new complaint's id and readable number; Location points at its details.</summary>
public sealed record LodgedComplaint(Guid Id, string Number) : CreationResponse($"/api/complaints/{Id}");

public static class LodgeComplaintEndpoint
{
    /// <summary>The compound, the category and the time limits, from the county's reference data in memory.</summary>
    public static async Task<(Compound?, CatalogueEntry?, ComplaintTiming)> LoadAsync(
        LodgeComplaint command, IQuerySession session, CountyReferenceCache reference, CancellationToken ct)
    {
        var county = await reference.CurrentAsync(session, ct);
        var compound = command.CompoundId is { Length: > 0 and <= 64 } compoundId ? county.Compound(compoundId) : null;
        var category = command.CategoryId is { Length: > 0 and <= 64 } categoryId ? county.Catalogue?.Find(categoryId) : null;
        return (compound, category, ComplaintTiming.From(county));
    }

    public static ProblemDetails Validate(
        LodgeComplaint command, Compound? compound, CatalogueEntry? category, ClaimsPrincipal user)
    {
        var errors = new FieldErrors()
            .Defined("channel", command.Channel)
            .Text("categoryId", command.CategoryId, 64)
            .Text("compoundId", command.CompoundId, 64)
            .Text("description", command.Description, 2000)
            .When(command.Urgency is { } urgency && !Enum.IsDefined(urgency), "urgency",
                "应为 Emergency、Ordinary 或 Complex。Emergency, Ordinary or Complex.");
        if (command.Complainant is null) errors.Add("complainant", "必填。Required.");
        else
        {
            errors.Text("complainant.name", command.Complainant.Name, 50)
                .Text("complainant.phone", command.Complainant.Phone, 30)
                .Text("complainant.address", command.Complainant.Address, 200, required: false)
                .When(command.Complainant.Phone is { } phone && !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' '),
                    "complainant.phone", "电话号码只能包含数字、空格、+ 和 -。Digits, spaces, + and - only.");
        }
        if (!string.IsNullOrWhiteSpace(command.CompoundId) && compound is null)
            errors.Add("compoundId", $"本县没有编号为 {command.CompoundId} 的小区。No such compound in this county.");
        if (!string.IsNullOrWhiteSpace(command.CategoryId) && category is null)
            errors.Add("categoryId", $"没有编号为 {command.CategoryId} 的投诉类别。No such complaint category.");
        if (errors.Any) return errors.ToProblem();

        return Scope.Of(user).MayHandle(CaseKind.Complaint, new CaseArea(compound!.Info.CommunityCode, compound.Info.SubDistrictCode))
            ? Problems.None
            : Problems.Forbidden(
                $"小区 {compound.Info.Name} 不在您的辖区，不能为其登记投诉。",
                "The compound is outside your area; you cannot lodge complaints for it.");
    }

    [EndpointSummary("登记投诉 Lodge a complaint")]
    [WolverinePost("/api/complaints", OperationId = nameof(LodgeComplaint))]
    [Authorize(Roles = Scope.ComplaintHandlers)]
    public static async Task<(LodgedComplaint, IStartStream, OutgoingMessages)> Post(
        LodgeComplaint command, Compound compound, ComplaintTiming timing, ClaimsPrincipal user, DateTimeOffset now,
        IDocumentSession session, PersonalDataVault vault, CancellationToken ct)
    {
        var (id, number) = await CaseNumbers.DrawAsync(session, CaseNumbers.Complaints, now, ct);
        var sealer = vault.SealerFor(session);
        return Lodge(command, compound, timing, id, number, Actor.From(user), now, c => c.SealedBy(sealer));
    }

    /// <summary>
    /// The decision, once the number is drawn: the complaint, with the time limit to accept it (受理) running from now,
    /// and that limit's reminder and deadline. The complainant's data is recorded as <paramref name="seal"/> gives it
    /// back: sealed under a key of their own (the endpoint's), as written when none is given.
    /// </summary>
    public static (LodgedComplaint, IStartStream, OutgoingMessages) Lodge(
        LodgeComplaint command, Compound compound, ComplaintTiming timing, Guid id, string number, Actor by, DateTimeOffset now,
        Func<Complainant, Complainant>? seal = null)
    {
        var complainant = command.Complainant!;
        var urgency = command.Urgency ?? ComplaintUrgency.Ordinary;
        var due = timing.Due(ComplaintStep.Accept, urgency, command.CategoryId!, now);
        var lodged = new ComplaintLodged(
            id, number, command.Channel!.Value, command.CategoryId!, compound.Code, compound.Info.CommunityCode,
            compound.Info.SubDistrictCode,
            (seal ?? (c => c))(new Complainant(complainant.Name!.Trim(), complainant.Phone!.Trim(), complainant.Address?.Trim())),
            command.Description!.Trim(), by, now, urgency, due, compound.Info.PropertyCompanyCode);
        return (new LodgedComplaint(id, number), MartenOps.StartStream<Complaint>(id, lodged), ComplaintDeadlines.Schedule(id, due));
    }
}

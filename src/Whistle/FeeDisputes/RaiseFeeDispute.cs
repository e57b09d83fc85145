using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.County.Directory;
using Whistle.Kernel;
using Whistle.Privacy.Sealing;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.FeeDisputes;

public sealed record OwnerInput(string? Name, string? Phone);

/// <summary>Raises a fee dispute over a unit: by the property company (arrears) or by the owner (the charges).</summary>
[ExampleBody("""{"raisedBy": "Company", "propertyCompanyCode": "PC45", "compoundCode": "CP010101", "unit": "3号楼2单元501", "owner": {"name": "赵五", "phone": "13700001234"}, "periodFrom": "2025-01-01", "periodTo": "2025-12-31", "amountOwed": 2400}""")]
public sealed record RaiseFeeDispute(
    DisputeRaiser? RaisedBy, string? PropertyCompanyCode, string? CompoundCode, string? Unit, OwnerInput? Owner,
    DateOnly? PeriodFrom, DateOnly? PeriodTo, decimal? AmountOwed);

public sealed record FeeDisputeRaisedResponse(Guid Id, string Number) : CreationResponse($"/api/fee-disputes/{Id}");

public sealed record DisputeParties(Compound? Compound, PropertyCompany? Company);

public static class RaiseFeeDisputeEndpoint
{
    public const decimal MaxAmount = 10_000_000m;

    public static async Task<DisputeParties> LoadAsync(RaiseFeeDispute command, IQuerySession session, CancellationToken ct) =>
        new(command.CompoundCode?.Trim() is { Length: > 0 and <= 32 } compound ? await session.LoadAsync<Compound>(DirectoryIds.Compound(compound), ct) : null,
            command.PropertyCompanyCode?.Trim() is { Length: > 0 and <= 32 } company ? await session.LoadAsync<PropertyCompany>(DirectoryIds.PropertyCompany(company), ct) : null);

    public static ProblemDetails Validate(RaiseFeeDispute command, DisputeParties parties, ClaimsPrincipal user)
    {
        var errors = new FieldErrors()
            .Defined("raisedBy", command.RaisedBy)
            .Text("propertyCompanyCode", command.PropertyCompanyCode, 32)
            .Text("compoundCode", command.CompoundCode, 32)
            .Text("unit", command.Unit, 50)
            .Money("amountOwed", command.AmountOwed, MaxAmount)
            .When(command.PeriodFrom is null, "periodFrom", "必填。Required.")
            .When(command.PeriodTo is null, "periodTo", "必填。Required.")
            .When(command.PeriodFrom > command.PeriodTo, "periodTo", "结束早于开始。The period ends before it starts.");
        if (command.Owner is null) errors.Add("owner", "必填。Required.");
        else errors.Text("owner.name", command.Owner.Name, 50).Text("owner.phone", command.Owner.Phone, 30);
        if (!string.IsNullOrWhiteSpace(command.CompoundCode) && parties.Compound is null)
            errors.Add("compoundCode", $"没有编码为 {command.CompoundCode} 的小区。No such compound.");
        if (!string.IsNullOrWhiteSpace(command.PropertyCompanyCode) && parties.Company is null)
            errors.Add("propertyCompanyCode", $"没有编码为 {command.PropertyCompanyCode} 的物业服务企业。No such company.");
        else if (parties is { Compound: { } compound, Company: { } company } && compound.Info.PropertyCompanyCode != company.Code)
            errors.Add("propertyCompanyCode", compound.Info.PropertyCompanyCode is { } serving
                ? $"{company.Code} 不为小区 {compound.Code} 提供物业服务（目录登记为 {serving}）。{company.Code} does not serve compound {compound.Code}; the directory names {serving}."
                : $"小区 {compound.Code} 在目录中没有物业服务企业，{company.Code} 不为其服务。Compound {compound.Code} has no property company in the directory; {company.Code} does not serve it.");
        if (errors.Any) return errors.ToProblem();
        return Scope.Of(user).MayHandle(CaseKind.FeeDispute, new CaseArea(parties.Compound!.Info.CommunityCode, parties.Compound.Info.SubDistrictCode))
            ? Problems.None
            : Problems.Forbidden("该小区不在您的辖区。", "The compound is outside your area.");
    }

    [EndpointSummary("登记物业费纠纷 Raise a fee dispute")]
    [WolverinePost("/api/fee-disputes", OperationId = nameof(RaiseFeeDispute))]
    [Authorize(Roles = Scope.FeeDisputeHandlers)]
    public static async Task<(FeeDisputeRaisedResponse, IStartStream)> Post(
        RaiseFeeDispute command, DisputeParties parties, ClaimsPrincipal user, DateTimeOffset now,
        IDocumentSession session, PersonalDataVault vault, CancellationToken ct)
    {
        var (id, number) = await CaseNumbers.DrawAsync(session, CaseNumbers.FeeDisputes, now, ct);
        // The owner is a data subject of their own: name and phone sealed under the owner's key (crypto-shredding).
        var (sealer, owner) = (vault.SealerFor(session), PersonalDataVault.Sealer.NewSubject());
        var sealedOwner = new OwnerInput(sealer.Seal(owner, command.Owner!.Name!.Trim()), sealer.Seal(owner, command.Owner.Phone!.Trim()));
        return Raise(command with { Owner = sealedOwner }, parties.Compound!, id, number, Actor.From(user), now);
    }

    public static (FeeDisputeRaisedResponse, IStartStream) Raise(
        RaiseFeeDispute command, Compound compound, Guid id, string number, Actor by, DateTimeOffset now) =>
        (new FeeDisputeRaisedResponse(id, number),
         MartenOps.StartStream<FeeDispute>(id, new FeeDisputeRaised(
             id, number, command.RaisedBy!.Value, command.PropertyCompanyCode!.Trim(), compound.Code, compound.Info.CommunityCode,
             compound.Info.SubDistrictCode, command.Unit!.Trim(), command.Owner!.Name!.Trim(), command.Owner.Phone!.Trim(),
             new BillingPeriod(command.PeriodFrom!.Value, command.PeriodTo!.Value), command.AmountOwed!.Value, by, now,
             compound.Info.Name)));
}

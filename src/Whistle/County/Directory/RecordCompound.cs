using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Whistle.Kernel;
using Wolverine.Http;
using Wolverine.Marten;

namespace Whistle.County.Directory;

public sealed record OwnersCommitteeInput(bool? Formed, DateOnly? TermStartsOn, DateOnly? TermEndsOn, DateOnly? LastActivityOn);

/// <summary>
/// Registers a compound under a community, or revises it: its property-service company (none when it manages
/// itself), its owners' committee, whether it is delivered or still under construction.
/// </summary>
[ExampleBody("""{"name": "东关花园", "communityCode": "CM0101", "address": "迎宾大道389号", "households": 1160, "stage": "Delivered", "propertyCompanyCode": "PC45", "ownersCommittee": {"formed": true, "termStartsOn": "2022-05-26", "termEndsOn": "2027-05-25", "lastActivityOn": "2022-07-12"}}""")]
public sealed record RecordCompound(
    string? Name, string? CommunityCode, string? Address, int? Households, CompoundStage? Stage,
    string? PropertyCompanyCode, OwnersCommitteeInput? OwnersCommittee);

/// <summary>What recording a compound reads besides the compound itself: the community and company it names.</summary>
public sealed record CompoundRecording(Community? Community, PropertyCompany? Company);

public static class RecordCompoundEndpoint
{
    public static async Task<CompoundRecording> LoadAsync(
        RecordCompound command, IQuerySession session, CancellationToken ct) =>
        new(command.CommunityCode is { Length: > 0 } community ? await session.LoadAsync<Community>(DirectoryIds.Community(community), ct) : null,
            command.PropertyCompanyCode?.Trim() is { Length: > 0 } company ? await session.LoadAsync<PropertyCompany>(DirectoryIds.PropertyCompany(company), ct) : null);

    public static ProblemDetails Validate(string code, RecordCompound command, CompoundRecording recording)
    {
        var (community, company) = (recording.Community, recording.Company);
        var committee = command.OwnersCommittee;
        var errors = new FieldErrors().CheckCode(code)
            .Text("name", command.Name, 100)
            .Text("communityCode", command.CommunityCode, 32)
            .Text("address", command.Address, 200)
            .When(command.Households is null or < 0 or > 100_000, "households", "户数应为 0 到 100000。0 to 100000.")
            .Defined("stage", command.Stage)
            .When(committee is null || committee.Formed is null, "ownersCommittee.formed", "必填。Required.")
            .When(committee is { Formed: false } && (committee.TermStartsOn ?? committee.TermEndsOn) is not null,
                "ownersCommittee", "未成立的业委会没有任期。A committee not formed has no term.")
            .When(committee is { Formed: true } && (committee.TermStartsOn is null || committee.TermEndsOn is null),
                "ownersCommittee", "已成立的业委会须填写任期起止日期。A formed committee needs its term's start and end.")
            .When(committee is { TermStartsOn: { } start, TermEndsOn: { } end } && end <= start,
                "ownersCommittee.termEndsOn", "任期结束应晚于开始。The term must end after it starts.")
            .When(command.Stage == CompoundStage.UnderConstruction && committee is { Formed: true },
                "ownersCommittee", "在建小区尚不能成立业委会。A compound under construction has no owners' committee yet.");
        if (errors.Any) return errors.ToProblem();
        if (community is null) return DirectoryRecording.UnknownCode("communityCode", "社区", command.CommunityCode!);
        return command.PropertyCompanyCode?.Trim() is { Length: > 0 } && company is null
            ? DirectoryRecording.UnknownCode("propertyCompanyCode", "物业服务企业", command.PropertyCompanyCode)
            : Problems.None;
    }

    public static Guid StreamId(string code) => Compound.Kind.Id(code);

    [EndpointSummary("登记小区 Record a compound")]
    [WolverinePut("/api/directory/compounds/{code}", OperationId = nameof(RecordCompound))]
    [Authorize(Roles = DirectoryRecording.Maintainers)]
    public static (DirectoryRecorded, Events) Put(
        string code, RecordCompound command, CompoundRecording recording,
        [WriteAggregate(Required = false, FromMethod = nameof(StreamId))] Compound? compound, ClaimsPrincipal user, DateTimeOffset now)
    {
        var community = recording.Community!;
        var committee = command.OwnersCommittee!;
        var info = new CompoundInfo(
            command.Name!.Trim(), community.Code, community.Info.SubDistrictCode, command.Address!.Trim(),
            command.Households!.Value, command.Stage!.Value,
            string.IsNullOrWhiteSpace(command.PropertyCompanyCode) ? null : command.PropertyCompanyCode.Trim(),
            new OwnersCommittee(committee.Formed!.Value, committee.TermStartsOn, committee.TermEndsOn, committee.LastActivityOn));
        return Compound.Kind.Record(code, info, compound, Actor.From(user), now);
    }
}

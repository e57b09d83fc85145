namespace Whistle.Mediation;

/// <summary>The write model of a mediation case: only what its decisions read.</summary>
public sealed class MediationCase
{
    public Guid Id { get; set; }
    public long Version { get; set; }
    public string Number { get; set; } = "";
    public ReferralSource Source { get; set; }
    public Guid? SourceCaseId { get; set; }
    public string? PropertyCompanyCode { get; set; }

    public static MediationCase Create(MediationCaseOpened e) => new()
    {
        Id = e.MediationCaseId,
        Number = e.Number,
        Source = e.Source,
        SourceCaseId = e.SourceCaseId,
        PropertyCompanyCode = e.PropertyCompanyCode,
    };
}

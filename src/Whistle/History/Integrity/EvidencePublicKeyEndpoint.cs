using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Whistle.History.Integrity;

public static class EvidencePublicKeyEndpoint
{
    /// <summary>The public key evidence files are signed with (PEM), for anyone who checks one: anonymous.</summary>
    [EndpointSummary("证据签名公钥 The evidence signing key")]
    [WolverineGet("/api/history/evidence/public-key", OperationId = "GetEvidencePublicKey")]
    [AllowAnonymous]
    public static IResult Get(EvidenceSigner signer, HttpResponse response)
    {
        response.Headers["X-Key-Id"] = signer.KeyId;
        return Results.Text(signer.PublicKeyPem, "application/x-pem-file");
    }
}

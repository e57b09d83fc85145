using Marten;

namespace Whistle.FeeDisputes;

public static class FeeDisputesSetup
{
    public static void Configure(StoreOptions opts)
    {
    }
}

using Marten;

namespace Whistle.Directory;

public static class DirectorySetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Schema.For<Compound>().Index(x => x.CommunityId);
        opts.Schema.For<ComplaintCategory>();
    }
}

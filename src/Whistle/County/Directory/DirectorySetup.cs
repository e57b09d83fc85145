using JasperFx.Events.Projections;
using Marten;

namespace Whistle.County.Directory;

public static class DirectorySetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Projections.Snapshot<SubDistrict>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Community>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Compound>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<PropertyCompany>(SnapshotLifecycle.Inline);
        opts.Projections.Snapshot<Department>(SnapshotLifecycle.Inline);
        opts.Schema.For<Compound>()
            .Index(x => x.Code)
            .Index(x => x.Info.CommunityCode)
            .Index(x => x.Info.PropertyCompanyCode!);
        opts.Schema.For<Community>().Index(x => x.Info.SubDistrictCode);
    }
}

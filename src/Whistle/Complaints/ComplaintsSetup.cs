using JasperFx.Events.Projections;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Whistle.Complaints;

public static class ComplaintsSetup
{
    public static void Configure(StoreOptions opts)
    {
        opts.Events.AddEventTypes(ComplaintEventTypes.All);
        opts.Projections.Add<ComplaintDetailsProjection>(ProjectionLifecycle.Inline);
        // pg_trgm ships with PostgreSQL's contrib (Debian's postgresql package) and is a trusted extension: the
        // database's owner may create it, so Marten's schema creation does, before the trigram indexes below.
        opts.Storage.ExtendedSchemaObjects.Add(new Extension("pg_trgm"));
        opts.Schema.For<ComplaintDetails>()
            .Index(x => x.Number)
            .Index(x => x.Status)
            .Index(x => x.CommunityId)
            .Index(x => x.CategoryId)
            .Index(x => x.LodgedAt)
            // The words of q= (ComplaintSearch) are ILIKE '%…%' over these two expressions.
            .Index(x => x.Description, Trigram("mt_doc_complaintdetails_trgm_description"))
            .Index(x => x.Number, Trigram("mt_doc_complaintdetails_trgm_number"));
    }

    private static Action<Marten.Schema.ComputedIndex> Trigram(string name) => index =>
    {
        index.Name = name;
        index.Method = IndexMethod.gin;
        index.Mask = "? gin_trgm_ops";
    };
}

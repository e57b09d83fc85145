using System.Linq.Expressions;
using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;
using Marten.Schema.Indexing.Unique;
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
            // The words of q= (ComplaintSearch) are ILIKE '%…%' over these two expressions.
            .Index(x => x.Description, Trigram("mt_doc_complaintdetails_trgm_description"))
            .Index(x => x.Number, Trigram("mt_doc_complaintdetails_trgm_number"));
        opts.Policies.ForAllDocuments(mapping =>
        {
            if (mapping is DocumentMapping<ComplaintDetails> details) PageInSql(details);
        });
    }

    /// <summary>
    /// What the complaint list filters on (scope's community and sub-district, status, category, overdue) and orders by
    /// (lodged) are columns of their own, so a page reads an index in its order and stops at the page, and its capped
    /// count reads the index alone (a million events: a page took 0.5–1.3 s when these were JSON expressions and the
    /// list counted every match through the documents, issue 17). Each index leads with what a page narrows by (the
    /// county, a community, a sub-district, a status, a category; the overdue ones), ends with the lodged time and the
    /// county, and carries the other filter columns. Marten fills the columns of existing rows when it adds them at start.
    /// </summary>
    private static void PageInSql(DocumentMapping<ComplaintDetails> details)
    {
        details.Duplicate(x => x.LodgedAt);
        details.Duplicate(x => x.Status);
        details.Duplicate(x => x.CommunityId);
        details.Duplicate(x => x.SubDistrictId);
        details.Duplicate(x => x.CategoryId);
        details.Duplicate(x => x.Overdue);
        foreach (var single in details.Indexes.OfType<DocumentIndex>().ToList()) details.Indexes.Remove(single);

        Page(details, "lodged", ["status", "community_id", "sub_district_id", "category_id", "overdue"], x => x.LodgedAt);
        Page(details, "community", ["status", "sub_district_id", "category_id", "overdue"], x => x.CommunityId, x => x.LodgedAt);
        Page(details, "sub_district", ["status", "community_id", "category_id", "overdue"], x => x.SubDistrictId, x => x.LodgedAt);
        Page(details, "status", ["community_id", "sub_district_id", "category_id", "overdue"], x => x.Status, x => x.LodgedAt);
        Page(details, "category", ["status", "community_id", "sub_district_id", "overdue"], x => x.CategoryId, x => x.LodgedAt);
        // The overdue few (a few hundred of a county's hundred thousand): a partial index, written only while overdue.
        Page(details, "overdue", ["status", "community_id", "sub_district_id", "category_id"], "overdue", x => x.LodgedAt);
    }

    private static void Page(
        DocumentMapping<ComplaintDetails> details, string name, string[] carried, params Expression<Func<ComplaintDetails, object?>>[] columns) =>
        Page(details, name, carried, null, columns);

    private static void Page(
        DocumentMapping<ComplaintDetails> details, string name, string[] carried, string? where,
        params Expression<Func<ComplaintDetails, object?>>[] columns) =>
        details.Index(columns, index =>
        {
            index.Name = $"mt_doc_complaintdetails_page_{name}";
            index.TenancyScope = TenancyScope.PerTenant;
            index.IncludeColumns = carried;
            if (where is not null) index.Predicate = where;
        });

    private static Action<Marten.Schema.ComputedIndex> Trigram(string name) => index =>
    {
        index.Name = name;
        index.Method = IndexMethod.gin;
        index.Mask = "? gin_trgm_ops";
    };
}

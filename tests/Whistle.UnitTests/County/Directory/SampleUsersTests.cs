using Shouldly;
using Whistle.Kernel;
using Xunit;

namespace Whistle.UnitTests.County.Directory;

/// <summary>
/// The development users of samples/county/users.tsv (the rows ops/token mints tokens from), read against the sample
/// county they act in: a department nobody can answer for would let its whistles run out unanswered.
/// </summary>
public class SampleUsersTests
{
    private sealed record UserRow(string Id, string Name, string Role, string County, string? SubDistrict, string? Community, string? Department)
    {
        public Scope Scope => new(Id, Role, Community, SubDistrict, Department);
    }

    private static readonly List<UserRow> Users = Read(Path.Combine(RepositoryRoot(), "samples", "county", "users.tsv"));

    private static readonly Whistle.County.Directory.SampleCounty County = TheSampleCounty.County;

    [Fact]
    public void every_department_of_the_sample_county_has_an_officer_who_answers_for_it()
    {
        var unanswered = County.Departments.Select(d => d.Code)
            .Where(code => !Users.Any(u => u.Scope.IsOfficerOf(code)))
            .ToList();

        unanswered.ShouldBeEmpty();
    }

    [Fact]
    public void the_mediation_centre_has_an_officer_beside_its_mediators()
    {
        Users.Where(u => u.Scope.IsOfficerOf("mediation-centre")).Select(u => u.Id).ShouldBe(["mediation-centre"]);
        Users.Where(u => u.Role == Roles.Mediator).Select(u => u.Id).ShouldBe(["mediator", "mediator2"]);
    }

    [Fact]
    public void every_user_has_a_unique_id_a_known_role_and_the_sample_countys_id()
    {
        Users.Select(u => u.Id).Distinct().Count().ShouldBe(Users.Count);
        Users.ShouldAllBe(u => Roles.All.Contains(u.Role) && u.County == County.Id && u.Name.Length > 0);
    }

    [Fact]
    public void every_area_and_department_a_user_names_is_in_the_sample_county()
    {
        var subDistricts = County.SubDistricts.Select(s => s.Code).ToHashSet();
        var communities = County.Communities.ToDictionary(c => c.Code, c => c.Info.SubDistrictCode);
        var departments = County.Departments.Select(d => d.Code).ToHashSet();

        Users.Where(u => u.SubDistrict is not null).ShouldAllBe(u => subDistricts.Contains(u.SubDistrict!));
        Users.Where(u => u.Community is not null).ShouldAllBe(u => communities[u.Community!] == u.SubDistrict);
        Users.Where(u => u.Department is not null).ShouldAllBe(u => departments.Contains(u.Department!));
    }

    [Fact]
    public void the_department_officers_are_the_twelve_departments_in_the_files_order() =>
        Users.Where(u => u.Role == Roles.Department).Select(u => (u.Id, u.Department)).ShouldBe([
            ("zhujian", "zhujian"), ("gongan", "gongan"), ("sifa", "sifa"), ("minzheng", "minzheng"), ("yingji", "yingji"),
            ("huanbao", "huanbao"), ("guihua", "guihua"), ("chengguan", "chengguan"), ("shichang", "shichang"),
            ("jingxin", "jingxin"), ("xiaofang", "xiaofang"), ("mediation-centre", "mediation-centre"),
        ]);

    private static List<UserRow> Read(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => new UserRow(f[0], f[1], f[2], f[3], Claim(f[4]), Claim(f[5]), Claim(f[6])))
            .ToList();

    // ops/token writes "-" as no claim at all.
    private static string? Claim(string field) => field == "-" ? null : field;

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Whistle.slnx"))) return folder.FullName;
        }

        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds Whistle.slnx.");
    }
}

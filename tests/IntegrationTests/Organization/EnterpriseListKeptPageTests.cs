using System.Net;
using System.Text;
using System.Text.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Domain;
using Khcn.Organization.Features.Labour;
using Khcn.Organization.Features.Units;

namespace Khcn.IntegrationTests.Organization;

/// <summary>
/// The enterprise list keeps its count and its pages' ids under Organization's data stamp (#17): a change shows at the
/// next read at once, and a kept page is never another scope's.
/// </summary>
public sealed class EnterpriseListKeptPageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static async Task<PagedResult<EnterpriseListItem>> ListAsync(HttpClient client, string query = "") =>
        await (await client.GetAsync($"{ListEnterprises.Route}?pageSize=20{query}")).ReadAsync<PagedResult<EnterpriseListItem>>();

    private static async Task<Guid> UnitIdAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Single(u => u.Code == code).Id;

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body, Support.Http.Json), Encoding.UTF8, "application/json");

    /// <summary>A valid tax code (official check digit) no seeded enterprise holds.</summary>
    private static string TaxCode() =>
        Enumerable.Range(1, 100).Select(i => $"0897{i:00000}").Select(nine => LabourRules.TaxCodeCheckDigit(nine) is { } check ? nine + check : null)
            .First(code => code is not null)!;

    [ApiFact]
    public async Task Given_a_kept_district_page_When_an_enterprise_is_added_or_its_figures_change_Then_the_next_read_shows_it_at_once()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        var vanLamId = await UnitIdAsync(vanLam, "VANLAM");
        var before = await ListAsync(vanLam);
        (await ListAsync(vanLam)).Total.ShouldBe(before.Total); // kept now
        var byWorkforce = await ListAsync(vanLam, "&year=2025&sort=-workforce");
        var myHaoBefore = await ListAsync(myHao);

        var created = await vanLam.PostJsonAsync(CreateEnterprise.Route, new
        {
            unitId = vanLamId, name = "AAA Công ty TNHH Đọc ngay", taxCode = TaxCode(), ownership = "Private", sector = "Electronics",
            district = "Văn Lâm", industrialZone = "KCN Phố Nối A", address = "Lô K1", grassrootsUnitId = (Guid?)null,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.ReadAsync<EnterpriseDetail>()).Id;
        var after = await ListAsync(vanLam);

        after.Total.ShouldBe(before.Total + 1);
        after.Items[0].Id.ShouldBe(id);
        after.Items[0].UnitName.ShouldBe("Liên đoàn Lao động huyện Văn Lâm");
        after.Items.Skip(1).Select(e => e.Id).ShouldBe(before.Items.Take(19).Select(e => e.Id));
        // Another district's officer reads their own scope's kept page, never this one.
        var myHaoAfter = await ListAsync(myHao);
        myHaoAfter.Total.ShouldBe(myHaoBefore.Total);
        myHaoAfter.Items.Select(e => e.Id).ShouldNotContain(id);

        // A change of another record of the module (the yearly figures) renews the kept workforce order too.
        byWorkforce.Items.Select(e => e.Id).ShouldNotContain(id);
        var figures = await vanLam.PutAsync(PutYearFigures.For(id, 2025), JsonContent(new
        {
            workforce = 900_000, women = 400, unionMembers = 800, averageMonthlyIncome = 8_000_000m, cbaSigned = false, cbaSignedOn = (string?)null,
            cbaExpiresOn = (string?)null, disputes = 0, stoppages = 0, dialogues = 1,
        }));
        figures.IsSuccessStatusCode.ShouldBeTrue(await figures.Content.ReadAsStringAsync());
        var top = (await ListAsync(vanLam, "&year=2025&sort=-workforce")).Items[0];
        top.Id.ShouldBe(id);
        top.Figures!.Workforce.ShouldBe(900_000);
    }
}

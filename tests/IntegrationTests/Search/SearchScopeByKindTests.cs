using System.Net;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Platform;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.Training.Features.Campaigns;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Search.AttachmentSearchTests;

namespace Khcn.IntegrationTests.Search;

/// <summary>
/// Each kind keeps its own units in the search statement even where kinds share one predicate (issue #15 §2, ADR 0014
/// "narrow rows"): a caller who reads policies in two districts but campaigns in one finds a campaign of the other
/// district neither as a hit nor in a count.
/// </summary>
public sealed class SearchScopeByKindTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_policies_read_in_two_districts_and_campaigns_in_one_When_searching_Then_the_other_districts_campaign_is_not_found()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var vanLam = await AnnualReportTests.UnitIdAsync(admin, "VANLAM");
        var myHao = await AnnualReportTests.UnitIdAsync(admin, "MYHAO");
        // A unit officer of Văn Lâm (every kind there) who sits on a council in Mỹ Hào (units and participation there, no training).
        const string email = "haiphamvi.search@hungyen.demo";
        (await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            email, fullName = "Cán bộ hai phạm vi", password = AuthTests.StrongPassword,
            grants = new[] { new { role = "unit-officer", unitId = vanLam }, new { role = "council-member", unitId = myHao } },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

        await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationDbContext>();
            db.Policies.Add(PolicyDocument.Create(myHao, new PolicyDetails("98/TEST", "Văn bản wombatkind của Mỹ Hào", "Kiểm thử",
                new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 2), null, null, null)));
            return await db.SaveChangesAsync();
        });
        var board = await api.LoginAsync("tuyengiao@hungyen.demo");
        (await board.PostJsonAsync(CreateCampaign.Route, new
        {
            unitId = myHao, title = "Tuyên truyền wombatkind ở Mỹ Hào", goal = "Kiểm thử phạm vi theo loại",
            startsOn = new DateOnly(2026, 1, 1), endsOn = new DateOnly(2026, 12, 31),
            channels = new[] { "Meeting" }, audiences = new[] { "Workers" }, participatingUnitIds = Array.Empty<Guid>(),
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        await EventuallyAsync(await api.LoginAsync(Users.Leader), "wombatkind", r => r.Total == 2, "the policy and the campaign indexed");

        var results = await SearchAsync(await api.LoginAsync(email, AuthTests.StrongPassword), "wombatkind");

        results.Items.ShouldHaveSingleItem().Kind.ShouldBe("policy");
        results.Total.ShouldBe(1);
        results.Kinds.ShouldHaveSingleItem().Kind.ShouldBe("policy");
    }
}

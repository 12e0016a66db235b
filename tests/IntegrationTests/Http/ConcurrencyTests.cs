using System.Net;
using System.Net.Http.Json;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Policies;
using Khcn.Organization.Features.Units;
using Khcn.BuildingBlocks.Contracts;

namespace Khcn.IntegrationTests.Http;

/// <summary>The If-Match rules of every update (BuildingBlocks/Http/Concurrency): 428 missing, 412 stale, * any current.</summary>
public sealed class ConcurrencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static HttpRequestMessage Put(Guid id, string title, string? ifMatch)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, GetPolicy.For(id))
        {
            Content = JsonContent.Create(new { number = "31/QĐ-LĐLĐ", title, issuer = "LĐLĐ tỉnh", issuedOn = "2024-03-01", effectiveFrom = "2024-03-01" }),
        };
        if (ifMatch is not null) put.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return put;
    }

    [ApiFact]
    public async Task Given_a_record_When_updated_with_no_stale_or_any_If_Match_Then_428_412_and_success()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var units = await (await board.GetAsync($"{ListUnits.Route}?q=VANLAM")).ReadAsync<PagedResult<UnitListItem>>();
        var created = await board.PostJsonAsync(CreatePolicy.Route, new
        {
            unitId = units.Items.Single(u => u.Code == "VANLAM").Id, number = "31/QĐ-LĐLĐ", title = "Bản đầu", issuer = "LĐLĐ tỉnh",
            issuedOn = "2024-03-01", effectiveFrom = "2024-03-01",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var first = created.Headers.ETag!.Tag;
        var id = (await created.ReadAsync<PolicyDetail>()).Id;

        await (await board.SendAsync(Put(id, "Không có If-Match", null))).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var updated = await board.SendAsync(Put(id, "Bản hai", first));
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        await (await board.SendAsync(Put(id, "Bản cũ", first))).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var any = await board.SendAsync(Put(id, "Bản ba", "*"));

        any.StatusCode.ShouldBe(HttpStatusCode.OK, await any.Content.ReadAsStringAsync());
        (await any.ReadAsync<PolicyDetail>()).Title.ShouldBe("Bản ba");
        any.Headers.ETag!.Tag.ShouldNotBe(updated.Headers.ETag!.Tag);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Councils;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// The province's emulation council (Hội đồng Thi đua – Khen thưởng) as tests drive it: a panel of province officials
/// with council-member accounts, forming over submitted proposals, votes, closing by the secretary. Tests that approve
/// a proposal first let a council pass it (<see cref="PassAsync"/>): the decision needs a passed vote.
/// </summary>
internal static class CommendationVoting
{
    public const string Password = "Demo@2025!x";

    public sealed record Seat(Guid OfficialId, string Email, CouncilRole Role, HttpClient Client);

    /// <summary><paramref name="size"/> officials of the province with council-member accounts: chair, vice-chair, secretary, then members.</summary>
    public static async Task<List<Seat>> PanelAsync(ApiFactory api, string tag, int size)
    {
        var admin = await api.LoginAsync(Users.Admin);
        var root = await AnnualReportTests.UnitIdAsync(admin, "HY");
        CouncilRole[] roles = [CouncilRole.Chair, CouncilRole.ViceChair, CouncilRole.Secretary];
        var seats = new List<Seat>();
        for (var n = 0; n < size; n++)
        {
            var email = $"tdkt.{tag}.{n}@hungyen.demo";
            seats.Add(await SeatAsync(api, admin, root, $"Ủy viên thi đua {tag} {n}", email, n < roles.Length ? roles[n] : CouncilRole.Expert));
        }
        return seats;
    }

    /// <summary>An official of <paramref name="unit"/> with a council-member account over the province, for a seat.</summary>
    public static async Task<Seat> SeatAsync(ApiFactory api, HttpClient admin, Guid unit, string name, string email, CouncilRole role)
    {
        var official = await admin.PostJsonAsync(Khcn.Organization.Features.Officials.CreateOfficial.Route,
            new { unitId = unit, fullName = name, position = "Ủy viên Hội đồng", email, politicalTheory = "Elementary", researchMethodsTrained = false });
        official.StatusCode.ShouldBe(HttpStatusCode.Created, await official.Content.ReadAsStringAsync());
        var root = await AnnualReportTests.UnitIdAsync(admin, "HY");
        var user = await admin.PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
        {
            email, fullName = name, password = Password, grants = new[] { new { role = "council-member", unitId = root } },
        });
        user.IsSuccessStatusCode.ShouldBeTrue(await user.Content.ReadAsStringAsync());
        return new Seat((await official.ReadAsync<JsonElement>()).GetProperty("id").GetGuid(), email, role, await api.LoginAsync(email, Password));
    }

    public static Task<HttpResponseMessage> FormAsync(HttpClient decider, string name, IEnumerable<Seat> seats, params Guid[] proposals) =>
        decider.PostJsonAsync(FormCouncil.Route, new
        {
            name, itemKind = "Commendation", itemIds = proposals,
            members = seats.Select(s => new { officialId = s.OfficialId, role = s.Role.ToString() }).ToArray(),
        });

    public static async Task<CouncilDetail> FormedAsync(HttpClient decider, string name, IEnumerable<Seat> seats, params Guid[] proposals)
    {
        var r = await FormAsync(decider, name, seats, proposals);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<CouncilDetail>();
    }

    public static Task<HttpResponseMessage> VoteAsync(Seat seat, Guid council, Guid proposal, bool agree)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, VoteOnCouncilItem.Route.Replace("{id}", council.ToString()).Replace("{itemId}", proposal.ToString()))
        {
            Content = JsonContent.Create(new { agree, comment = agree ? "Đồng ý" : "Không đồng ý" }),
        };
        return seat.Client.SendAsync(request);
    }

    public static async Task VotedAsync(Seat seat, Guid council, Guid proposal, bool agree)
    {
        var r = await VoteAsync(seat, council, proposal, agree);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
    }

    /// <summary>The secretary closes the council; the council's minutes take a number and today's date.</summary>
    public static async Task<CouncilDetail> ClosedAsync(IEnumerable<Seat> seats, Guid council)
    {
        var secretary = seats.Single(s => s.Role == CouncilRole.Secretary);
        var r = await secretary.Client.PostJsonAsync(CloseCouncil.Route.Replace("{id}", council.ToString()),
            new { decisionNumber = $"{Support.Unique.Next()}/BB-HĐTĐKT", decisionDate = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)) });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<CouncilDetail>();
    }

    /// <summary>A four-member council of the province passes the proposals, every member agreeing.</summary>
    public static async Task PassAsync(ApiFactory api, HttpClient decider, params Guid[] proposals)
    {
        var seats = await PanelAsync(api, Guid.NewGuid().ToString("N")[..8], 4);
        var council = await FormedAsync(decider, "Hội đồng Thi đua – Khen thưởng (kiểm thử)", seats, proposals);
        foreach (var proposal in proposals)
            foreach (var seat in seats)
                await VotedAsync(seat, council.Id, proposal, agree: true);
        await ClosedAsync(seats, council.Id);
    }
}

using Khcn.BuildingBlocks.Application;
using Khcn.Organization.Contracts;
using Khcn.Participation.Contracts;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Commendations;
using Microsoft.Extensions.Logging;

namespace Khcn.Participation.Seeding;

internal sealed partial class EmulationScaleSeeder
{
    /// <summary>
    /// The collectives at the top of each cluster's final ranking, proposed by the cluster's upper-level union: rank 1
    /// for "Tập thể lao động xuất sắc", ranks 2–3 for "Tập thể lao động tiên tiến". Each goes through the facts the API
    /// gathers and the year's rule set (left out when a rule fails), then before one sitting of the province's emulation
    /// council (every member agrees), then the province's decision with the prize fixed and published to Finance.
    /// </summary>
    private async Task CommendationsAsync(Guid root, int year, Movement movement, IReadOnlyList<(EmulationCluster Cluster, UnitSummary Upper)> clusters,
        IReadOnlyDictionary<Guid, Registration> registrations, CancellationToken ct)
    {
        var criteria = movement.Criteria.OrderBy(c => c.Order).Select(c => c.Id).ToList();
        var set = CommendationRules.ForYear(year);
        var proposer = new Actor(null, "Cán bộ thi đua – khen thưởng");
        var submittedAt = At(new DateOnly(year, 12, 17), 9);
        var proposals = new List<CommendationProposal>();
        var left = 0;
        foreach (var (cluster, upper) in clusters)
        {
            var entries = cluster.Members.Select(m => registrations.GetValueOrDefault(m.UnitId)).OfType<Registration>()
                .Where(r => r.Status == RegistrationStatus.Reviewed)
                .Select(r => new RankingEntry(r.UnitId, r.FinalTotal(), r.Late, criteria.Select(c => r.Scores.First(s => s.CriterionId == c).Final).ToList())).ToList();
            foreach (var ranked in EmulationRanking.Rank(entries).Where(e => e.Rank <= 3))
            {
                // A unit level with another on total and timing is left out: its place then rests on the criteria's points,
                // which CommendationFacts compares in the order of the criteria's ids (random), not the movement's order —
                // so whether the rules pass would change from one seeding to the next.
                if (entries.Count(e => e.Total == ranked.Entry.Total && e.Late == ranked.Entry.Late) > 1)
                {
                    left++;
                    continue;
                }
                var form = ranked.Rank == 1 ? CommendationRules.Ttldxs : CommendationRules.Ttldtt;
                var nominees = await facts.ResolveAsync(upper.Id, form, [new NomineeInput { UnitId = ranked.Entry.UnitId }], ct);
                var p = CommendationProposal.Draft(upper.Id, year, form,
                    $"Xếp thứ {ranked.Rank} {cluster.Name} năm {year} ({EmulationPoints.Shown(ranked.Entry.Total)} điểm, kết quả đã được LĐLĐ tỉnh chốt).",
                    nominees, proposer, null);
                var gathered = await facts.GatherAsync(upper.Id, year, form, nominees, p.Id, ct);
                var checks = p.Nominees.OrderBy(x => x.Order).Select((x, i) => (x.Id, Results: CommendationRules.Check(set, form, gathered[i])))
                    .ToDictionary(x => x.Id, x => x.Results);
                if (checks.Values.Any(r => r.Any(c => !c.Passed)))
                {
                    left++;
                    continue;
                }
                p.Submit(set.Code, checks, null, submittedAt);
                proposals.Add(p);
            }
        }
        if (proposals.Count == 0) return;
        var council = await CouncilAsync(root, year, proposals, ct);
        if (council is null) return;
        db.Councils.Add(council);

        var number = 200;
        var decisionDate = new DateOnly(year, 12, 26);
        var decidedAt = At(decisionDate, 9);
        foreach (var p in proposals)
        {
            var item = council.Items.First(i => i.ItemId == p.Id);
            var verdict = new CouncilVerdict(council.Id, council.Name, council.Status, item.Outcome, council.Members.Count, item.Votes ?? 0, item.Agree ?? 0,
                item.Needed ?? 0, council.DecisionNumber, council.DecisionDate);
            var form = CommendationRules.Form(p.FormCode);
            var decision = $"{++number}/QĐ-LĐLĐ";
            p.Approve(root, decision, decisionDate, "Chủ tịch Liên đoàn Lao động tỉnh Hưng Yên", null, verdict, form.Share,
                n => CommendationRules.Prize(set, p.FormCode, n.Kind, decisionDate), Province, decidedAt);
            db.CommendationProposals.Add(p);
            db.Publish(new CommendationAwarded(Guid.CreateVersion7(), decidedAt, p.Id, p.UnitId, root, p.Year, p.FormCode, form.Name, decision, decisionDate,
                p.Issuer!, set.Code, set.For(p.FormCode).PrizeBasis, p.PrizeTotal,
                p.Nominees.Select(n => new AwardedHonouree(n.Kind.ToString(), n.OfficialId, n.NomineeUnitId, n.Name, n.Email, n.Prize ?? 0m)).ToList()));
        }
        await SaveAsync(ct);
        log.LogInformation("Scale seed: {Count} commendation proposals of {Year} decided ({Left} left out by the rules)", proposals.Count, year, left);
    }

    /// <summary>
    /// The province's emulation council for the year's proposals: five officials of the province and its sectoral unions
    /// (the demo council member among them when there), every member agreeing on every proposal, closed on 22/12.
    /// </summary>
    private async Task<Council?> CouncilAsync(Guid root, int year, IReadOnlyList<CommendationProposal> proposals, CancellationToken ct)
    {
        var units = new List<Guid> { root };
        foreach (var code in new[] { "CDVC", "CDN-GD", "CDN-YT" })
            if ((await mediator.Send(new FindUnitByCode(code), ct))?.Id is { } id) units.Add(id);
        var officials = (await mediator.Send(new GetOfficialsOfUnits([.. units]), ct)).OrderBy(o => o.FullName, StringComparer.Ordinal).ToList();
        var expert = officials.FirstOrDefault(o => string.Equals(o.Email, "hoidong@hungyen.demo", StringComparison.OrdinalIgnoreCase));
        var others = officials.Where(o => o.Id != expert?.Id).Take(expert is null ? 5 : 4).ToList();
        if (others.Count + (expert is null ? 0 : 1) < 5)
        {
            log.LogWarning("Scale seed: too few province officials for an emulation council; no commendation decided");
            return null;
        }
        var seatNo = 0;
        CouncilSeat Seat(OfficialForNomination o, CouncilRole role) => new(o.Id, o.FullName, o.Email ?? $"hdtdkt{++seatNo}.quymo@hungyen.demo", o.Position, role);
        CouncilSeat[] seats =
        [
            Seat(others[0], CouncilRole.Chair), Seat(others[1], CouncilRole.ViceChair), Seat(others[2], CouncilRole.Secretary),
            Seat(others[3], CouncilRole.Expert), Seat(expert ?? others[4], CouncilRole.Expert),
        ];
        var formedAt = At(new DateOnly(year, 12, 19), 9);
        var candidates = proposals.Select(p => new CouncilItemCandidate(CouncilItemKind.Commendation, p.Id,
            $"{CommendationRules.Form(p.FormCode).Name} năm {p.Year}: {string.Join(", ", p.Nominees.Select(n => n.Name))}",
            [], CommendationRules.Form(p.FormCode).Share)).ToList();
        var council = Council.Form(root, $"Hội đồng Thi đua – Khen thưởng LĐLĐ tỉnh: xét khen thưởng tập thể năm {year} (quy mô)", CouncilItemKind.Commendation,
            candidates, seats, null, Province.Name, formedAt);
        foreach (var item in council.Items)
            foreach (var (m, n) in council.Members.Select((m, n) => (m, n)))
                council.Vote(m, item, [], true, null, formedAt.AddDays(1).AddMinutes(n));
        council.Close($"{year % 100:00}/BB-HĐTĐKT", new DateOnly(year, 12, 22), seats[2].FullName, formedAt.AddDays(3));
        return council;
    }
}

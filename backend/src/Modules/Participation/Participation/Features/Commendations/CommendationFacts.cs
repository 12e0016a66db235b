using Khcn.BuildingBlocks.Domain;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Emulation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Commendations;

/// <summary>
/// Turns the picked nominees into <see cref="NomineeDetails"/> (names from Organization; each must be in the proposing
/// unit's subtree: 409 <c>nominee_out_of_scope</c>; the form must accept the kind: 409 <c>nominee_kind</c>) and gathers
/// the <see cref="EligibilityFacts"/> the rules judge: the one computation behind the live check and the submission.
/// </summary>
internal sealed class CommendationFacts(ParticipationDbContext db, IMediator mediator)
{
    public async Task<IReadOnlyList<NomineeDetails>> ResolveAsync(Guid unitId, string formCode, IReadOnlyList<NomineeInput> inputs, CancellationToken ct)
    {
        var form = CommendationRules.Form(formCode);
        var subtree = (await mediator.Send(new GetSubtreeUnitIds(unitId), ct)).Select(u => u.UnitId).ToHashSet();
        var officials = (await mediator.Send(new GetOfficialsForNomination(inputs.Where(n => n.OfficialId is not null).Select(n => n.OfficialId!.Value).Distinct().ToList()), ct))
            .ToDictionary(o => o.Id);
        var units = (await mediator.Send(new GetUnitSummaries(inputs.Where(n => n.UnitId is not null).Select(n => n.UnitId!.Value).Distinct().ToList()), ct))
            .ToDictionary(u => u.Id);
        var initiativeIds = inputs.Where(n => n.InitiativeId is not null).Select(n => n.InitiativeId!.Value).ToList();
        var initiatives = await db.Initiatives.IgnoreQueryFilters().AsNoTracking().Where(i => initiativeIds.Contains(i.Id))
            .Select(i => new { i.Id, i.Title, i.Status }).ToDictionaryAsync(i => i.Id, ct);
        var result = new List<NomineeDetails>();
        foreach (var n in inputs)
        {
            var kind = n.OfficialId is not null ? NomineeKind.Person : NomineeKind.Unit;
            if ((kind == NomineeKind.Person && form.Target == CommendationTarget.Collective) || (kind == NomineeKind.Unit && form.Target == CommendationTarget.Individual))
                throw new BusinessRuleException("nominee_kind", Localized.Text("This form is not given to this kind of nominee.",
                    kind == NomineeKind.Person ? $"{form.Name} chỉ xét tặng cho tập thể." : $"{form.Name} chỉ xét tặng cho cá nhân."));
            string name;
            string? email = null;
            if (kind == NomineeKind.Person)
            {
                if (!officials.TryGetValue(n.OfficialId!.Value, out var o) || !subtree.Contains(o.UnitId)) throw OutOfScope();
                name = o.FullName;
                email = o.Email;
            }
            else
            {
                if (!units.TryGetValue(n.UnitId!.Value, out var u) || !subtree.Contains(u.Id)) throw OutOfScope();
                name = u.Name;
            }
            string? title = null;
            if (n.InitiativeId is { } iid)
            {
                if (!initiatives.TryGetValue(iid, out var i) || i.Status != InitiativeStatus.Recognised)
                    throw new BusinessRuleException("evidence_not_recognised", Localized.Text("Only a recognised initiative is evidence.", "Chỉ sáng kiến đã được công nhận mới là minh chứng."));
                title = i.Title;
            }
            result.Add(new NomineeDetails(kind, n.OfficialId, n.UnitId, name, email, n.InitiativeId, title));
        }
        return result;
    }

    private static BusinessRuleException OutOfScope() => new("nominee_out_of_scope",
        Localized.Text("A nominee is not in the proposing unit's subtree.", "Người hoặc tập thể được đề nghị không thuộc đơn vị đề nghị hoặc cấp dưới của đơn vị."));

    /// <summary>The facts of each nominee (in order), judged for <paramref name="formCode"/> and <paramref name="year"/>; <paramref name="proposalId"/> is left out of "already proposed" and the quota.</summary>
    public async Task<IReadOnlyList<EligibilityFacts>> GatherAsync(Guid unitId, int year, string formCode, IReadOnlyList<NomineeDetails> nominees, Guid? proposalId, CancellationToken ct)
    {
        var proposals = db.CommendationProposals.IgnoreQueryFilters().AsNoTracking();
        var officialIds = nominees.Where(n => n.OfficialId is not null).Select(n => n.OfficialId!.Value).ToList();
        var unitIds = nominees.Where(n => n.NomineeUnitId is not null).Select(n => n.NomineeUnitId!.Value).ToList();
        var records = await (from x in db.CommendationNominees.AsNoTracking()
                             join p in proposals on x.ProposalId equals p.Id
                             where p.Status != ProposalStatus.Refused && (proposalId == null || p.Id != proposalId)
                                   && ((x.OfficialId != null && officialIds.Contains(x.OfficialId.Value)) || (x.NomineeUnitId != null && unitIds.Contains(x.NomineeUnitId.Value)))
                             select new { x.OfficialId, x.NomineeUnitId, p.FormCode, p.Year, p.Status }).ToListAsync(ct);

        // Quota counts of the proposing unit for the year.
        var counts = await (from x in db.CommendationNominees.AsNoTracking()
                            join p in proposals on x.ProposalId equals p.Id
                            where p.UnitId == unitId && p.Year == year && (p.FormCode == CommendationRules.Ldtt || p.FormCode == CommendationRules.Cstdcs)
                                  && (proposalId == null || p.Id != proposalId)
                            select new { p.FormCode, p.Status }).ToListAsync(ct);
        var advanced = counts.Count(c => c.FormCode == CommendationRules.Ldtt && c.Status == ProposalStatus.Approved);
        var fighters = counts.Count(c => c.FormCode == CommendationRules.Cstdcs && c.Status is ProposalStatus.Approved or ProposalStatus.Submitted)
                       + (formCode == CommendationRules.Cstdcs ? nominees.Count : 0);

        var emails = nominees.Where(n => n.Email is not null).Select(n => n.Email!.ToLowerInvariant()).ToList();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var authored = await db.InitiativeAuthors.AsNoTracking().Where(a => a.Email != null && emails.Contains(a.Email))
            .Select(a => new { a.InitiativeId, a.Email }).ToListAsync(ct);
        var authoredIds = authored.Select(a => a.InitiativeId).Distinct().ToList();
        var recognised = await db.Initiatives.IgnoreQueryFilters().AsNoTracking()
            .Where(i => authoredIds.Contains(i.Id) && i.Status == InitiativeStatus.Recognised && i.DecisionDate >= from && i.DecisionDate <= to)
            .Select(i => new { i.Id, i.Title, i.DecisionDate }).ToListAsync(ct);
        var initiatives = recognised.Select(i => new { i.Id, i.Title, DecisionDate = i.DecisionDate!.Value,
            Emails = authored.Where(a => a.InitiativeId == i.Id).Select(a => a.Email).ToList() }).ToList();
        var registered = await (from person in db.Set<RegisteredPerson>().AsNoTracking()
                                join r in db.Registrations.IgnoreQueryFilters() on person.RegistrationId equals r.Id
                                where r.Year == year && officialIds.Contains(person.OfficialId)
                                select person.OfficialId).Distinct().ToListAsync(ct);
        var rankings = unitIds.Count == 0 ? [] : await RankingsAsync(unitIds, year, ct);

        return nominees.Select(n =>
        {
            var mine = records.Where(r => n.Kind == NomineeKind.Person ? r.OfficialId == n.OfficialId : r.NomineeUnitId == n.NomineeUnitId).ToList();
            return new EligibilityFacts(n.Kind, year,
                mine.Where(r => r.Status == ProposalStatus.Approved).Select(r => (r.FormCode, r.Year)).ToList(),
                mine.Any(r => r.FormCode == formCode && r.Year == year),
                n.Email is null ? [] : initiatives.Where(i => i.Emails.Contains(n.Email.ToLowerInvariant())).Select(i => (i.Id, i.Title, i.DecisionDate)).ToList(),
                n.OfficialId is { } oid && registered.Contains(oid),
                n.NomineeUnitId is { } uid ? rankings.Where(r => r.UnitId == uid).Select(r => (r.Movement, r.Closed, r.Rank, r.Ranked)).ToList() : [],
                advanced, fighters);
        }).ToList();
    }

    /// <summary>Each unit's place in its cluster of the year, per movement it registered for (the emulation ranking's own tie rule).</summary>
    private async Task<List<(Guid UnitId, string Movement, bool Closed, int? Rank, int Ranked)>> RankingsAsync(List<Guid> unitIds, int year, CancellationToken ct)
    {
        var clusters = await db.Clusters.AsNoTracking().Include(c => c.Members).Where(c => c.Year == year && c.Members.Any(m => unitIds.Contains(m.UnitId))).ToListAsync(ct);
        var memberIds = clusters.SelectMany(c => c.Members.Select(m => m.UnitId)).Concat(unitIds).Distinct().ToList();
        var registrations = await RankingFacts.LoadAsync(db, year, null, memberIds, ct);
        var movementIds = registrations.Select(r => r.MovementId).Distinct().ToList();
        var movements = await db.Movements.AsNoTracking().Include(m => m.ClosedYears).Where(m => movementIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        // The tie-break compares criteria in the movement's order, as the ranking endpoint does.
        var order = await RankingFacts.CriterionOrderAsync(db, movementIds, ct);
        var result = new List<(Guid, string, bool, int?, int)>();
        foreach (var r in registrations.Where(r => unitIds.Contains(r.UnitId)))
        {
            var m = movements[r.MovementId];
            var cluster = clusters.FirstOrDefault(c => c.Members.Any(x => x.UnitId == r.UnitId));
            if (cluster is null || r.Status != RegistrationStatus.Reviewed) { result.Add((r.UnitId, m.Name, m.IsClosed(year), null, 0)); continue; }
            var entries = registrations.Where(x => x.MovementId == r.MovementId && cluster.Members.Any(c => c.UnitId == x.UnitId))
                .Select(x => x.Entry(order.GetValueOrDefault(r.MovementId) ?? [])).ToList();
            var ranked = EmulationRanking.Rank(entries);
            result.Add((r.UnitId, $"{m.Name} — {cluster.Name}", m.IsClosed(year), ranked.First(e => e.Entry.UnitId == r.UnitId).Rank, ranked.Count));
        }
        return result;
    }
}

using Khcn.BuildingBlocks.Domain;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Emulation;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Honouring;

/// <summary>The decisions a unit may honour at an event: the ones it approved, not honoured at another event.</summary>
internal static class HonourableDecisions
{
    /// <summary>409 <c>decision_not_honourable</c> for one the unit did not approve, <c>decision_already_honoured</c> for one honoured at another event than <paramref name="eventId"/>.</summary>
    public static async Task<List<HonouredDecisionDetails>> LoadAsync(ParticipationDbContext db, Guid unitId, List<Guid> ids, Guid? eventId, CancellationToken ct)
    {
        var proposals = await db.CommendationProposals.IgnoreQueryFilters().AsNoTracking().Include(p => p.Nominees)
            .Where(p => ids.Contains(p.Id)).AsSplitQuery().ToListAsync(ct);
        var notHonourable = ids.Where(id => proposals.FirstOrDefault(p => p.Id == id) is not { Status: ProposalStatus.Approved } p || p.DecidingUnitId != unitId).ToArray();
        if (notHonourable.Length > 0)
            throw new BusinessRuleException("decision_not_honourable",
                Localized.Text("A unit honours only the commendation decisions it has made.", "Đơn vị chỉ tôn vinh các quyết định khen thưởng do chính đơn vị đã ban hành."),
                new Dictionary<string, string[]> { ["decisionIds"] = [Localized.Text("Pick decisions from the list.", "Chọn quyết định trong danh sách.")] });
        var taken = await db.HonouredDecisions.IgnoreQueryFilters().Where(d => ids.Contains(d.ProposalId) && d.EventId != eventId).Select(d => d.DecisionNumber).ToListAsync(ct);
        if (taken.Count > 0)
            throw new BusinessRuleException("decision_already_honoured",
                Localized.Text("A decision is honoured at one event only.", $"Quyết định {string.Join(", ", taken)} đã được tôn vinh tại một lễ tôn vinh khác."),
                new Dictionary<string, string[]> { ["decisionIds"] = [Localized.Text("Leave out the decisions already honoured.", "Bỏ các quyết định đã được tôn vinh.")] });
        return proposals.Select(p => new HonouredDecisionDetails(p.Id, p.FormCode, CommendationRules.Form(p.FormCode).Name, p.DecisionNumber!, p.DecisionDate!.Value,
            p.Nominees.OrderBy(n => n.Order).Select(n => new HonoureeDetails(n.Id, n.Kind, n.OfficialId, n.NomineeUnitId, n.Name, n.Email)).ToList())).ToList();
    }
}

using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Emulation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Commendations;

/// <summary>
/// The commendations received (the nominees of approved proposals), newest decision first: the one query behind the
/// history of a unit, of a person and "my commendations". It reads past the scope filter (a unit's honours may have
/// been proposed by a unit above it); each use case decides who may ask before calling it.
/// </summary>
internal static class CommendationHistory
{
    public static async Task<PagedResult<CommendationHistoryItem>> PageAsync(ParticipationDbContext db, IMediator mediator,
        Func<IQueryable<CommendationNominee>, IQueryable<CommendationNominee>> whose, int? year, string? formCode, IPagedQuery paging, CancellationToken ct)
    {
        var proposals = db.CommendationProposals.IgnoreQueryFilters().AsNoTracking().Where(p => p.Status == ProposalStatus.Approved);
        if (year is { } y) proposals = proposals.Where(p => p.Year == y);
        if (!string.IsNullOrWhiteSpace(formCode)) proposals = proposals.Where(p => p.FormCode == formCode);
        var nominees = whose(db.CommendationNominees.AsNoTracking());
        if (!string.IsNullOrWhiteSpace(paging.Q)) nominees = nominees.Where(n => n.Name.Contains(paging.Q.Trim()));
        var q = from n in nominees
                join p in proposals on n.ProposalId equals p.Id
                orderby p.DecisionDate descending, p.Year descending, n.Order
                select new { p.Id, NomineeId = n.Id, n.Kind, n.OfficialId, n.NomineeUnitId, n.Name, p.Year, p.FormCode, p.DecisionNumber, p.DecisionDate, p.Issuer, p.DecidingUnitId, n.Prize };
        var page = await q.ToPageAsync(paging, ct);
        var names = await mediator.UnitNamesAsync(page.Items.Where(i => i.DecidingUnitId is not null).Select(i => i.DecidingUnitId!.Value), ct);
        // The honouring certificate issued to each nominee at an honouring event (#15: downloadable from the member's home), if not revoked.
        var nomineeIds = page.Items.Select(i => i.NomineeId).ToList();
        var certificates = (await db.HonourCertificates.IgnoreQueryFilters().AsNoTracking()
                .Where(c => nomineeIds.Contains(c.NomineeId) && c.RevokedAtUtc == null)
                .Select(c => new { c.NomineeId, c.Id }).ToListAsync(ct))
            .GroupBy(c => c.NomineeId).ToDictionary(g => g.Key, g => g.Max(c => c.Id));
        return page.Map(i =>
        {
            var form = CommendationRules.Form(i.FormCode);
            return new CommendationHistoryItem(i.Id, i.NomineeId, i.Kind, i.OfficialId, i.NomineeUnitId, i.Name, i.Year, i.FormCode, form.Name, form.IsTitle, i.DecisionNumber,
                i.DecisionDate, i.Issuer, i.DecidingUnitId is { } d ? names.GetValueOrDefault(d, "") : "", i.Prize,
                certificates.TryGetValue(i.NomineeId, out var certificate) ? certificate : null);
        });
    }
}

using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Integrations;

/// <summary>
/// Which records each innovation indicator counts: the one definition its source (<see cref="InnovationSource"/>)
/// adds up and its records list (<see cref="InnovationIndicatorRecords"/>) shows, so the two never disagree. Scope is
/// the caller's: it passes the units it may see.
/// </summary>
internal static class InnovationFigures
{
    private static DateOnly First(int year) => new(year, 1, 1);
    private static DateOnly Last(int year) => new(year, 12, 31);

    /// <summary>
    /// Applications submitted in the year (Vietnam time), less those withdrawn. Submission is recorded in UTC and Vietnam
    /// keeps one offset all year (UTC+7, no daylight saving), so the year is the UTC range from its first local midnight
    /// to the next year's: the database keeps the year's own, nothing is filtered afterwards.
    /// </summary>
    public static IQueryable<Initiative> SubmittedIn(ParticipationDbContext db, int year)
    {
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc) - VietnamTime.Offset;
        var to = new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc) - VietnamTime.Offset;
        return db.Initiatives.IgnoreQueryFilters().AsNoTracking()
            .Where(i => i.SubmittedAtUtc != null && i.SubmittedAtUtc >= from && i.SubmittedAtUtc < to && i.Status != InitiativeStatus.Withdrawn);
    }

    /// <summary>The initiatives recognised by a decision dated in the year (the count and the benefit read the same ones).</summary>
    public static IQueryable<Initiative> RecognisedIn(ParticipationDbContext db, int year) => db.Initiatives.IgnoreQueryFilters().AsNoTracking()
        .Where(i => i.Status == InitiativeStatus.Recognised && i.DecisionDate >= First(year) && i.DecisionDate <= Last(year));

    /// <summary>Research topics ordered or assigned: contract dated in the year.</summary>
    public static IQueryable<ResearchTopic> OrderedIn(ParticipationDbContext db, int year) => db.ResearchTopics.IgnoreQueryFilters().AsNoTracking()
        .Where(t => t.ContractDate >= First(year) && t.ContractDate <= Last(year));

    /// <summary>Research topics accepted (Xuất sắc, Khá or Đạt) by a decision dated in the year.</summary>
    public static IQueryable<ResearchTopic> AcceptedIn(ParticipationDbContext db, int year) => db.ResearchTopics.IgnoreQueryFilters().AsNoTracking()
        .Where(t => t.Rating != null && t.Rating != AcceptanceRating.Fail && t.DecisionDate >= First(year) && t.DecisionDate <= Last(year));

    /// <summary>Commendation proposals approved by a decision dated in the year.</summary>
    public static IQueryable<CommendationProposal> DecidedIn(ParticipationDbContext db, int year) => db.CommendationProposals.IgnoreQueryFilters().AsNoTracking()
        .Where(p => p.Status == ProposalStatus.Approved && p.DecisionDate >= First(year) && p.DecisionDate <= Last(year));
}

/// <summary>
/// The records behind the innovation figures of the plan dashboard: the initiatives applied for or recognised (with
/// their yearly benefit), the research topics ordered or accepted, and the commendation decisions with the people or
/// collectives they honoured — each counted for its unit exactly as the indicator's source counts it.
/// </summary>
internal sealed class InnovationIndicatorRecords(ParticipationDbContext db) : IReportIndicatorRecords
{
    public IReadOnlyCollection<string> Keys { get; } =
    [
        InitiativesSubmittedSource.SourceKey, InitiativesRecognisedSource.SourceKey, InitiativeBenefitSource.SourceKey,
        TopicsOrderedSource.SourceKey, TopicsAcceptedSource.SourceKey, HonouredSource.PeopleKey, HonouredSource.CollectivesKey,
    ];

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(string key, IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct)
    {
        var units = unitIds.ToHashSet();
        List<IndicatorRecord> rows = key switch
        {
            InitiativesSubmittedSource.SourceKey => [.. (await InnovationFigures.SubmittedIn(db, year)
                    .Select(i => new { i.Id, i.Title, i.UnitId, At = i.SubmittedAtUtc!.Value, i.YearlyBenefit }).ToListAsync(ct))
                .Select(i => new IndicatorRecord("initiative", i.Id, i.Title, DateOnly.FromDateTime(VietnamTime.ToLocal(i.At)), i.UnitId, 1, i.YearlyBenefit))],
            InitiativesRecognisedSource.SourceKey or InitiativeBenefitSource.SourceKey => [.. (await InnovationFigures.RecognisedIn(db, year)
                    .Select(i => new { i.Id, i.Title, i.UnitId, i.DecisionDate, i.YearlyBenefit, i.CertificateNumber }).ToListAsync(ct))
                .Select(i => new IndicatorRecord("initiative", i.Id, i.Title, i.DecisionDate, i.UnitId,
                    key == InitiativeBenefitSource.SourceKey ? i.YearlyBenefit : 1, i.YearlyBenefit, i.CertificateNumber))],
            TopicsOrderedSource.SourceKey => [.. (await InnovationFigures.OrderedIn(db, year)
                    .Select(t => new { t.Id, t.Title, t.UnitId, t.ContractDate, t.LeadName }).ToListAsync(ct))
                .Select(t => new IndicatorRecord("research-topic", t.Id, t.Title, t.ContractDate, t.UnitId, 1, null, t.LeadName))],
            TopicsAcceptedSource.SourceKey => [.. (await InnovationFigures.AcceptedIn(db, year)
                    .Select(t => new { t.Id, t.Title, t.UnitId, t.DecisionDate, t.Rating, t.DecisionNumber }).ToListAsync(ct))
                .Select(t => new IndicatorRecord("research-topic", t.Id, t.Title, t.DecisionDate, t.UnitId, 1, null, t.DecisionNumber))],
            HonouredSource.PeopleKey or HonouredSource.CollectivesKey => await HonouredAsync(
                key == HonouredSource.PeopleKey ? NomineeKind.Person : NomineeKind.Unit, year, ct),
            _ => [],
        };
        return [.. rows.Where(r => units.Contains(r.UnitId))];
    }

    /// <summary>One record per decision, worth the people (or collectives) it honoured on the unit's proposal.</summary>
    private async Task<List<IndicatorRecord>> HonouredAsync(NomineeKind kind, int year, CancellationToken ct)
    {
        var decisions = await InnovationFigures.DecidedIn(db, year)
            .Select(p => new
            {
                p.Id, p.UnitId, p.DecisionNumber, p.DecisionDate, p.Issuer,
                Names = p.Nominees.Where(n => n.Kind == kind).OrderBy(n => n.Order).Select(n => n.Name).ToList(),
            }).ToListAsync(ct);
        return [.. decisions.Where(d => d.Names.Count > 0).Select(d => new IndicatorRecord("commendation", d.Id,
            Localized.Text($"Decision {d.DecisionNumber}", $"Quyết định số {d.DecisionNumber}") + (d.Issuer is null ? "" : $" ({d.Issuer})"),
            d.DecisionDate, d.UnitId, d.Names.Count, null, string.Join(", ", d.Names)))];
    }
}

using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Integrations;

/// <summary>
/// What the innovation pipeline feeds into the annual report and the plan dashboard (issue 12 "Everywhere", issue 13
/// "Indicators"): initiatives applied for and recognised with their yearly benefit, research topics ordered and
/// accepted, people and collectives honoured. Each value is the unit's own — the unit where the initiative was made,
/// the unit that proposed the topic or the commendation — as <see cref="IReportIndicatorSource"/> asks: the synthesis
/// and the dashboard add units up over a subtree. A unit with nothing that year gets no value, so its report is not
/// pre-filled with a zero it never stated. The caller has already limited <c>unitIds</c> to its scope, so the
/// module's own scope filter is not applied a second time (a council member's narrower view must not shrink a report).
/// Each source adds its records up per unit in the database (<c>GROUP BY</c> the unit, <c>COUNT</c> or the exact decimal
/// sum), so a year of the whole province comes back as one row per unit, not one per record (issue #15: the plan
/// dashboard's first read after a write, which recomputes these for every year of the plan).
/// </summary>
internal abstract class InnovationSource(ParticipationDbContext db) : IReportIndicatorSource
{
    public abstract string Key { get; }
    public abstract string Description { get; }

    protected ParticipationDbContext Db { get; } = db;

    /// <summary>The (unit, value) rows of the year, added up per unit in the database; several rows of a unit are added up.</summary>
    protected abstract Task<List<(Guid UnitId, decimal Value)>> RowsAsync(int year, CancellationToken ct);

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct)
    {
        var wanted = unitIds.ToHashSet();
        var result = new Dictionary<Guid, decimal>();
        foreach (var (unitId, value) in await RowsAsync(year, ct))
            if (wanted.Contains(unitId)) result[unitId] = result.GetValueOrDefault(unitId) + value;
        return result;
    }

    /// <summary>The initiatives recognised by a decision dated in the year (the count and the benefit read the same ones).</summary>
    protected IQueryable<Initiative> RecognisedIn(int year) => InnovationFigures.RecognisedIn(Db, year);

    /// <summary>The records counted per unit, in the database.</summary>
    protected static async Task<List<(Guid UnitId, decimal Value)>> CountedAsync(IQueryable<Guid> unitIds, CancellationToken ct) =>
        [.. (await unitIds.GroupBy(u => u).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).Select(r => (r.Key, (decimal)r.Count))];
}

/// <summary>Applications for recognition submitted in the year (Vietnam time), less those withdrawn.</summary>
internal sealed class InitiativesSubmittedSource(ParticipationDbContext db) : InnovationSource(db)
{
    public const string SourceKey = "participation.initiatives-submitted";
    public override string Key => SourceKey;
    public override string Description => Localized.Text(
        "Initiatives and technical improvements the unit's people applied to have recognised in the year (withdrawn applications left out).",
        "Số sáng kiến, cải tiến kỹ thuật được nộp đơn yêu cầu công nhận tại đơn vị trong năm (không tính đơn đã rút).");

    protected override Task<List<(Guid UnitId, decimal Value)>> RowsAsync(int year, CancellationToken ct) =>
        CountedAsync(InnovationFigures.SubmittedIn(Db, year).Select(i => i.UnitId), ct);
}

/// <summary>Initiatives recognised by a decision dated in the year.</summary>
internal sealed class InitiativesRecognisedSource(ParticipationDbContext db) : InnovationSource(db)
{
    public const string SourceKey = "participation.initiatives-recognised";
    public override string Key => SourceKey;
    public override string Description => Localized.Text(
        "Initiatives of the unit recognised by a decision dated in the year.",
        "Số sáng kiến của đơn vị được công nhận theo quyết định ban hành trong năm.");

    protected override Task<List<(Guid UnitId, decimal Value)>> RowsAsync(int year, CancellationToken ct) =>
        CountedAsync(RecognisedIn(year).Select(i => i.UnitId), ct);
}

/// <summary>The yearly benefit (VND, exact) stated in the applications of the initiatives recognised in the year.</summary>
internal sealed class InitiativeBenefitSource(ParticipationDbContext db) : InnovationSource(db)
{
    public const string SourceKey = "participation.initiative-benefit";
    public override string Key => SourceKey;
    public override string Description => Localized.Text(
        "Yearly benefit (VND) of the unit's initiatives recognised in the year, as stated in their applications.",
        "Giá trị làm lợi mỗi năm (đồng) của các sáng kiến của đơn vị được công nhận trong năm, theo đơn yêu cầu công nhận.");

    // Added up per unit in the database, exactly: SQL Server's SUM over decimal(18,2); on SQLite, EF Core's ef_sum, which
    // adds the stored values up as .NET decimals (SQLite's own SUM would go through floating point).
    protected override async Task<List<(Guid UnitId, decimal Value)>> RowsAsync(int year, CancellationToken ct) =>
        [.. (await RecognisedIn(year).GroupBy(i => i.UnitId).Select(g => new { g.Key, Benefit = g.Sum(i => i.YearlyBenefit) }).ToListAsync(ct))
            .Select(r => (r.Key, r.Benefit))];
}

/// <summary>Research topics ordered or assigned (đặt hàng, giao): those whose contract is dated in the year.</summary>
internal sealed class TopicsOrderedSource(ParticipationDbContext db) : InnovationSource(db)
{
    public const string SourceKey = "participation.topics-ordered";
    public override string Key => SourceKey;
    public override string Description => Localized.Text(
        "Research topics the unit proposed that were ordered or assigned in the year (contract dated in the year).",
        "Số đề tài, nhiệm vụ nghiên cứu do đơn vị đề xuất được đặt hàng, giao thực hiện trong năm (hợp đồng ký trong năm).");

    protected override Task<List<(Guid UnitId, decimal Value)>> RowsAsync(int year, CancellationToken ct) =>
        CountedAsync(InnovationFigures.OrderedIn(Db, year).Select(t => t.UnitId), ct);
}

/// <summary>Research topics accepted (nghiệm thu: Xuất sắc, Khá or Đạt) by a decision dated in the year.</summary>
internal sealed class TopicsAcceptedSource(ParticipationDbContext db) : InnovationSource(db)
{
    public const string SourceKey = "participation.topics-accepted";
    public override string Key => SourceKey;
    public override string Description => Localized.Text(
        "Research topics of the unit accepted (Excellent, Good or Pass) by a decision dated in the year.",
        "Số đề tài của đơn vị được nghiệm thu (Xuất sắc, Khá hoặc Đạt) theo quyết định ban hành trong năm.");

    protected override Task<List<(Guid UnitId, decimal Value)>> RowsAsync(int year, CancellationToken ct) =>
        CountedAsync(InnovationFigures.AcceptedIn(Db, year).Select(t => t.UnitId), ct);
}

/// <summary>People (or collectives) honoured by the commendation decisions dated in the year, counted by the proposing unit.</summary>
internal sealed class HonouredSource(ParticipationDbContext db, NomineeKind kind) : InnovationSource(db)
{
    public const string PeopleKey = "participation.people-honoured";
    public const string CollectivesKey = "participation.collectives-honoured";
    public override string Key => kind == NomineeKind.Person ? PeopleKey : CollectivesKey;
    public override string Description => kind == NomineeKind.Person
        ? Localized.Text("People honoured by commendation decisions dated in the year, on the unit's proposals.",
            "Số cá nhân được khen thưởng theo quyết định ban hành trong năm, trên đề nghị của đơn vị.")
        : Localized.Text("Collectives honoured by commendation decisions dated in the year, on the unit's proposals.",
            "Số tập thể được khen thưởng theo quyết định ban hành trong năm, trên đề nghị của đơn vị.");

    protected override async Task<List<(Guid UnitId, decimal Value)>> RowsAsync(int year, CancellationToken ct) =>
        [.. (await InnovationFigures.DecidedIn(Db, year)
            .Select(p => new { p.UnitId, Count = p.Nominees.Count(n => n.Kind == kind) }).ToListAsync(ct))
            .Where(r => r.Count > 0).Select(r => (r.UnitId, (decimal)r.Count))];
}

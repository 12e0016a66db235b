using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.Organization.Features.Reports;
using Khcn.Organization.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Dashboard;

/// <summary>A unit of the chosen subtree and the unit directly below the root it lies under (null for the root itself).</summary>
internal sealed record SubtreeMember(Guid Id, Guid? BranchId);

/// <summary>The chosen unit, every unit of its subtree (merged and dissolved ones too: their records stay theirs and roll up), and its direct sub-units.</summary>
internal sealed record DashboardSubtree(UnionUnit Root, IReadOnlyList<SubtreeMember> Members, IReadOnlyList<UnionUnitRow> Children)
{
    public IReadOnlyList<Guid> Ids { get; } = Members.Select(m => m.Id).ToList();
}

internal sealed record UnionUnitRow(Guid Id, string Code, string Name, UnitKind Kind, bool HasChildren);

/// <summary>The sources of one module (<c>Module</c>: its assembly's name, "" for sources of no stamped module) and the module's data stamp, read now.</summary>
internal sealed record FigureGroup(string Module, string Stamp, IReadOnlyList<IReportIndicatorSource> Sources);

/// <summary>The data stamps of a dashboard read: Organization's (the subtree, plan and shares) and each module's, with its sources.</summary>
internal sealed record DashboardStamps(string Organization, IReadOnlyList<FigureGroup> Groups);

/// <summary>How an indicator is shown: the standard report template's wording when it uses the source, else the source's description.</summary>
internal sealed record IndicatorLabel(string Key, string Name, string Section, string? Measure, int Order);

/// <summary>
/// The figures of the dashboard, all from the registered <see cref="IReportIndicatorSource"/>s — the definitions the
/// annual report is pre-filled with — added up over a subtree (a source's value is the unit's own figure), so the
/// dashboard, the report and the synthesis never disagree. A new source registered by any module appears here by itself.
/// </summary>
internal sealed class DashboardFigures(OrganizationDbContext db, ReportPrefill prefill, TimeProvider clock,
    IEnumerable<IIndicatorDataStamp> stamps, IEnumerable<IReportIndicatorRecords> records)
{
    private readonly IReadOnlyList<IIndicatorDataStamp> _stamps = stamps.ToList();
    private readonly IReadOnlyList<IReportIndicatorRecords> _records = records.ToList();

    public TimeProvider Clock => clock;

    /// <summary>
    /// The modules' data stamps, read now (one module context each, one after another), and the sources each one covers:
    /// a module's stamp and its sources live in the module's assembly. A source of an assembly without a stamp is kept
    /// under all the stamps together, so it is never stale. The figures of a group stay valid while its stamp does.
    /// </summary>
    public async Task<DashboardStamps> StampsAsync(CancellationToken ct)
    {
        var read = new List<(System.Reflection.Assembly Module, Guid Value)>(_stamps.Count);
        foreach (var stamp in _stamps) read.Add((stamp.GetType().Assembly, await stamp.ReadAsync(ct)));
        var byModule = read.GroupBy(s => s.Module).ToDictionary(g => g.Key, g => string.Join(',', g.Select(s => s.Value)));
        var all = string.Join(',', read.Select(s => s.Value));
        var organization = byModule.GetValueOrDefault(typeof(DashboardFigures).Assembly)
                           ?? throw new InvalidOperationException("The Organization module registers no data stamp.");
        var groups = Sources.GroupBy(s => byModule.ContainsKey(s.GetType().Assembly) ? s.GetType().Assembly.GetName().Name! : "")
            .Select(g => new FigureGroup(g.Key, g.Key == "" ? all : byModule[g.First().GetType().Assembly], g.ToList())).ToList();
        return new DashboardStamps(organization, groups);
    }

    /// <summary>The unit the caller asked for, else the caller's first granted unit (the province for the unrestricted); 404 outside scope.</summary>
    public async Task<Guid> ChosenUnitAsync(Guid? unitId, CancellationToken ct)
    {
        var id = unitId ?? (db.Access.Unrestricted
            ? await db.Units.IgnoreQueryFilters().Where(u => u.ParentId == null).Select(u => u.Id).FirstOrDefaultAsync(ct)
            : db.Access.Grants.Select(g => g.UnitId).FirstOrDefault());
        if (!db.Access.CanSee(id)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), id);
        return id;
    }

    /// <summary>The module that lists the records behind <paramref name="key"/>, or null when no module does.</summary>
    public IReportIndicatorRecords? RecordsOf(string key) => _records.FirstOrDefault(r => r.Keys.Contains(key));

    public IReadOnlyList<IReportIndicatorSource> Sources => prefill.Sources;

    public int DefaultYear() => VietnamTime.Today(clock).Year;

    /// <summary>The unit whose subtree to show: the chosen one (404 outside scope), else the caller's first granted unit.</summary>
    public async Task<DashboardSubtree> SubtreeAsync(Guid? unitId, CancellationToken ct)
    {
        var id = unitId ?? (db.Access.Unrestricted
            ? await db.Units.IgnoreQueryFilters().Where(u => u.ParentId == null).Select(u => u.Id).FirstOrDefaultAsync(ct)
            : db.Access.Grants.Select(g => g.UnitId).FirstOrDefault());
        var root = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)
                   ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), id);
        var units = await db.Units.AsNoTracking().WhereUnder(u => u.Path, root.Path)
            .Select(u => new { u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path }).ToListAsync(ct);
        var childLength = root.Path.Length + UnionUnit.PathPrefixOf(Guid.Empty).Length - 1;
        var children = units.Where(u => u.ParentId == root.Id).ToList();
        var childByPath = children.ToDictionary(c => c.Path, c => c.Id);
        var members = units.Select(u => new SubtreeMember(u.Id,
            u.Id == root.Id || u.Path.Length <= root.Path.Length ? null : childByPath.GetValueOrDefault(u.Path[..childLength]))).ToList();
        var parents = units.Where(u => u.ParentId is not null).Select(u => u.ParentId!.Value).ToHashSet();
        var vietnamese = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false);
        var rows = children.OrderBy(c => c.Name, vietnamese).Select(c => new UnionUnitRow(c.Id, c.Code, c.Name, c.Kind, parents.Contains(c.Id))).ToList();
        return new DashboardSubtree(root, members, rows);
    }

    /// <summary>Every source's label, in the standard template's order, then the sources no template line uses.</summary>
    public IReadOnlyList<IndicatorLabel> Labels()
    {
        var template = DefaultTemplate.Indicators.Select((i, n) => (i, n)).Where(x => x.i.Source is not null)
            .GroupBy(x => x.i.Source!).ToDictionary(g => g.Key, g => g.First());
        var other = Localized.Text("Other figures", "Số liệu khác");
        return Sources.Select(s => template.TryGetValue(s.Key, out var t)
                ? new IndicatorLabel(s.Key, t.i.Name, t.i.Section, t.i.Measure, t.n)
                : new IndicatorLabel(s.Key, s.Description, other, null, int.MaxValue))
            .OrderBy(l => l.Order).ThenBy(l => l.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>A source's value for every unit of the subtree that has one (the source reads each unit's own records).</summary>
    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReportIndicatorSource source, DashboardSubtree subtree, int year, CancellationToken ct) =>
        await source.ValuesAsync(subtree.Ids, year, ct);

    /// <summary>Values added up per part of the subtree: <see cref="Guid.Empty"/> for the root's own records, else the direct sub-unit's id.</summary>
    public static Dictionary<Guid, decimal> ByBranch(DashboardSubtree subtree, IReadOnlyDictionary<Guid, decimal> values) =>
        subtree.Members.GroupBy(m => m.BranchId ?? Guid.Empty).ToDictionary(g => g.Key, g => g.Sum(m => values.GetValueOrDefault(m.Id)));

    /// <summary>The provincial plan (the root unit's plan whose period covers the year, the latest issued), with its indicators.</summary>
    public async Task<Plan?> ProvincialPlanAsync(int year, CancellationToken ct)
    {
        var rootId = await db.Units.IgnoreQueryFilters().Where(u => u.ParentId == null).Select(u => u.Id).FirstOrDefaultAsync(ct);
        return await Access.PlanVisibility.Readable(db).AsNoTracking().Include(p => p.Indicators)
            .Where(p => p.UnitId == rootId && p.PeriodFrom <= year && p.PeriodTo >= year)
            .OrderByDescending(p => p.IssuedOn).FirstOrDefaultAsync(ct);
    }

    public IndicatorLabel Label(string key) =>
        Labels().FirstOrDefault(l => l.Key == key) ?? throw new NotFoundException(Localized.Text("Indicator", "chỉ tiêu"), key);

    public IReportIndicatorSource Source(string key) =>
        Sources.FirstOrDefault(s => s.Key == key) ?? throw new NotFoundException(Localized.Text("Indicator", "chỉ tiêu"), key);
}

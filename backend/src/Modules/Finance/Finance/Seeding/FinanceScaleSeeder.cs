using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Finance.Features.Reconciliation;
using Khcn.Organization.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Khcn.Finance.Seeding;

/// <summary>
/// Finance's part of the province-scale benchmark dataset (<c>Seed:Scale=true</c>, `make seed-scale`): for the province
/// and each unit directly under it, over the last three years (the unit-years the demo has not taken), four funding
/// sources (a sponsor with its pledge and yearly receipts), an approved budget by purpose × source, and about
/// <c>Seed:ScaleAllocations</c> (10,000) allocations in all — mixed sources for research topics and awareness —, with
/// their tranches: the closed years' all paid and settled (some rejected on the way, some finals short of the
/// remainder) and the years closed; the current year's in every state (allocated only, requested, approved, paid,
/// rejected and requested again, settled). About 200,000 ledger entries. Every posting goes through
/// <see cref="ScaleMoneySteps"/> (the use cases' movements, <see cref="Ledger.Entries"/>); the allocations carry a
/// label and no target record (Finance holds no scale topic, course or initiative ids: the scale seeds of those modules
/// publish no obligations). Deterministic (fixed random seed); skipped when already there; saved one unit at a time
/// with the change tracker cleared; then reconciled, and the seed fails when anything drifts.
/// </summary>
internal sealed class FinanceScaleSeeder(FinanceDbContext db, IMediator mediator, IUserDirectory users, TimeProvider clock, ILogger<FinanceScaleSeeder> log)
    : IModuleSeeder
{
    private const string Mark = "(dữ liệu quy mô)";

    private static readonly string[] Subjects =
    [
        "Giải pháp giảm tai nạn lao động", "Tư vấn pháp luật cho công nhân", "Chuyển đổi số trong quản lý đoàn viên", "Đời sống lao động nữ",
        "Nhà ở cho công nhân", "Thương lượng tập thể", "Tiết kiệm điện năng trong sản xuất", "Phát triển đoàn viên khu vực ngoài nhà nước",
    ];
    private static readonly string[] Scopes = ["khu công nghiệp", "doanh nghiệp dệt may", "doanh nghiệp điện tử", "khối hành chính sự nghiệp", "doanh nghiệp FDI", "làng nghề"];

    private readonly Random _random = new(1414);

    public int Order => 45;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || !options.Scale || options.ScaleAllocations <= 0) return;
        if (await db.Budgets.IgnoreQueryFilters().AnyAsync(b => b.Note != null && b.Note.EndsWith(Mark), ct)) return;
        var root = await mediator.Send(new GetRootUnit(), ct);
        if (root is null) return;
        var ids = (await mediator.Send(new GetSubtreeUnitIds(root.Id), ct)).Select(u => u.UnitId).ToList();
        var units = (await mediator.Send(new GetUnitSummaries(ids), ct)).Where(u => u.Id == root.Id || u.ParentId == root.Id)
            .OrderBy(u => u.ParentId is null ? 0 : 1).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        var today = VietnamTime.Today(clock);
        int[] years = [today.Year - 2, today.Year - 1, today.Year];
        var taken = (await db.FiscalYears.IgnoreQueryFilters().Select(f => new { f.UnitId, f.Year }).ToListAsync(ct)).Select(f => (f.UnitId, f.Year)).ToHashSet();
        var unitYears = units.Sum(u => years.Count(y => !taken.Contains((u.Id, y))));
        if (unitYears == 0) return;
        var perUnitYear = Math.Max(1, options.ScaleAllocations / unitYears);

        var province = await AccountAsync("taichinh@hungyen.demo", "Phạm Văn Tài chính", ct);
        var second = await AccountAsync("ketoan@hungyen.demo", "Đinh Thị Kế toán", ct);
        var started = DateTime.UtcNow;
        var ledger = new SeedLedger();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var unit in units)
        {
            var unitYearsHere = years.Where(y => !taken.Contains((unit.Id, y))).ToList();
            if (unitYearsHere.Count == 0) continue;
            var officer = unit.Id == root.Id ? province
                : unit.Code == "VANLAM" ? await AccountAsync("taichinh.vanlam@hungyen.demo", "Lý Văn Tài vụ", ct)
                : unit.Code == "MYHAO" ? await AccountAsync("taichinh.myhao@hungyen.demo", "Mai Thị Ngân quỹ", ct)
                : new Actor(UnitOfficerId(unit.Id), $"Cán bộ tài chính {unit.Code}");
            var approver = unit.Id == root.Id ? second : province;
            var steps = new ScaleMoneySteps(db, ledger);
            var sources = await SourcesAsync(unit, ct);
            var plans = unitYearsHere.ToDictionary(y => y, y => Plan(unit, y, perUnitYear * (unit.Id == root.Id ? 2 : 1), sources));
            if (sources.Sponsor is { } sponsor && sources.SponsorIsNew
                && plans.ToDictionary(p => p.Key, p => p.Value.Lines.Where(l => l.Source == sponsor.Id).Sum(l => l.Amount)) is var needs && needs.Values.Sum() > 0)
            {
                steps.Pledge(sponsor, RoundUp(needs.Values.Sum() * 1.1m), new DateOnly(unitYearsHere[0], 1, 15), officer);
                foreach (var (year, need) in needs.Where(n => n.Value > 0))
                    steps.Receive(sponsor, need, new DateOnly(year, 2, 1), $"PT-{year}-{unit.Code}-01", officer);
            }
            foreach (var year in unitYearsHere)
            {
                var fiscal = FiscalYear.Open(unit.Id, year);
                db.FiscalYears.Add(fiscal);
                var budget = Budget.Draft(unit.Id, year, $"Dự toán kinh phí KH,CN&ĐMST năm {year} {Mark}",
                    plans[year].Lines.Select(l => (l.Purpose, l.Source, l.Amount)).ToList(), officer);
                steps.ApproveBudget(budget, officer, approver, At(year, 0.05, today));
                var lines = budget.Lines.ToDictionary(l => (l.Purpose, l.SourceId));
                var n = 0;
                foreach (var plan in plans[year].Allocations)
                {
                    var allocatedAt = At(year, 0.1 + 0.4 * _random.NextDouble(), today);
                    var a = steps.Allocate(budget, plan.Purpose, plan.Kind, plan.Label, [.. plan.Parts.Select(p => (lines[(plan.Purpose, p.Source)], p.Amount))], officer, allocatedAt);
                    var voucher = $"PC-{year}-{unit.Code}-{++n:00000}";
                    if (year < today.Year) ClosedYear(steps, a, allocatedAt, officer, approver, voucher);
                    else CurrentYear(steps, a, allocatedAt, officer, approver, voucher, today);
                }
                if (year < today.Year) fiscal.Close(approver.Name, new DateTime(year + 1, 1, 31, 3, 0, 0, DateTimeKind.Utc));
            }
            var (entries, balances) = ledger.TakeBatch();
            db.LedgerEntries.AddRange(entries);
            db.Balances.AddRange(balances);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            ledger.Forget();
            log.LogInformation("Finance scale seed: {Unit} done ({Allocations} allocations, {Tranches} tranches, {Entries} entries)", unit.Code, steps.Allocations, steps.Tranches, entries.Count);
        }
        var report = await mediator.Send(new Reconcile(), ct);
        log.LogWarning("Finance scale seed: {Entries} ledger entries in {Seconds:0} s; reconciliation over {Transactions} transactions: {Result}",
            ledger.Posted, (DateTime.UtcNow - started).TotalSeconds, report.Transactions, report.Balanced ? "balanced" : $"{report.Drifts.Count} drifts");
        if (!report.Balanced)
            throw new InvalidOperationException($"The finance scale seed does not reconcile: {string.Join("; ", report.Drifts.Take(5).Select(d => $"{d.Check} {d.SubjectId}: {d.Expected} ≠ {d.Actual}"))}");
    }

    /// <summary>Closed years: an advance and a final (some short of the remainder, a few after a rejected milestone), all paid, then settled.</summary>
    private void ClosedYear(ScaleMoneySteps steps, Allocation a, DateTime t0, Actor officer, Actor approver, string voucher)
    {
        var advanceAt = t0.AddDays(_random.Next(10, 40));
        var advance = steps.Request(a, TrancheKind.Advance, Share(a.Amount, 0.4, 0.7), officer, advanceAt);
        steps.Approve(advance, approver, advanceAt.AddDays(2));
        steps.Pay(a, advance, voucher + "-1", advanceAt.AddDays(5), officer);
        var finalAt = new DateTime(a.Year, 9, 1, 2, 0, 0, DateTimeKind.Utc).AddDays(_random.Next(0, 70));
        if (_random.Next(100) < 8)
        {
            var rejected = steps.Request(a, TrancheKind.Milestone, Share(a.Amount - advance.Amount, 0.3, 0.6), officer, finalAt.AddDays(-20));
            steps.Reject(a, rejected, "Hồ sơ thanh toán chưa đủ chứng từ", approver, finalAt.AddDays(-18));
        }
        var rest = a.Amount - advance.Amount;
        var final = steps.Request(a, TrancheKind.Final, _random.Next(100) < 15 ? Share(rest, 0.7, 0.95) : rest, officer, finalAt);
        steps.Approve(final, approver, finalAt.AddDays(2));
        steps.Pay(a, final, voucher + "-2", finalAt.AddDays(6), officer);
        steps.Settle(a, Share(advance.Amount + final.Amount, 0.85, 1.0), officer, new DateTime(a.Year, 12, 20, 2, 0, 0, DateTimeKind.Utc));
    }

    /// <summary>The current year: every state a tranche can be in, and some allocations settled early.</summary>
    private void CurrentYear(ScaleMoneySteps steps, Allocation a, DateTime t0, Actor officer, Actor approver, string voucher, DateOnly today)
    {
        var end = today.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        DateTime Between(DateTime from, double share) => from.AddDays(Math.Max(0, (end - from).TotalDays * share));
        var roll = _random.Next(100);
        if (roll < 15) return;
        var advanceAt = Between(t0, 0.1 + 0.2 * _random.NextDouble());
        var advance = steps.Request(a, TrancheKind.Advance, Share(a.Amount, 0.3, 0.6), officer, advanceAt);
        if (roll < 30) return;
        if (roll < 40)
        {
            steps.Reject(a, advance, "Thiếu dự toán chi tiết kèm theo", approver, Between(advanceAt, 0.05));
            advanceAt = Between(advanceAt, 0.1);
            advance = steps.Request(a, TrancheKind.Advance, Share(a.Amount, 0.3, 0.5), officer, advanceAt);
        }
        steps.Approve(advance, approver, Between(advanceAt, 0.02));
        if (roll < 50) return;
        var paidAt = Between(advanceAt, 0.05);
        steps.Pay(a, advance, voucher + "-1", paidAt, officer);
        if (roll < 60) return;
        var milestoneAt = Between(paidAt, 0.3 + 0.4 * _random.NextDouble());
        var milestone = steps.Request(a, TrancheKind.Milestone, Share(a.Amount - advance.Amount, 0.3, 0.6), officer, milestoneAt);
        if (roll < 72) return;
        steps.Approve(milestone, approver, Between(milestoneAt, 0.05));
        if (roll < 82) return;
        steps.Pay(a, milestone, voucher + "-2", Between(milestoneAt, 0.1), officer);
        if (roll < 90) return;
        steps.Settle(a, Share(advance.Amount + milestone.Amount, 0.9, 1.0), officer, Between(milestoneAt, 0.5));
    }

    private sealed record Part(Guid Source, decimal Amount);
    private sealed record AllocationPlan(BudgetPurpose Purpose, AllocationTargetKind Kind, string Label, IReadOnlyList<Part> Parts);
    private sealed record YearPlan(IReadOnlyList<(BudgetPurpose Purpose, Guid Source, decimal Amount)> Lines, IReadOnlyList<AllocationPlan> Allocations);

    /// <summary>A unit-year's allocations (purposes weighted as a federation spends) and the budget lines that cover them with 5–20% to spare.</summary>
    private YearPlan Plan(UnitSummary unit, int year, int count, UnitSources s)
    {
        var allocations = new List<AllocationPlan>();
        for (var i = 1; i <= count; i++)
        {
            var roll = _random.Next(100);
            var (purpose, kind) = roll switch
            {
                < 30 => (BudgetPurpose.ResearchTopics, AllocationTargetKind.ResearchTopic),
                < 50 => (BudgetPurpose.Training, AllocationTargetKind.Course),
                < 65 => (BudgetPurpose.Awareness, AllocationTargetKind.Campaign),
                < 80 => (BudgetPurpose.EmulationAndAwards, AllocationTargetKind.Commendation),
                < 95 => (BudgetPurpose.InitiativeRemuneration, AllocationTargetKind.InitiativeRemuneration),
                _ => (BudgetPurpose.Operations, AllocationTargetKind.Other),
            };
            var parts = new List<Part>();
            switch (purpose)
            {
                case BudgetPurpose.ResearchTopics:
                    parts.Add(new(s.State.Id, _random.Next(10, 120) * 1_000_000m));
                    if (_random.Next(100) < 60) parts.Add(new(s.Union.Id, _random.Next(5, 60) * 1_000_000m));
                    if (s.Sponsor is { } sponsor && _random.Next(100) < 25) parts.Add(new(sponsor.Id, _random.Next(2, 20) * 1_000_000m));
                    break;
                case BudgetPurpose.Awareness:
                    parts.Add(new(s.Union.Id, _random.Next(4, 40) * 500_000m));
                    if (_random.Next(100) < 40) parts.Add(new(s.Other.Id, _random.Next(2, 20) * 500_000m));
                    break;
                default:
                    parts.Add(new(s.Union.Id, _random.Next(4, 60) * 500_000m));
                    break;
            }
            var subject = Subjects[_random.Next(Subjects.Length)];
            var scope = Scopes[_random.Next(Scopes.Length)];
            var label = kind switch
            {
                AllocationTargetKind.ResearchTopic => $"Đề tài: {subject} tại {scope}",
                AllocationTargetKind.Course => $"Lớp bồi dưỡng: {subject.ToLowerInvariant()} cho cán bộ công đoàn",
                AllocationTargetKind.Campaign => $"Tuyên truyền: {subject.ToLowerInvariant()} tại {scope}",
                AllocationTargetKind.Commendation => $"Khen thưởng phong trào \"Lao động giỏi – Lao động sáng tạo\" khối {scope}",
                AllocationTargetKind.InitiativeRemuneration => $"Thù lao sáng kiến của người lao động tại {scope}",
                _ => "Hoạt động của Hội đồng KH,CN&ĐMST",
            };
            allocations.Add(new(purpose, kind, $"{label} ({unit.Code} {year}, số {i}) {Mark}", parts));
        }
        var lines = allocations.SelectMany(a => a.Parts.Select(p => (a.Purpose, p.Source, p.Amount)))
            .GroupBy(x => (x.Purpose, x.Source))
            .Select(g => (g.Key.Purpose, g.Key.Source, RoundUp(g.Sum(x => x.Amount) * (1.05m + _random.Next(16) / 100m))))
            .OrderBy(l => l.Purpose).ThenBy(l => l.Source).ToList();
        return new YearPlan(lines, allocations);
    }

    private sealed record UnitSources(FundingSource Union, FundingSource State, FundingSource Other, FundingSource? Sponsor, bool SponsorIsNew);

    /// <summary>The unit's sources: the demo's where it has them (its sponsor then left out: its money is the demo's), else four new ones.</summary>
    private async Task<UnitSources> SourcesAsync(UnitSummary unit, CancellationToken ct)
    {
        var existing = await db.FundingSources.IgnoreQueryFilters().AsNoTracking().Where(s => s.UnitId == unit.Id).OrderBy(s => s.Id).ToListAsync(ct);
        FundingSource? Of(FundingSourceKind kind) => existing.FirstOrDefault(s => s.Kind == kind);
        if (Of(FundingSourceKind.UnionFunds) is { } u && Of(FundingSourceKind.StateBudget) is { } st && Of(FundingSourceKind.Other) is { } o)
            return new UnitSources(u, st, o, null, false);
        var union = FundingSource.Create(unit.Id, FundingSourceKind.UnionFunds, "Kinh phí công đoàn", null, null, null, "Trích từ nguồn tài chính công đoàn của đơn vị");
        var state = FundingSource.Create(unit.Id, FundingSourceKind.StateBudget, "Ngân sách KH&CN qua Sở KH&CN", $"Chương trình KH&CN tỉnh — HĐ {unit.Code}/HĐ-SKHCN", null, null, null);
        var sponsor = FundingSource.Create(unit.Id, FundingSourceKind.Sponsor, "Tài trợ xã hội hoá", null, $"Công ty TNHH Đối tác {unit.Code}", TaxCode(unit.Code), "Cam kết tài trợ đề tài ứng dụng");
        var other = FundingSource.Create(unit.Id, FundingSourceKind.Other, "Nguồn hợp pháp khác", null, null, null, null);
        db.FundingSources.AddRange(union, state, sponsor, other);
        return new UnitSources(union, state, other, sponsor, true);
    }

    private async Task<Actor> AccountAsync(string email, string name, CancellationToken ct) =>
        await users.FindActiveByEmailAsync(email, ct) is { } user ? new Actor(user.UserId, user.FullName) : new Actor(UnitOfficerId(Guid.Empty, email), name);

    /// <summary>A stand-in officer's id, the same on every run (the units below the province have no finance accounts in the demo).</summary>
    private static Guid UnitOfficerId(Guid unitId, string salt = "officer")
    {
        var bytes = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{unitId}:{salt}"));
        return new Guid(bytes.AsSpan(0, 16));
    }

    /// <summary>A fictional sponsor's tax code whose 10th digit is its check digit.</summary>
    private static string TaxCode(string code)
    {
        for (var n = code.Sum(c => (int)c) * 7919; ; n++)
        {
            var nine = $"0901{n % 100000:00000}";
            if (TaxCodes.CheckDigit(nine) is { } check) return nine + check;
        }
    }

    /// <summary>A share of an amount between two fractions, in whole thousands of đồng (at least 1,000, never more than the amount).</summary>
    private decimal Share(decimal amount, double from, double to)
    {
        var share = (decimal)(from + (to - from) * _random.NextDouble());
        return Math.Min(amount, Math.Max(1_000m, decimal.Floor(amount * share / 1_000m) * 1_000m));
    }

    private static decimal RoundUp(decimal amount) => decimal.Ceiling(amount / 1_000_000m) * 1_000_000m;

    /// <summary>A moment in a year, as a share of the year so far (the whole year when closed).</summary>
    private static DateTime At(int year, double share, DateOnly today)
    {
        var start = new DateTime(year, 1, 1, 2, 0, 0, DateTimeKind.Utc);
        var days = year < today.Year ? 365 : Math.Max(1, today.DayNumber - new DateOnly(year, 1, 1).DayNumber);
        return start.AddDays(Math.Floor(days * share));
    }
}

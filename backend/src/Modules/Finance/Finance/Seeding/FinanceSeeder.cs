using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Organization.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Seeding;

/// <summary>
/// Demo money (Seed:Demo) for the province, Văn Lâm and Mỹ Hào: every source kind; 2024 approved, allocated, paid,
/// settled and closed; 2025 approved and in progress with tranches in every state (requested, approved, paid,
/// rejected by reversal). Posted through the same domain objects and ledger movements as the use cases, so the
/// reconciliation shows zero drift.
/// </summary>
internal sealed class FinanceSeeder(FinanceDbContext db, IMediator mediator, IUserDirectory users, TimeProvider clock) : IModuleSeeder
{
    public int Order => 40;

    // The demo's finance officers. Their ids are the accounts' own (Platform seeds them first), so four-eyes holds on
    // the seeded tranches too: the officer who requested one can't approve it, and their to-dos don't ask them to.
    // The fixed ids are only used when there are no such accounts.
    private static readonly Actor ProvinceOfficer = new(Guid.Parse("0193a000-0000-7000-8000-00000000f001"), "Phạm Văn Tài chính");
    private static readonly Actor ProvinceSecond = new(Guid.Parse("0193a000-0000-7000-8000-00000000f002"), "Đinh Thị Kế toán");
    private static readonly Actor VanLamOfficer = new(Guid.Parse("0193a000-0000-7000-8000-00000000f003"), "Lý Văn Tài vụ");
    private static readonly Actor MyHaoOfficer = new(Guid.Parse("0193a000-0000-7000-8000-00000000f004"), "Mai Thị Ngân quỹ");

    private async Task<Actor> AccountAsync(string email, Actor fallback, CancellationToken ct) =>
        await users.FindActiveByEmailAsync(email, ct) is { } user ? new Actor(user.UserId, user.FullName) : fallback;

    private readonly List<LedgerEntry> _entries = [];
    private readonly Dictionary<Guid, (AccountKind Kind, Guid UnitId, decimal Remaining)> _balances = [];
    private DateTime _now;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.Budgets.IgnoreQueryFilters().AnyAsync(ct)) return;
        _now = clock.GetUtcNow().UtcDateTime;
        var units = new List<(string Code, Guid Id, Actor Officer, Actor Approver, decimal Scale)>();
        var province = await AccountAsync("taichinh@hungyen.demo", ProvinceOfficer, ct);
        var second = await AccountAsync("ketoan@hungyen.demo", ProvinceSecond, ct);
        foreach (var (code, officer, approver, scale) in new[]
                 {
                     ("HY", province, second, 4m),
                     ("VANLAM", await AccountAsync("taichinh.vanlam@hungyen.demo", VanLamOfficer, ct), province, 1m),
                     ("MYHAO", await AccountAsync("taichinh.myhao@hungyen.demo", MyHaoOfficer, ct), province, 1m),
                 })
            if (await mediator.Send(new FindUnitByCode(code), ct) is { } unit) units.Add((code, unit.Id, officer, approver, scale));
        if (units.Count == 0) return;

        foreach (var (code, unitId, officer, approver, scale) in units)
        {
            var sponsorCode = SponsorTaxCode(code);
            var union = FundingSource.Create(unitId, FundingSourceKind.UnionFunds, "Kinh phí công đoàn", null, null, null, "Trích từ nguồn tài chính công đoàn của đơn vị");
            var state = FundingSource.Create(unitId, FundingSourceKind.StateBudget, "Ngân sách KH&CN qua Sở KH&CN", $"Chương trình KH&CN tỉnh — HĐ số {(code == "HY" ? "05" : code == "VANLAM" ? "11" : "17")}/2024/HĐ-SKHCN", null, null, null);
            var sponsor = FundingSource.Create(unitId, FundingSourceKind.Sponsor, "Tài trợ xã hội hoá", null, $"Công ty CP Công nghệ {(code == "HY" ? "Phố Hiến" : code == "VANLAM" ? "Như Quỳnh" : "Phố Nối")}", sponsorCode, "Cam kết tài trợ đề tài ứng dụng");
            var other = FundingSource.Create(unitId, FundingSourceKind.Other, "Nguồn hợp pháp khác", null, null, null, null);
            db.FundingSources.AddRange(union, state, sponsor, other);
            SponsorMoney(sponsor, code, scale, officer);

            foreach (var year in new[] { 2024, 2025 })
            {
                var fiscal = FiscalYear.Open(unitId, year);
                db.FiscalYears.Add(fiscal);
                decimal M(decimal millions) => millions * 1_000_000m * scale;
                var budget = Budget.Draft(unitId, year, $"Dự toán kinh phí KH,CN&ĐMST năm {year}",
                [
                    (BudgetPurpose.ResearchTopics, state.Id, M(120)), (BudgetPurpose.ResearchTopics, union.Id, M(60)), (BudgetPurpose.ResearchTopics, sponsor.Id, M(20)),
                    (BudgetPurpose.Training, union.Id, M(45)), (BudgetPurpose.Awareness, union.Id, M(25)), (BudgetPurpose.Awareness, other.Id, M(10)),
                    (BudgetPurpose.EmulationAndAwards, union.Id, M(40)), (BudgetPurpose.InitiativeRemuneration, union.Id, M(30)),
                    (BudgetPurpose.Operations, union.Id, M(15)),
                ], officer);
                budget.Submit(officer, _now);
                budget.Approve(approver, approverActsForUnitAbove: true, _now);
                db.Budgets.Add(budget);
                foreach (var line in budget.Lines)
                {
                    Post(unitId, year, LedgerEvent.BudgetApproved, budget.Id, $"Dự toán {year}: {line.Purpose}", officer,
                        [new Movement(line.SourceId, line.Amount, AccountKind.Source, line.SourceId, AccountKind.BudgetLine, line.Id)]);
                    _balances[line.Id] = (AccountKind.BudgetLine, unitId, line.Amount);
                }
                BudgetLine Line(BudgetPurpose p, Guid s) => budget.Lines.Single(l => l.Purpose == p && l.SourceId == s);

                var topic = Allocate(budget, BudgetPurpose.ResearchTopics, AllocationTargetKind.ResearchTopic,
                    $"Đề tài: Ứng dụng chuyển đổi số trong quản lý đoàn viên ({year})", officer,
                    (Line(BudgetPurpose.ResearchTopics, state.Id), M(60)), (Line(BudgetPurpose.ResearchTopics, union.Id), M(30)), (Line(BudgetPurpose.ResearchTopics, sponsor.Id), M(10)));
                var course = Allocate(budget, BudgetPurpose.Training, AllocationTargetKind.Course,
                    $"Lớp bồi dưỡng nghiệp vụ KH,CN&ĐMST cho cán bộ công đoàn ({year})", officer, (Line(BudgetPurpose.Training, union.Id), M(30)));
                var awards = Allocate(budget, BudgetPurpose.EmulationAndAwards, AllocationTargetKind.Commendation,
                    $"Khen thưởng phong trào \"Lao động giỏi – Lao động sáng tạo\" {year}", officer, (Line(BudgetPurpose.EmulationAndAwards, union.Id), M(25)));
                var campaign = Allocate(budget, BudgetPurpose.Awareness, AllocationTargetKind.Campaign,
                    $"Tuyên truyền Kế hoạch 405/KH-LĐLĐ ({year})", officer, (Line(BudgetPurpose.Awareness, union.Id), M(15)), (Line(BudgetPurpose.Awareness, other.Id), M(5)));

                if (year == 2024)
                {
                    foreach (var (a, spentShare) in new[] { (topic, 0.95m), (course, 1m), (awards, 1m), (campaign, 0.9m) })
                    {
                        var advance = Request(a, TrancheKind.Advance, decimal.Round(a.Amount * 0.6m), officer, new DateTime(2024, 4, 10, 2, 0, 0, DateTimeKind.Utc));
                        Approve(advance, approver); Pay(a, advance, "PC-2024-" + code + "-01", new DateOnly(2024, 4, 15), officer);
                        var final = Request(a, TrancheKind.Final, a.Amount - advance.Amount, officer, new DateTime(2024, 11, 5, 2, 0, 0, DateTimeKind.Utc));
                        Approve(final, approver); Pay(a, final, "PC-2024-" + code + "-02", new DateOnly(2024, 11, 20), officer);
                        Settle(a, decimal.Round(a.Amount * spentShare), officer);
                    }
                    fiscal.Close(approver.Name, new DateTime(2025, 1, 31, 3, 0, 0, DateTimeKind.Utc));
                }
                else
                {
                    var advance = Request(topic, TrancheKind.Advance, M(40), officer, new DateTime(2025, 3, 3, 2, 0, 0, DateTimeKind.Utc));
                    Approve(advance, approver); Pay(topic, advance, $"PC-2025-{code}-01", new DateOnly(2025, 3, 10), officer);
                    var milestone = Request(topic, TrancheKind.Milestone, M(30), officer, new DateTime(2025, 9, 2, 2, 0, 0, DateTimeKind.Utc));
                    Approve(milestone, approver);
                    var courseAdvance = Request(course, TrancheKind.Advance, M(15), officer, new DateTime(2025, 10, 1, 2, 0, 0, DateTimeKind.Utc));
                    var rejected = Request(awards, TrancheKind.Advance, M(5), officer, new DateTime(2025, 6, 1, 2, 0, 0, DateTimeKind.Utc));
                    Reject(awards, rejected, "Thiếu quyết định khen thưởng kèm theo", approver);
                    _ = Request(awards, TrancheKind.Advance, M(20), officer, new DateTime(2025, 6, 20, 2, 0, 0, DateTimeKind.Utc));
                    _ = courseAdvance;
                }
            }
        }
        db.LedgerEntries.AddRange(_entries);
        db.Balances.AddRange(_balances.Select(b => Balance.Open(b.Key, b.Value.Kind, b.Value.UnitId, b.Value.Remaining)));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The sponsor's pledge and what it paid in, covering its allocations (10 + 10 of every 30 pledged in 2024 and 2025),
    /// and a receipt entered twice by mistake, reversed by a new entry that references it.
    /// </summary>
    private void SponsorMoney(FundingSource sponsor, string code, decimal scale, Actor by)
    {
        decimal M(decimal millions) => millions * 1_000_000m * scale;
        var pledgeTx = Guid.CreateVersion7();
        var pledge = SponsorPledge.Record(sponsor, M(30), new DateOnly(2024, 2, 1), "Hợp đồng tài trợ đề tài ứng dụng giai đoạn 2024–2026", pledgeTx, by);
        db.SponsorPledges.Add(pledge);
        Post(sponsor.UnitId, 2024, LedgerEvent.SponsorPledged, pledge.Id, $"Cam kết tài trợ: {sponsor.SponsorName}", by,
            [new Movement(sponsor.Id, M(30), AccountKind.SponsorPledge, sponsor.Id, AccountKind.SponsorReceivable, sponsor.Id)], pledgeTx);
        _balances[sponsor.Id] = (AccountKind.SponsorReceivable, sponsor.UnitId, M(30));
        SponsorReceipt Receive(decimal amount, DateOnly on, string voucher)
        {
            var tx = Guid.CreateVersion7();
            var r = SponsorReceipt.Record(sponsor, amount, on, voucher, null, tx, by);
            Draw(sponsor.Id, amount);
            Post(sponsor.UnitId, on.Year, LedgerEvent.SponsorReceived, r.Id, $"Thực nhận tài trợ theo phiếu thu {voucher}", by,
                [new Movement(sponsor.Id, amount, AccountKind.SponsorReceivable, sponsor.Id, AccountKind.SponsorReceived, sponsor.Id)], tx);
            db.SponsorReceipts.Add(r);
            return r;
        }
        Receive(M(10), new DateOnly(2024, 3, 15), $"PT-2024-{code}-01");
        var first2025 = $"PT-2025-{code}-01";
        Receive(M(10), new DateOnly(2025, 2, 20), first2025);
        var twice = Receive(M(3), new DateOnly(2025, 5, 5), $"PT-2025-{code}-02");
        var reverseTx = Guid.CreateVersion7();
        var reason = $"Ghi trùng khoản đã nhận theo phiếu thu {first2025}";
        var reversal = twice.Reverse(new DateOnly(2025, 5, 7), reason, reverseTx, by);
        Post(sponsor.UnitId, 2025, LedgerEvent.SponsorReceiptReversed, reversal.Id, $"Đảo bút toán thực nhận theo phiếu thu {twice.VoucherNumber}: {reason}", by,
            [new Movement(sponsor.Id, twice.Amount, AccountKind.SponsorReceived, sponsor.Id, AccountKind.SponsorReceivable, sponsor.Id)], reverseTx, reverses: twice.TransactionId);
        Give(sponsor.Id, twice.Amount);
        db.SponsorReceipts.Add(reversal);
    }

    /// <summary>A fictional sponsor's tax code whose 10th digit is its check digit.</summary>
    private static string SponsorTaxCode(string code)
    {
        for (var n = code.Length * 7919; ; n++)
        {
            var nine = $"0900{n % 100000:00000}";
            if (TaxCodes.CheckDigit(nine) is { } check) return nine + check;
        }
    }

    private Allocation Allocate(Budget budget, BudgetPurpose purpose, AllocationTargetKind kind, string label, Actor by, params (BudgetLine Line, decimal Amount)[] parts)
    {
        // A course allocation is left without a target: the demo's courses pick it in their form (#14).
        var a = Allocation.Create(budget.UnitId, budget.Year, budget.Id, purpose, kind, kind == AllocationTargetKind.Course ? null : Guid.CreateVersion7(), label, null,
            parts.Select(p => (p.Line.Id, p.Line.SourceId, p.Amount)).ToList(), by);
        foreach (var (line, amount) in parts) Draw(line.Id, amount);
        Post(budget.UnitId, budget.Year, LedgerEvent.Allocated, a.Id, label, by,
            parts.Select(p => new Movement(p.Line.SourceId, p.Amount, AccountKind.BudgetLine, p.Line.Id, AccountKind.Allocation, a.Id)));
        _balances[a.Id] = (AccountKind.Allocation, a.UnitId, a.Amount);
        db.Allocations.Add(a);
        return a;
    }

    private Tranche Request(Allocation a, TrancheKind kind, decimal amount, Actor by, DateTime at)
    {
        Draw(a.Id, amount);
        var split = SourceSplit.Of(amount, Holdings(AccountKind.Allocation, a.Id));
        var transactionId = Guid.CreateVersion7();
        var t = Tranche.Request(a, kind, amount, kind == TrancheKind.Final ? "Thanh toán đợt cuối" : "Tạm ứng thực hiện", by, transactionId, at);
        Post(a.UnitId, a.Year, LedgerEvent.TrancheRequested, t.Id, $"Đề nghị giải ngân: {a.TargetLabel}", by,
            split.Select(s => new Movement(s.Key, s.Value, AccountKind.Allocation, a.Id, AccountKind.Payable, t.Id)), transactionId);
        db.Tranches.Add(t);
        return t;
    }

    private void Approve(Tranche t, Actor by) => t.Approve(by, t.RequestedAtUtc.AddDays(2));

    private void Pay(Allocation a, Tranche t, string voucher, DateOnly on, Actor by)
    {
        t.Pay(voucher, on, by);
        Post(a.UnitId, a.Year, LedgerEvent.TranchePaid, t.Id, $"Chi theo chứng từ {voucher}", by,
            Holdings(AccountKind.Payable, t.Id).Where(h => h.Value > 0).Select(h => new Movement(h.Key, h.Value, AccountKind.Payable, t.Id, AccountKind.Disbursed, a.Id)));
    }

    private void Reject(Allocation a, Tranche t, string reason, Actor by)
    {
        t.Reject(reason, by);
        Post(a.UnitId, a.Year, LedgerEvent.TrancheRejected, t.Id, $"Đảo bút toán đề nghị giải ngân: {reason}", by,
            Holdings(AccountKind.Payable, t.Id).Where(h => h.Value > 0).Select(h => new Movement(h.Key, h.Value, AccountKind.Payable, t.Id, AccountKind.Allocation, a.Id)),
            reverses: t.RequestTransactionId);
        Give(a.Id, t.Amount);
    }

    private void Settle(Allocation a, decimal spent, Actor by)
    {
        var paid = Holdings(AccountKind.Disbursed, a.Id);
        var remaining = _balances[a.Id].Remaining;
        if (remaining > 0) Draw(a.Id, remaining);
        var unrequested = Holdings(AccountKind.Allocation, a.Id);
        var settlement = SettlementPostings.Of(a, spent, paid, unrequested);
        Post(a.UnitId, a.Year, LedgerEvent.SettlementSpent, a.Id, $"Quyết toán: {a.TargetLabel}", by, settlement.Spent);
        foreach (var part in a.Parts) Give(part.BudgetLineId, settlement.Returns[part.SourceId]);
        Post(a.UnitId, a.Year, LedgerEvent.SettlementReturned, a.Id, $"Hoàn trả nguồn khi quyết toán: {a.TargetLabel}", by, settlement.Returned);
        a.Settle(spent, settlement.Returns, paid.Values.Sum() - spent, remaining, "Quyết toán năm", by, new DateTime(a.Year, 12, 20, 2, 0, 0, DateTimeKind.Utc));
    }

    private void Draw(Guid id, decimal amount)
    {
        var b = _balances[id];
        if (b.Remaining < amount) throw new InvalidOperationException("The demo overspends.");
        _balances[id] = b with { Remaining = b.Remaining - amount };
    }

    private void Give(Guid id, decimal amount) => _balances[id] = _balances[id] with { Remaining = _balances[id].Remaining + amount };

    private Dictionary<Guid, decimal> Holdings(AccountKind kind, Guid id) =>
        _entries.Where(e => e.Account == kind && e.AccountId == id).GroupBy(e => e.SourceId).ToDictionary(g => g.Key, g => g.Sum(e => e.Debit - e.Credit));

    private void Post(Guid unitId, int year, LedgerEvent @event, Guid documentId, string memo, Actor by, IEnumerable<Movement> movements,
        Guid? transactionId = null, Guid? reverses = null)
    {
        _entries.AddRange(Ledger.Entries(transactionId ?? Guid.CreateVersion7(), unitId, year, @event, documentId, memo, by, movements, reverses, _now));
    }
}

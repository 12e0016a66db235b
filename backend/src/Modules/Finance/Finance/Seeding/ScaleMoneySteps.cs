using Khcn.Finance.Data;
using Khcn.Finance.Domain;

namespace Khcn.Finance.Seeding;

/// <summary>
/// The steps of the scale seed's money, each doing what its use case does (the same domain calls, the same movements
/// posted, the same balance rows drawn and given back) on a <see cref="SeedLedger"/> instead of the database:
/// approving a budget, allocating, requesting, approving, paying and rejecting tranches, settling; and a sponsor's
/// pledge and receipts. The new records go to <see cref="FinanceDbContext"/> to be saved with the batch.
/// </summary>
internal sealed class ScaleMoneySteps(FinanceDbContext db, SeedLedger ledger)
{
    public int Tranches { get; private set; }
    public int Allocations { get; private set; }

    /// <summary>Submitted by the unit's officer, approved by the unit above's (ApproveBudget): each line funded from its source.</summary>
    public void ApproveBudget(Budget budget, Actor officer, Actor approver, DateTime at)
    {
        budget.Submit(officer, at.AddDays(-3));
        budget.Approve(approver, approverActsForUnitAbove: true, at);
        db.Budgets.Add(budget);
        foreach (var line in budget.Lines)
        {
            ledger.Post(budget.UnitId, budget.Year, LedgerEvent.BudgetApproved, budget.Id, $"Dự toán {budget.Year}: {line.Purpose}", approver,
                [new Movement(line.SourceId, line.Amount, AccountKind.Source, line.SourceId, AccountKind.BudgetLine, line.Id)], at);
            ledger.Open(line.Id, AccountKind.BudgetLine, budget.UnitId, line.Amount);
        }
    }

    /// <summary>CreateAllocation: each part drawn from its budget line and moved to the allocation.</summary>
    public Allocation Allocate(Budget budget, BudgetPurpose purpose, AllocationTargetKind kind, string label, IReadOnlyList<(BudgetLine Line, decimal Amount)> parts,
        Actor by, DateTime at)
    {
        var a = Allocation.Create(budget.UnitId, budget.Year, budget.Id, purpose, kind, null, label, null,
            parts.Select(p => (p.Line.Id, p.Line.SourceId, p.Amount)).ToList(), by);
        foreach (var (line, amount) in parts) ledger.Draw(line.Id, amount);
        ledger.Post(budget.UnitId, budget.Year, LedgerEvent.Allocated, a.Id, label, by,
            parts.Select(p => new Movement(p.Line.SourceId, p.Amount, AccountKind.BudgetLine, p.Line.Id, AccountKind.Allocation, a.Id)), at);
        ledger.Open(a.Id, AccountKind.Allocation, a.UnitId, a.Amount);
        db.Allocations.Add(a);
        Allocations++;
        return a;
    }

    /// <summary>RequestTranche: drawn from the allocation's remainder, split over its sources by what each still holds there.</summary>
    public Tranche Request(Allocation a, TrancheKind kind, decimal amount, Actor by, DateTime at)
    {
        ledger.Draw(a.Id, amount);
        var split = SourceSplit.Of(amount, ledger.Holdings(AccountKind.Allocation, a.Id));
        var transactionId = Guid.CreateVersion7();
        var t = Tranche.Request(a, kind, amount, kind switch
        {
            TrancheKind.Advance => "Tạm ứng thực hiện",
            TrancheKind.Milestone => "Thanh toán theo tiến độ",
            _ => "Thanh toán đợt cuối",
        }, by, transactionId, at);
        ledger.Post(a.UnitId, a.Year, LedgerEvent.TrancheRequested, t.Id, $"Đề nghị giải ngân: {a.TargetLabel}", by,
            split.Select(s => new Movement(s.Key, s.Value, AccountKind.Allocation, a.Id, AccountKind.Payable, t.Id)), at, transactionId);
        db.Tranches.Add(t);
        Tranches++;
        return t;
    }

    /// <summary>ApproveTranche: another person than the requester (four-eyes); no money moves.</summary>
    public void Approve(Tranche t, Actor by, DateTime at) => t.Approve(by, at);

    /// <summary>PayTranche: what the tranche holds payable moves to the allocation's disbursed account.</summary>
    public void Pay(Allocation a, Tranche t, string voucher, DateTime at, Actor by)
    {
        t.Pay(voucher, DateOnly.FromDateTime(at), by);
        ledger.Post(a.UnitId, a.Year, LedgerEvent.TranchePaid, t.Id, $"Chi theo chứng từ {voucher}", by,
            ledger.Holdings(AccountKind.Payable, t.Id).Where(h => h.Value > 0).Select(h => new Movement(h.Key, h.Value, AccountKind.Payable, t.Id, AccountKind.Disbursed, a.Id)), at);
    }

    /// <summary>RejectTranche: reversing entries that reference the request give its amount back to the allocation.</summary>
    public void Reject(Allocation a, Tranche t, string reason, Actor by, DateTime at)
    {
        t.Reject(reason, by);
        ledger.Post(a.UnitId, a.Year, LedgerEvent.TrancheRejected, t.Id, $"Đảo bút toán đề nghị giải ngân: {reason}", by,
            ledger.Holdings(AccountKind.Payable, t.Id).Where(h => h.Value > 0).Select(h => new Movement(h.Key, h.Value, AccountKind.Payable, t.Id, AccountKind.Allocation, a.Id)),
            at, reverses: t.RequestTransactionId);
        ledger.Give(a.Id, t.Amount);
    }

    /// <summary>
    /// SettleAllocation: what was spent of what was paid (split by what each source paid); the unspent and the
    /// never-requested amounts go back to their budget lines.
    /// </summary>
    public void Settle(Allocation a, decimal spent, Actor by, DateTime at)
    {
        var paid = ledger.Holdings(AccountKind.Disbursed, a.Id);
        var remaining = ledger.Remaining(a.Id);
        if (remaining > 0) ledger.Draw(a.Id, remaining);
        var unrequested = ledger.Holdings(AccountKind.Allocation, a.Id);
        var settlement = SettlementPostings.Of(a, spent, paid, unrequested);
        ledger.Post(a.UnitId, a.Year, LedgerEvent.SettlementSpent, a.Id, $"Quyết toán: {a.TargetLabel}", by, settlement.Spent, at);
        foreach (var part in a.Parts) ledger.Give(part.BudgetLineId, settlement.Returns[part.SourceId]);
        ledger.Post(a.UnitId, a.Year, LedgerEvent.SettlementReturned, a.Id, $"Hoàn trả nguồn khi quyết toán: {a.TargetLabel}", by, settlement.Returned, at);
        a.Settle(spent, settlement.Returns, paid.Values.Sum() - spent, remaining, "Quyết toán năm", by, at);
    }

    /// <summary>RecordSponsorPledge: the pledge moves to the sponsor's receivable (its outstanding balance row).</summary>
    public void Pledge(FundingSource sponsor, decimal amount, DateOnly on, Actor by)
    {
        var tx = Guid.CreateVersion7();
        var pledge = SponsorPledge.Record(sponsor, amount, on, "Hợp đồng tài trợ đề tài ứng dụng giai đoạn ba năm", tx, by);
        db.SponsorPledges.Add(pledge);
        ledger.Post(sponsor.UnitId, on.Year, LedgerEvent.SponsorPledged, pledge.Id, $"Cam kết tài trợ: {sponsor.SponsorName}", by,
            [new Movement(sponsor.Id, amount, AccountKind.SponsorPledge, sponsor.Id, AccountKind.SponsorReceivable, sponsor.Id)], At(on), tx);
        ledger.Open(sponsor.Id, AccountKind.SponsorReceivable, sponsor.UnitId, amount);
    }

    /// <summary>RecordSponsorReceipt: what the sponsor paid in moves from its receivable to received.</summary>
    public void Receive(FundingSource sponsor, decimal amount, DateOnly on, string voucher, Actor by)
    {
        var tx = Guid.CreateVersion7();
        var receipt = SponsorReceipt.Record(sponsor, amount, on, voucher, null, tx, by);
        ledger.Draw(sponsor.Id, amount);
        ledger.Post(sponsor.UnitId, on.Year, LedgerEvent.SponsorReceived, receipt.Id, $"Thực nhận tài trợ theo phiếu thu {voucher}", by,
            [new Movement(sponsor.Id, amount, AccountKind.SponsorReceivable, sponsor.Id, AccountKind.SponsorReceived, sponsor.Id)], At(on), tx);
        db.SponsorReceipts.Add(receipt);
    }

    private static DateTime At(DateOnly on) => on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
}

using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Allocations;

/// <summary>One source's share of an allocation, in whole đồng.</summary>
public sealed record AllocationPartInput(Guid SourceId, decimal Amount);

/// <summary>
/// Allocates approved budget to a target (another module's record: kind, plain id and label) from one or more of the
/// budget's sources, each part within what that source's line of the purpose has left (409
/// <c>budget_line_remainder_exceeded</c> with <c>remaining</c>). An allocation may name the obligation it funds
/// (<see cref="ObligationId"/>): its purpose must be the obligation's (a topic from research topics, a commendation
/// from emulation and awards, an initiative from initiative remuneration) and its target becomes the obligation's
/// record; a withdrawn obligation (a cancelled topic's) is funded no further (409 <c>obligation_withdrawn</c>). A research topic given by its label alone gets an id of its own (its funding statement's key). Requires
/// Idempotency-Key.
/// </summary>
public sealed record CreateAllocation : Mediator.ICommand<Guid>, IMovesMoney
{
    public const string Route = "/api/v1/finance/allocations";
    public Guid BudgetId { get; init; }
    public BudgetPurpose Purpose { get; init; }
    public AllocationTargetKind TargetKind { get; init; }
    public Guid? TargetId { get; init; }
    public string TargetLabel { get; init; } = "";
    /// <summary>The "to be funded" obligation this allocation funds (of the obligation's purpose).</summary>
    public Guid? ObligationId { get; init; }
    public IReadOnlyList<AllocationPartInput> Parts { get; init; } = [];
}

internal sealed class CreateAllocationValidator : AbstractValidator<CreateAllocation>
{
    public CreateAllocationValidator()
    {
        RuleFor(x => x.BudgetId).NotEmpty();
        RuleFor(x => x.Purpose).IsInEnum();
        RuleFor(x => x.TargetKind).IsInEnum();
        RuleFor(x => x.TargetLabel).MaximumLength(500);
        RuleFor(x => x.TargetLabel).NotEmpty().When(x => x.ObligationId is null);
        RuleFor(x => x.Parts).NotEmpty().Must(p => p.Count <= 20);
        RuleForEach(x => x.Parts).ChildRules(p =>
        {
            p.RuleFor(x => x.SourceId).NotEmpty();
            p.RuleFor(x => x.Amount).Must(Money.IsWholePositive).WithMessage(Localized.Text(Money.WholePositiveEn, Money.WholePositiveVi));
        });
    }
}

/// <summary>
/// Draws the budget lines, then checks each sponsor's part against what the sponsor has paid in and no allocation
/// draws yet (409 <c>sponsor_funds_exceeded</c> naming the sponsor, with <c>available</c>:
/// <see cref="SponsorRules.AvailableToAllocate"/>), all in one transaction.
/// </summary>
internal sealed class CreateAllocationHandler(FinanceDbContext db, FinanceAccess access, Ledger ledger) : Mediator.ICommandHandler<CreateAllocation, Guid>
{
    public async ValueTask<Guid> Handle(CreateAllocation c, CancellationToken ct)
    {
        await ledger.BeginAsync(ct);
        var budget = await access.BudgetAsync(c.BudgetId, ct, tracked: false);
        access.DemandManage(budget.UnitId);
        if (budget.Status != BudgetStatus.Approved)
            throw new BusinessRuleException("budget_not_approved", Localized.Text("Only an approved budget can be allocated.", "Chỉ phân bổ từ dự toán đã được duyệt."));
        await ledger.RequireOpenYearAsync(budget.UnitId, budget.Year, ct);

        var targetKind = c.TargetKind;
        var label = c.TargetLabel;
        Guid? targetId = c.TargetId;
        if (c.ObligationId is { } obligationId)
        {
            var obligation = await db.Obligations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == obligationId && o.UnitId == budget.UnitId, ct)
                             ?? throw new NotFoundException(Localized.Text("Obligation", "nghĩa vụ chi trả"), obligationId);
            obligation.RequireOpen();
            obligation.RequireFundedFrom(c.Purpose);
            targetKind = obligation.FundedAs.Target;
            targetId = obligation.RecordId;
            if (string.IsNullOrWhiteSpace(label))
                label = obligation.SourceKind == ObligationSourceKind.Initiative ? $"Thù lao sáng kiến: {obligation.Title}" : obligation.Title;
        }
        // A research topic named only by its label (no record id, no obligation: the SPA's form) still gets an id of its
        // own, so that its funding statement (by topic id) exists and later allocations can name the same topic.
        if (targetKind == AllocationTargetKind.ResearchTopic && targetId is null) targetId = Guid.CreateVersion7();

        var parts = c.Parts.Select((p, i) =>
        {
            var line = budget.Lines.FirstOrDefault(l => l.Purpose == c.Purpose && l.SourceId == p.SourceId)
                       ?? throw new RequestValidationException(new Dictionary<string, string[]>
                       {
                           [$"parts[{i}].sourceId"] = [Localized.Text("The budget has no line for this purpose and source.", "Dự toán không có dòng cho mục đích và nguồn này.")],
                       });
            return (BudgetLineId: line.Id, p.SourceId, p.Amount);
        }).ToList();
        var allocation = Allocation.Create(budget.UnitId, budget.Year, budget.Id, c.Purpose, targetKind, targetId, label, c.ObligationId, parts, access.Actor);

        // Draw in a fixed order (by line) so that two allocations on the same lines never wait on each other in a cycle.
        var sourceIds = parts.Select(p => p.SourceId).ToList();
        var sources = await db.FundingSources.IgnoreQueryFilters().Where(s => sourceIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new { s.Name, s.Kind, s.SponsorName }, ct);
        foreach (var part in parts.OrderBy(p => p.BudgetLineId))
            await ledger.TakeAsync(part.BudgetLineId, part.Amount, left => AllocationProblems.BudgetLineShort(part.SourceId, sources.GetValueOrDefault(part.SourceId)?.Name ?? "", left), ct);
        // A sponsor's part only up to what it has paid in and no allocation draws yet (SponsorRules.AvailableToAllocate),
        // from the ledger, checked after the lines (always the same lock order: lines, then sponsors by id).
        foreach (var part in parts.Where(p => sources.GetValueOrDefault(p.SourceId)?.Kind == FundingSourceKind.Sponsor).OrderBy(p => p.SourceId))
        {
            var sponsor = sources[part.SourceId];
            await ledger.RequireSponsorCoversAsync(part.SourceId, part.Amount,
                available => SponsorRules.AllocationBeyondReceived(part.SourceId, sponsor.SponsorName ?? sponsor.Name, available), ct);
        }
        ledger.Post(budget.UnitId, budget.Year, LedgerEvent.Allocated, allocation.Id, label, access.Actor,
            parts.Select(p => new Movement(p.SourceId, p.Amount, AccountKind.BudgetLine, p.BudgetLineId, AccountKind.Allocation, allocation.Id)));
        db.Allocations.Add(allocation);
        db.Balances.Add(Balance.Open(allocation.Id, AccountKind.Allocation, budget.UnitId, allocation.Amount));
        return allocation.Id;
    }
}

internal sealed class CreateAllocationEndpoint(IMediator mediator) : CreatedEndpoint<CreateAllocation, AllocationDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreateAllocation.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Allocate approved budget to a target from one or more sources (Idempotency-Key required; 409 budget_line_remainder_exceeded with remaining, budget_not_approved, fiscal_year_closed, obligation_withdrawn)");
    }

    protected override IQuery<AllocationDetail> ReadBack(CreateAllocation command, Guid id) => new GetAllocation { Id = id };
    protected override string Location(CreateAllocation command, Guid id) => GetAllocation.For(id);
}

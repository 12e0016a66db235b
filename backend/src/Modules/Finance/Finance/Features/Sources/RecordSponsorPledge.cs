using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;

namespace Khcn.Finance.Features.Sources;

/// <summary>
/// Records a sponsor's pledge (cam kết tài trợ): a positive whole amount of đồng on a date in an open fiscal year of
/// the unit, not in the future. Pledges add up; the ledger moves the amount from the sponsor's pledge account to its
/// receivable (outstanding). 409 <c>source_not_sponsor</c> for another kind of source, <c>fiscal_year_closed</c>.
/// Requires Idempotency-Key.
/// </summary>
public sealed record RecordSponsorPledge : Mediator.ICommand<Guid>, IMovesMoney
{
    public const string Route = "/api/v1/finance/sources/{sourceId}/pledges";
    public Guid SourceId { get; init; }
    public decimal Amount { get; init; }
    public DateOnly PledgedOn { get; init; }
    public string? Note { get; init; }
}

internal sealed class RecordSponsorPledgeValidator : AbstractValidator<RecordSponsorPledge>
{
    public RecordSponsorPledgeValidator()
    {
        RuleFor(x => x.SourceId).NotEmpty();
        RuleFor(x => x.Amount).WholePositiveVnd();
        RuleFor(x => x.PledgedOn).Dated();
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

internal sealed class RecordSponsorPledgeHandler(FinanceDbContext db, FinanceAccess access, Ledger ledger, TimeProvider clock)
    : Mediator.ICommandHandler<RecordSponsorPledge, Guid>
{
    public async ValueTask<Guid> Handle(RecordSponsorPledge c, CancellationToken ct)
    {
        await ledger.BeginAsync(ct);
        var source = await SponsorFundsSteps.SponsorAsync(db, access, c.SourceId, ct);
        SponsorFundsSteps.NotInFuture(c.PledgedOn, "pledgedOn", clock);
        await ledger.RequireOpenYearAsync(source.UnitId, c.PledgedOn.Year, ct);
        var tx = Guid.CreateVersion7();
        var pledge = SponsorPledge.Record(source, c.Amount, c.PledgedOn, c.Note, tx, access.Actor);
        ledger.Post(source.UnitId, c.PledgedOn.Year, LedgerEvent.SponsorPledged, pledge.Id, $"Cam kết tài trợ: {source.SponsorName}", access.Actor,
            [new Movement(source.Id, c.Amount, AccountKind.SponsorPledge, source.Id, AccountKind.SponsorReceivable, source.Id)], transactionId: tx);
        // The outstanding balance row (what is pledged and not yet received) that a receipt draws on with a conditional UPDATE.
        if (await ledger.HasBalanceAsync(source.Id, ct)) await ledger.GiveAsync(source.Id, c.Amount, ct);
        else db.Balances.Add(Balance.Open(source.Id, AccountKind.SponsorReceivable, source.UnitId, c.Amount));
        db.SponsorPledges.Add(pledge);
        return pledge.Id;
    }
}

internal sealed class RecordSponsorPledgeEndpoint(IMediator mediator) : CreatedEndpoint<RecordSponsorPledge, FundingSourceDetail>(mediator)
{
    public override void Configure()
    {
        Post(RecordSponsorPledge.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Record a sponsor's pledge (Idempotency-Key required; 409 source_not_sponsor, fiscal_year_closed)");
    }

    protected override IQuery<FundingSourceDetail> ReadBack(RecordSponsorPledge command, Guid id) => new GetFundingSource { Id = command.SourceId };
    protected override string Location(RecordSponsorPledge command, Guid id) => GetFundingSource.For(command.SourceId);
}

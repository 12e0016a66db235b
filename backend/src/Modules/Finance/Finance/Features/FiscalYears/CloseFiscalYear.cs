using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.FiscalYears;

/// <summary>Closes a fiscal year: from now on every posting into it is refused (409 fiscal_year_closed).</summary>
public sealed record CloseFiscalYear : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/finance/fiscal-years/{id}/close";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class CloseFiscalYearHandler(FinanceDbContext db, FinanceAccess access, TimeProvider clock) : Mediator.ICommandHandler<CloseFiscalYear, Guid>
{
    public async ValueTask<Guid> Handle(CloseFiscalYear command, CancellationToken ct)
    {
        var year = await db.FiscalYears.FirstOrDefaultAsync(f => f.Id == command.Id, ct)
                   ?? throw new NotFoundException(Localized.Text("Fiscal year", "năm tài chính"), command.Id);
        access.DemandManage(year.UnitId);
        Concurrency.GuardUpdate(db, year, command.IfMatch);
        year.Close(access.Actor.Name, clock.GetUtcNow().UtcDateTime);
        return year.Id;
    }
}

internal sealed class CloseFiscalYearEndpoint(IMediator mediator) : ChangedEndpoint<CloseFiscalYear, FiscalYearView>(mediator)
{
    public override void Configure()
    {
        Post(CloseFiscalYear.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Close a fiscal year: every later posting into it is refused (If-Match; 409 fiscal_year_closed)");
    }

    protected override IQuery<FiscalYearView> ReadBack(CloseFiscalYear command) => new ListFiscalYears.ById(command.Id);
}

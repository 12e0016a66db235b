using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.FiscalYears;

/// <summary>Opens a calendar year for a unit's postings.</summary>
public sealed record OpenFiscalYear : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/finance/fiscal-years";
    public Guid UnitId { get; init; }
    public int Year { get; init; }
}

internal sealed class OpenFiscalYearValidator : AbstractValidator<OpenFiscalYear>
{
    public OpenFiscalYearValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Year).InclusiveBetween(FiscalYearRules.FirstYear, 2100);
    }
}

internal sealed class OpenFiscalYearHandler(FinanceDbContext db, FinanceAccess access) : Mediator.ICommandHandler<OpenFiscalYear, Guid>
{
    public async ValueTask<Guid> Handle(OpenFiscalYear command, CancellationToken ct)
    {
        access.DemandManage(command.UnitId);
        if (await db.FiscalYears.AnyAsync(f => f.UnitId == command.UnitId && f.Year == command.Year, ct))
            throw new BusinessRuleException("fiscal_year_exists", Localized.Text("The unit has this fiscal year already.", "Đơn vị đã có năm tài chính này."));
        var year = FiscalYear.Open(command.UnitId, command.Year);
        db.FiscalYears.Add(year);
        return year.Id;
    }
}

internal sealed class OpenFiscalYearEndpoint(IMediator mediator) : CreatedEndpoint<OpenFiscalYear, FiscalYearView>(mediator)
{
    public override void Configure()
    {
        Post(OpenFiscalYear.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Open a fiscal year of a unit (honours Idempotency-Key; 409 fiscal_year_exists)");
    }

    protected override IQuery<FiscalYearView> ReadBack(OpenFiscalYear command, Guid id) => new ListFiscalYears.ById(id);
    protected override string Location(OpenFiscalYear command, Guid id) => $"{ListFiscalYears.Route}?unitId={command.UnitId}";
}

using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.Organization.Integrations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Reports;

/// <summary>Opens the reporting period of a year for the units below a unit (one per unit and year).</summary>
public sealed record CreateReportPeriod : ReportPeriodFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/reports/periods";
    /// <summary>The unit asking for the reports (usually the provincial federation).</summary>
    public Guid UnitId { get; init; }
    /// <summary>The year reported on.</summary>
    public int Year { get; init; }
}

internal sealed class CreateReportPeriodValidator : AbstractValidator<CreateReportPeriod>
{
    public CreateReportPeriodValidator(TimeProvider clock, ReportPrefill prefill)
    {
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Year).InclusiveBetween(ReportPeriodRules.MinYear, clock.GetUtcNow().Year + 1);
        this.AddPeriodRules(prefill);
    }
}

internal sealed class CreateReportPeriodHandler(OrganizationDbContext db) : Mediator.ICommandHandler<CreateReportPeriod, Guid>
{
    public async ValueTask<Guid> Handle(CreateReportPeriod command, CancellationToken ct)
    {
        await UnitAccess.DemandAsync(db, Permission.ReportsManage, command.UnitId, ct);
        if (await db.ReportPeriods.IgnoreQueryFilters().AnyAsync(p => p.UnitId == command.UnitId && p.Year == command.Year, ct))
            throw new BusinessRuleException("period_exists",
                Localized.Text($"This unit already has a reporting period for {command.Year}.", $"Đơn vị đã có kỳ báo cáo năm {command.Year}."),
                new Dictionary<string, string[]>
                {
                    ["year"] = [Localized.Text($"A period for {command.Year} already exists.", $"Đã có kỳ báo cáo năm {command.Year}.")],
                });
        var period = ReportPeriod.Create(command.UnitId, command.Year, command.Title, command.Deadline, ReportPeriodRules.ToDefinitions(command.Indicators));
        db.ReportPeriods.Add(period);
        return period.Id;
    }
}

internal sealed class CreateReportPeriodEndpoint(IMediator mediator) : CreatedEndpoint<CreateReportPeriod, ReportPeriodDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreateReportPeriod.Route);
        Policies(Permission.ReportsManage);
        Summary(s =>
        {
            s.Summary = "Open an annual reporting period (honours Idempotency-Key)";
            s.Response<ReportPeriodDetail>(201, "The period, open for reports.");
        });
    }

    protected override IQuery<ReportPeriodDetail> ReadBack(CreateReportPeriod command, Guid id) => new GetReportPeriod { Id = id };
    protected override string Location(CreateReportPeriod command, Guid id) => GetReportPeriod.For(id);
}

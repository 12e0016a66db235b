using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.Organization.Integrations;
using Mediator;

namespace Khcn.Organization.Features.Reports;

public sealed record ReportValueInput
{
    public string Code { get; init; } = "";
    /// <summary>For number indicators: a count or an amount in VND (≥ 0).</summary>
    public decimal? Number { get; init; }
    /// <summary>For text indicators.</summary>
    public string? Text { get; init; }
}

/// <summary>Saves a unit's report as a draft (creates it on first save); If-Match required once it exists.</summary>
public sealed record SaveUnitReport : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/reports/periods/{periodId}/units/{unitId}";
    public Guid PeriodId { get; init; }
    public Guid UnitId { get; init; }
    public IReadOnlyList<ReportValueInput> Values { get; init; } = [];
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class SaveUnitReportValidator : AbstractValidator<SaveUnitReport>
{
    public SaveUnitReportValidator()
    {
        RuleFor(x => x.Values).NotNull().Must(v => v.Count <= 200).WithMessage("At most 200 values.", "Tối đa 200 giá trị.");
        RuleFor(x => x.Values).Must(v => v.Select(x => x.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count() == v.Count)
            .WithMessage("Each indicator appears once.", "Mỗi chỉ tiêu chỉ xuất hiện một lần.");
        RuleForEach(x => x.Values).ChildRules(v =>
        {
            v.RuleFor(x => x.Code).NotEmpty().MaximumLength(60);
            v.RuleFor(x => x.Number).InclusiveBetween(0m, 1_000_000_000_000_000m).When(x => x.Number is not null);
            v.RuleFor(x => x.Text).MaximumLength(8000);
        });
    }
}

internal sealed class SaveUnitReportHandler(OrganizationDbContext db, ReportPrefill prefill) : Mediator.ICommandHandler<SaveUnitReport, Guid>
{
    public async ValueTask<Guid> Handle(SaveUnitReport command, CancellationToken ct)
    {
        var (period, unit) = await ReportAccess.ReportingUnitAsync(db, command.PeriodId, command.UnitId, ct);
        db.Access.Demand(Permission.ReportsSubmit, unit.Id, Localized.Text("Unit", "đơn vị"), unit.Id);
        var values = CheckAgainstTemplate(period, command.Values);
        var report = await ReportAccess.ReportOfAsync(db, period.Id, unit.Id, ct);
        if (report is null)
        {
            report = AnnualReport.Start(period.Id, unit.Id);
            var suggested = await prefill.ForReportAsync(period, unit.Id, ct);
            report.Fill(suggested.Where(s => !values.ContainsKey(s.Key)).ToDictionary(s => s.Key, s => ((decimal?)s.Value, (string?)null)));
            db.Reports.Add(report);
        }
        else
        {
            Concurrency.GuardUpdate(db, report, command.IfMatch);
        }
        report.Fill(values);
        return report.Id;
    }

    /// <summary>Every code is in the template; numbers go to number indicators and texts to text ones (400 otherwise).</summary>
    private static Dictionary<string, (decimal?, string?)> CheckAgainstTemplate(ReportPeriod period, IReadOnlyList<ReportValueInput> inputs)
    {
        var errors = new Dictionary<string, string[]>();
        var result = new Dictionary<string, (decimal?, string?)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var indicator = period.Indicators.FirstOrDefault(x => string.Equals(x.Code, input.Code, StringComparison.OrdinalIgnoreCase));
            if (indicator is null) { errors[$"values[{i}].code"] = [Localized.Text($"'{input.Code}' is not an indicator of this period.", $"'{input.Code}' không phải chỉ tiêu của kỳ báo cáo này.")]; continue; }
            if (indicator.Kind.HoldsNumber() && !string.IsNullOrWhiteSpace(input.Text))
                errors[$"values[{i}].text"] = [Localized.Text($"'{indicator.Code}' takes a number.", $"'{indicator.Code}' phải nhập số.")];
            else if (indicator.Kind == IndicatorKind.Text && input.Number is not null)
                errors[$"values[{i}].number"] = [Localized.Text($"'{indicator.Code}' takes a text.", $"'{indicator.Code}' phải nhập văn bản.")];
            else if (indicator.Kind == IndicatorKind.YesNo && input.Number is not (null or 0m or 1m))
                errors[$"values[{i}].number"] = [Localized.Text($"'{indicator.Code}' is a yes/no question: 1 (yes) or 0 (no).", $"'{indicator.Code}' là câu hỏi có/không: 1 (có) hoặc 0 (không).")];
            else
                result[indicator.Code] = (input.Number, input.Text);
        }
        if (errors.Count > 0) throw new RequestValidationException(errors);
        return result;
    }
}

internal sealed class SaveUnitReportEndpoint(IMediator mediator) : ChangedEndpoint<SaveUnitReport, ReportView>(mediator)
{
    public override void Configure()
    {
        Put(SaveUnitReport.Route);
        Policies(Permission.ReportsSubmit);
        Summary(s => s.Summary = "Save a unit's annual report as a draft (If-Match required once it exists)");
    }

    protected override IQuery<ReportView> ReadBack(SaveUnitReport command) => new GetUnitReport { PeriodId = command.PeriodId, UnitId = command.UnitId };
}

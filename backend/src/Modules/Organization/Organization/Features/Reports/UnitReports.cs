using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Reports;

/// <summary>Loading a unit's report with the rules of who may see, fill and review it.</summary>
internal sealed class ReportAccess(OrganizationDbContext db, ReportPrefill prefill, TimeProvider clock)
{
    public OrganizationDbContext Db => db;

    /// <summary>The period and the unit, both visible to the caller, the unit reporting in that period; 404 otherwise.</summary>
    public async Task<(ReportPeriod Period, UnionUnit Unit)> ReportingUnitAsync(Guid periodId, Guid unitId, CancellationToken ct)
    {
        var period = await PeriodVisibility.FindAsync(db, periodId, ct);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), unitId);
        var periodPath = await db.PathOfAsync(period.UnitId, ct);
        if (unit.Id == period.UnitId || !unit.Path.StartsWith(periodPath, StringComparison.Ordinal))
            throw new NotFoundException(Localized.Text("Report", "báo cáo"), $"{periodId}/{unitId}");
        return (period, unit);
    }

    public Task<AnnualReport?> ReportOfAsync(Guid periodId, Guid unitId, CancellationToken ct) =>
        db.Reports.Include(r => r.Values).Include(r => r.Events).FirstOrDefaultAsync(r => r.PeriodId == periodId && r.UnitId == unitId, ct);

    public async Task<AnnualReport> ReportByIdAsync(Guid reportId, CancellationToken ct) =>
        await db.Reports.Include(r => r.Values).Include(r => r.Events).FirstOrDefaultAsync(r => r.Id == reportId, ct)
        ?? throw new NotFoundException(Localized.Text("Report", "báo cáo"), reportId);

    /// <summary>A report is reviewed by the units above the one that made it: review rights over its parent.</summary>
    public bool CanReview(UnionUnit unit) => unit.ParentId is { } parent && db.Access.Can(Permission.ReportsReview, parent);

    public void DemandReview(UnionUnit unit)
    {
        if (!CanReview(unit)) throw new ForbiddenException(Localized.Text(
            "Only a unit above the reporting unit can return or accept its report.",
            "Chỉ đơn vị cấp trên của đơn vị báo cáo mới được trả lại hoặc chấp nhận báo cáo."));
    }

    /// <summary>What the system knows of the period's sourced indicators for the unit (code → value).</summary>
    public Task<Dictionary<string, decimal>> SuggestedAsync(ReportPeriod period, Guid unitId, CancellationToken ct) =>
        prefill.ForUnitAsync(period.Indicators.Select(i => (i.Code, i.Source)), unitId, period.Year, ct);

    public async Task<ReportView> ViewAsync(ReportPeriod period, UnionUnit unit, AnnualReport? report, CancellationToken ct)
    {
        var indicators = period.Indicators.OrderBy(i => i.Position).ToList();
        var suggested = await SuggestedAsync(period, unit.Id, ct);
        var values = indicators.Select(i =>
        {
            var stored = report?.Values.FirstOrDefault(v => v.IndicatorCode == i.Code);
            decimal? number = report is null ? suggested.TryGetValue(i.Code, out var s) ? s : null : stored?.Number;
            return new ReportValueView(i.Code, i.Name, i.Section, i.Kind, i.Measure, i.Source, number, stored?.Text,
                suggested.TryGetValue(i.Code, out var sv) ? sv : null);
        }).ToList();
        var state = report is null ? SubmissionState.NotStarted : StateOf(report.Status);
        return new ReportView(report?.Id, period.Id, period.Year, period.Title, period.Deadline,
            new UnitSummary(unit.Id, unit.Code, unit.Name, unit.Kind, unit.ParentId), state, report?.Late ?? false,
            report?.SubmittedAtUtc, report?.SubmittedBy, report?.ReviewedAtUtc, report?.ReviewedBy, report?.ReviewComment, values,
            report?.Events.OrderBy(e => e.AtUtc).Select(e => new ReportEventView(e.AtUtc, e.Actor, e.Action, e.Comment)).ToList() ?? [],
            CanEdit: (report?.Editable ?? true) && db.Access.Can(Permission.ReportsSubmit, unit.Id),
            CanReview: report?.Status == ReportStatus.Submitted && CanReview(unit),
            report?.Version ?? 0);
    }

    public static SubmissionState StateOf(ReportStatus status) => status switch
    {
        ReportStatus.Draft => SubmissionState.Draft,
        ReportStatus.Submitted => SubmissionState.Submitted,
        ReportStatus.Returned => SubmissionState.Returned,
        _ => SubmissionState.Accepted,
    };

    public DateOnly Today => VietnamTime.Today(clock);
    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;
    public string Actor => db.Access.Email ?? "system";
}

/// <summary>A unit's report for a period: the saved one, or a new draft pre-filled with what the system knows.</summary>
public sealed record GetUnitReport : IQuery<ReportView>
{
    public const string Route = "/api/v1/organization/reports/periods/{periodId}/units/{unitId}";
    public static string For(Guid periodId, Guid unitId) => $"/api/v1/organization/reports/periods/{periodId}/units/{unitId}";
    public Guid PeriodId { get; init; }
    public Guid UnitId { get; init; }
}

internal sealed class GetUnitReportHandler(ReportAccess access) : IQueryHandler<GetUnitReport, ReportView>
{
    public async ValueTask<ReportView> Handle(GetUnitReport query, CancellationToken ct)
    {
        var (period, unit) = await access.ReportingUnitAsync(query.PeriodId, query.UnitId, ct);
        return await access.ViewAsync(period, unit, await access.ReportOfAsync(period.Id, unit.Id, ct), ct);
    }
}

internal sealed class GetUnitReportEndpoint(IMediator mediator) : Endpoint<GetUnitReport, ReportView>
{
    public override void Configure()
    {
        Get(GetUnitReport.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Get a unit's annual report for a period (a pre-filled new draft when none is saved yet)");
    }

    public override async Task HandleAsync(GetUnitReport req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

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

internal sealed class SaveUnitReportHandler(ReportAccess access) : Mediator.ICommandHandler<SaveUnitReport, Guid>
{
    public async ValueTask<Guid> Handle(SaveUnitReport command, CancellationToken ct)
    {
        var db = access.Db;
        var (period, unit) = await access.ReportingUnitAsync(command.PeriodId, command.UnitId, ct);
        db.Access.Demand(Permission.ReportsSubmit, unit.Id, Localized.Text("Unit", "đơn vị"), unit.Id);
        var values = CheckAgainstTemplate(period, command.Values);
        var report = await access.ReportOfAsync(period.Id, unit.Id, ct);
        if (report is null)
        {
            report = AnnualReport.Start(period.Id, unit.Id);
            var suggested = await access.SuggestedAsync(period, unit.Id, ct);
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
            if (indicator.Kind == IndicatorKind.Number && !string.IsNullOrWhiteSpace(input.Text))
                errors[$"values[{i}].text"] = [Localized.Text($"'{indicator.Code}' takes a number.", $"'{indicator.Code}' phải nhập số.")];
            else if (indicator.Kind == IndicatorKind.Text && input.Number is not null)
                errors[$"values[{i}].number"] = [Localized.Text($"'{indicator.Code}' takes a text.", $"'{indicator.Code}' phải nhập văn bản.")];
            else
                result[indicator.Code] = (input.Number, input.Text);
        }
        if (errors.Count > 0) throw new RequestValidationException(errors);
        return result;
    }
}

internal sealed class SaveUnitReportEndpoint(IMediator mediator) : Endpoint<SaveUnitReport, ReportView>
{
    public override void Configure()
    {
        Put(SaveUnitReport.Route);
        Policies(Permission.ReportsSubmit);
        Summary(s => s.Summary = "Save a unit's annual report as a draft (If-Match required once it exists)");
    }

    public override async Task HandleAsync(SaveUnitReport req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetUnitReport { PeriodId = req.PeriodId, UnitId = req.UnitId }, ct), ct);
    }
}

/// <summary>What a workflow step needs to say afterwards: the view, and whom to notify.</summary>
public sealed record ReportStepResult(Guid PeriodId, Guid UnitId, int Year, string UnitName, Guid? ParentId, string Action, string? Comment);

/// <summary>Sends the report to the unit above; every number indicator must be filled (0 is a value).</summary>
public sealed record SubmitReport : Mediator.ICommand<ReportStepResult>
{
    public const string Route = "/api/v1/organization/reports/{id}/submit";
    public Guid Id { get; init; }
}

/// <summary>Returns a submitted report to its unit with comments (by a unit above it).</summary>
public sealed record ReturnReport : Mediator.ICommand<ReportStepResult>
{
    public const string Route = "/api/v1/organization/reports/{id}/return";
    public Guid Id { get; init; }
    /// <summary>What to correct (required).</summary>
    public string Comment { get; init; } = "";
}

/// <summary>Accepts a submitted report (by a unit above it).</summary>
public sealed record AcceptReport : Mediator.ICommand<ReportStepResult>
{
    public const string Route = "/api/v1/organization/reports/{id}/accept";
    public Guid Id { get; init; }
    public string? Comment { get; init; }
}

internal sealed class ReturnReportValidator : AbstractValidator<ReturnReport>
{
    public ReturnReportValidator() => RuleFor(x => x.Comment).NotEmpty().MaximumLength(2000);
}

internal sealed class AcceptReportValidator : AbstractValidator<AcceptReport>
{
    public AcceptReportValidator() => RuleFor(x => x.Comment).MaximumLength(2000);
}

internal sealed class ReportStepHandler(ReportAccess access) :
    Mediator.ICommandHandler<SubmitReport, ReportStepResult>,
    Mediator.ICommandHandler<ReturnReport, ReportStepResult>,
    Mediator.ICommandHandler<AcceptReport, ReportStepResult>
{
    public async ValueTask<ReportStepResult> Handle(SubmitReport command, CancellationToken ct)
    {
        var (report, period, unit) = await LoadAsync(command.Id, ct);
        access.Db.Access.Demand(Permission.ReportsSubmit, unit.Id, Localized.Text("Report", "báo cáo"), report.Id);
        var missing = period.Indicators.Where(i => i.Kind == IndicatorKind.Number)
            .Where(i => report.Values.FirstOrDefault(v => v.IndicatorCode == i.Code)?.Number is null)
            .OrderBy(i => i.Position).ToList();
        if (missing.Count > 0)
            throw new BusinessRuleException("report_incomplete",
                Localized.Text("Fill in every number indicator (0 when there is nothing to report) before submitting.",
                    "Hãy điền đủ các chỉ tiêu dạng số (ghi 0 nếu không có) trước khi nộp."),
                missing.ToDictionary(i => i.Code, i => new[] { Localized.Text($"'{i.Name}' is empty.", $"'{i.Name}' chưa được điền.") }));
        report.Submit(access.NowUtc, access.Today, period.Deadline, access.Actor);
        return Result(report, period, unit, "submitted", null);
    }

    public async ValueTask<ReportStepResult> Handle(ReturnReport command, CancellationToken ct)
    {
        var (report, period, unit) = await LoadAsync(command.Id, ct);
        access.DemandReview(unit);
        report.Return(command.Comment, access.NowUtc, access.Actor);
        return Result(report, period, unit, "returned", command.Comment);
    }

    public async ValueTask<ReportStepResult> Handle(AcceptReport command, CancellationToken ct)
    {
        var (report, period, unit) = await LoadAsync(command.Id, ct);
        access.DemandReview(unit);
        report.Accept(command.Comment, access.NowUtc, access.Actor);
        return Result(report, period, unit, "accepted", command.Comment);
    }

    private async Task<(AnnualReport, ReportPeriod, UnionUnit)> LoadAsync(Guid id, CancellationToken ct)
    {
        var report = await access.ReportByIdAsync(id, ct);
        var (period, unit) = await access.ReportingUnitAsync(report.PeriodId, report.UnitId, ct);
        return (report, period, unit);
    }

    private static ReportStepResult Result(AnnualReport report, ReportPeriod period, UnionUnit unit, string action, string? comment) =>
        new(period.Id, unit.Id, period.Year, unit.Name, unit.ParentId, action, comment);
}

/// <summary>The three workflow steps share one shape: run the step, notify, answer the report as it now stands.</summary>
internal abstract class ReportStepEndpoint<TRequest>(IMediator mediator, INotifier notifier) : Endpoint<TRequest, ReportView>
    where TRequest : Mediator.ICommand<ReportStepResult>
{
    protected abstract string Route { get; }
    protected abstract string StepSummary { get; }
    protected abstract string RequiredPermission { get; }

    public override void Configure()
    {
        Post(Route);
        Policies(RequiredPermission);
        Summary(s => s.Summary = StepSummary);
    }

    public override async Task HandleAsync(TRequest req, CancellationToken ct)
    {
        var step = await mediator.Send(req, ct);
        await NotifyAsync(step, ct);
        await Send.OkAsync(await mediator.Send(new GetUnitReport { PeriodId = step.PeriodId, UnitId = step.UnitId }, ct), ct);
    }

    private async Task NotifyAsync(ReportStepResult step, CancellationToken ct)
    {
        var link = $"/organization/reports/{step.PeriodId}/units/{step.UnitId}";
        var stamp = Guid.CreateVersion7().ToString("N");
        var args = new Dictionary<string, string> { ["year"] = step.Year.ToString(), ["unit"] = step.UnitName, ["comment"] = step.Comment ?? "" };
        if (step.Action == "submitted" && step.ParentId is { } parent)
            await notifier.NotifyUnitAsync(parent, new Notice($"report:{step.PeriodId}:{step.UnitId}:submitted:{stamp}", "report.submitted",
                $"{step.UnitName} đã nộp báo cáo năm {step.Year}.", link, args), ct);
        else if (step.Action == "returned")
            await notifier.NotifyUnitAsync(step.UnitId, new Notice($"report:{step.PeriodId}:{step.UnitId}:returned:{stamp}", "report.returned",
                $"Báo cáo năm {step.Year} bị trả lại: {step.Comment}", link, args), ct);
        else if (step.Action == "accepted")
            await notifier.NotifyUnitAsync(step.UnitId, new Notice($"report:{step.PeriodId}:{step.UnitId}:accepted", "report.accepted",
                $"Báo cáo năm {step.Year} đã được chấp nhận.", link, args), ct);
    }
}

internal sealed class SubmitReportEndpoint(IMediator mediator, INotifier notifier) : ReportStepEndpoint<SubmitReport>(mediator, notifier)
{
    protected override string Route => SubmitReport.Route;
    protected override string RequiredPermission => Permission.ReportsSubmit;
    protected override string StepSummary => "Submit a unit's annual report to the unit above";
}

internal sealed class ReturnReportEndpoint(IMediator mediator, INotifier notifier) : ReportStepEndpoint<ReturnReport>(mediator, notifier)
{
    protected override string Route => ReturnReport.Route;
    protected override string RequiredPermission => Permission.ReportsReview;
    protected override string StepSummary => "Return a submitted report to its unit with comments";
}

internal sealed class AcceptReportEndpoint(IMediator mediator, INotifier notifier) : ReportStepEndpoint<AcceptReport>(mediator, notifier)
{
    protected override string Route => AcceptReport.Route;
    protected override string RequiredPermission => Permission.ReportsReview;
    protected override string StepSummary => "Accept a submitted report";
}

using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Reports;

/// <summary>
/// A period asked for by a unit applies to the units below it: a user reads the periods of the units in scope and of
/// the units above them (a district officer reads the province's period), and manages only those their rights cover.
/// </summary>
internal static class PeriodVisibility
{
    public static IQueryable<ReportPeriod> Readable(OrganizationDbContext db) => db.ReadableDownwards<ReportPeriod>();

    public static async Task<ReportPeriod> FindAsync(OrganizationDbContext db, Guid id, CancellationToken ct, bool withIndicators = true)
    {
        var query = Readable(db);
        if (withIndicators) query = query.Include(p => p.Indicators);
        return await query.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Report period", "kỳ báo cáo"), id);
    }
}

/// <summary>The standard template (domain.md §5: the indicators the federation watches), used when a period is opened without one.</summary>
internal static class DefaultTemplate
{
    public static readonly IReadOnlyList<IndicatorInput> Indicators =
    [
        new() { Code = "focal_official", Name = "Có cán bộ đầu mối KH,CN&ĐMST đang hoạt động (1 = có)", Section = "Tổ chức thực hiện", Kind = IndicatorKind.Number, Measure = "đơn vị", Source = IndicatorSources.FocalOfficial },
        new() { Code = "plan_issued", Name = "Đã ban hành kế hoạch thực hiện (1 = có)", Section = "Tổ chức thực hiện", Kind = IndicatorKind.Number, Measure = "đơn vị", Source = IndicatorSources.PlanIssued },
        new() { Code = "officials", Name = "Số cán bộ công đoàn của đơn vị", Section = "Tổ chức thực hiện", Kind = IndicatorKind.Number, Measure = "người", Source = IndicatorSources.Officials },
        new() { Code = "campaigns", Name = "Số cuộc tuyên truyền về KH,CN&ĐMST", Section = "Tuyên truyền", Kind = IndicatorKind.Number, Measure = "cuộc", Source = "training.campaigns-held" },
        new() { Code = "people_reached", Name = "Số lượt CNVCLĐ được tuyên truyền", Section = "Tuyên truyền", Kind = IndicatorKind.Number, Measure = "lượt người", Source = "training.people-reached" },
        new() { Code = "courses_held", Name = "Số lớp đào tạo, bồi dưỡng đã tổ chức", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "lớp", Source = "training.courses-held" },
        new() { Code = "officials_trained", Name = "Số cán bộ được đào tạo, bồi dưỡng", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained" },
        new() { Code = "officials_trained_expertise", Name = "Trong đó: chuyên môn, nghiệp vụ", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained.expertise" },
        new() { Code = "officials_trained_political_theory", Name = "Trong đó: lý luận chính trị", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained.political-theory" },
        new() { Code = "officials_trained_foreign_language", Name = "Trong đó: ngoại ngữ", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained.foreign-language" },
        new() { Code = "officials_trained_research_methods", Name = "Trong đó: phương pháp nghiên cứu khoa học", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained.research-methods" },
        new() { Code = "officials_trained_innovation_skills", Name = "Trong đó: kỹ năng đổi mới sáng tạo", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained.innovation-skills" },
        new() { Code = "officials_trained_other", Name = "Trong đó: lĩnh vực khác", Section = "Đào tạo, bồi dưỡng", Kind = IndicatorKind.Number, Measure = "người", Source = "training.officials-trained.other" },
        new() { Code = "initiatives_submitted", Name = "Số sáng kiến, cải tiến kỹ thuật đăng ký", Section = "Sáng kiến, cải tiến kỹ thuật", Kind = IndicatorKind.Number, Measure = "sáng kiến" },
        new() { Code = "initiatives_recognised", Name = "Số sáng kiến được công nhận", Section = "Sáng kiến, cải tiến kỹ thuật", Kind = IndicatorKind.Number, Measure = "sáng kiến" },
        new() { Code = "initiative_benefit", Name = "Giá trị làm lợi của sáng kiến", Section = "Sáng kiến, cải tiến kỹ thuật", Kind = IndicatorKind.Number, Measure = "VND" },
        new() { Code = "topics_ordered", Name = "Số đề tài, nhiệm vụ được đặt hàng, giao", Section = "Nghiên cứu khoa học", Kind = IndicatorKind.Number, Measure = "đề tài" },
        new() { Code = "topics_accepted", Name = "Số đề tài được nghiệm thu", Section = "Nghiên cứu khoa học", Kind = IndicatorKind.Number, Measure = "đề tài" },
        new() { Code = "people_honoured", Name = "Số cá nhân được khen thưởng", Section = "Khen thưởng", Kind = IndicatorKind.Number, Measure = "người" },
        new() { Code = "collectives_honoured", Name = "Số tập thể được khen thưởng", Section = "Khen thưởng", Kind = IndicatorKind.Number, Measure = "tập thể" },
        new() { Code = "funding", Name = "Kinh phí cho hoạt động KH,CN&ĐMST", Section = "Kinh phí", Kind = IndicatorKind.Number, Measure = "VND" },
        new() { Code = "highlights", Name = "Kết quả nổi bật", Section = "Đánh giá chung", Kind = IndicatorKind.Text },
        new() { Code = "difficulties", Name = "Khó khăn, vướng mắc", Section = "Đánh giá chung", Kind = IndicatorKind.Text },
        new() { Code = "proposals", Name = "Đề xuất, kiến nghị", Section = "Đánh giá chung", Kind = IndicatorKind.Text },
    ];
}

internal static class ReportPeriodRules
{
    public const int MinYear = 2000;

    public static void AddPeriodRules<T>(this AbstractValidator<T> v, ReportPrefill prefill) where T : ReportPeriodFields
    {
        v.RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        v.RuleFor(x => x.Deadline).NotEmpty();
        v.RuleFor(x => x.Indicators).Must(i => i is null || i.Count is > 0 and <= 100).WithMessage("A template has between 1 and 100 indicators.", "Mẫu báo cáo có từ 1 đến 100 chỉ tiêu.");
        v.RuleForEach(x => x.Indicators).ChildRules(i =>
        {
            i.RuleFor(x => x.Code).NotEmpty().MaximumLength(60).Matches("^[A-Za-z0-9_-]+$").WithMessage("Use letters, digits, '_' or '-'.", "Chỉ dùng chữ cái, chữ số, '_' hoặc '-'.");
            i.RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
            i.RuleFor(x => x.Section).NotEmpty().MaximumLength(200);
            i.RuleFor(x => x.Kind).IsInEnum();
            i.RuleFor(x => x.Measure).MaximumLength(40);
            i.RuleFor(x => x.Source).Must(s => s is null || prefill.Sources.Any(p => p.Key == s)).WithMessage("Unknown source; see GET /api/v1/organization/reports/catalogue.", "Nguồn số liệu không tồn tại; xem GET /api/v1/organization/reports/catalogue.");
            i.RuleFor(x => x.Source).Null().When(x => x.Kind == IndicatorKind.Text).WithMessage("Only number indicators can be pre-filled.", "Chỉ chỉ tiêu dạng số mới được điền sẵn.");
        });
    }

    public static IReadOnlyList<IndicatorDefinition> ToDefinitions(IReadOnlyList<IndicatorInput>? inputs) =>
        (inputs ?? DefaultTemplate.Indicators).Select(i => new IndicatorDefinition(i.Code, i.Name, i.Section, i.Kind, i.Measure, i.Source)).ToList();

    public static ReportPeriodDetail ToDetail(ReportPeriod p, string unitName, bool locked) =>
        new(p.Id, p.UnitId, unitName, p.Year, p.Title, p.Deadline,
            p.Indicators.OrderBy(i => i.Position).Select(i => new IndicatorView(i.Code, i.Name, i.Section, i.Kind, i.Measure, i.Source)).ToList(),
            locked, p.Version, p.CreatedAtUtc, p.UpdatedAtUtc);
}

/// <summary>The editable fields of a reporting period.</summary>
public abstract record ReportPeriodFields
{
    public string Title { get; init; } = "";
    /// <summary>Last day for the units to submit (Vietnam date).</summary>
    public DateOnly Deadline { get; init; }
    /// <summary>The template: on create, omitted = the standard template of the plan's indicators; on update, omitted = unchanged.</summary>
    public IReadOnlyList<IndicatorInput>? Indicators { get; init; }
}

/// <summary>The reporting periods the caller's units report in or ask for, newest year first.</summary>
public sealed record ListReportPeriods : IQuery<PagedResult<ReportPeriodListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/organization/reports/periods";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>year (default: newest first) or deadline; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the title (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    public int? Year { get; init; }
}

internal sealed class ListReportPeriodsValidator : AbstractValidator<ListReportPeriods>
{
    public ListReportPeriodsValidator() => this.AddPagingRules("year", "deadline");
}

internal sealed class ListReportPeriodsHandler(OrganizationDbContext db) : IQueryHandler<ListReportPeriods, PagedResult<ReportPeriodListItem>>
{
    public async ValueTask<PagedResult<ReportPeriodListItem>> Handle(ListReportPeriods query, CancellationToken ct)
    {
        var periods = PeriodVisibility.Readable(db).AsNoTracking();
        if (query.Year is { } year) periods = periods.Where(p => p.Year == year);
        periods = periods.WhereMatches(query.Q, p => p.SearchText);
        var desc = query.Descending();
        periods = query.SortField() switch
        {
            "deadline" => desc ? periods.OrderByDescending(p => p.Deadline) : periods.OrderBy(p => p.Deadline),
            "year" when !desc => periods.OrderBy(p => p.Year),
            _ => periods.OrderByDescending(p => p.Year).ThenBy(p => p.Deadline),
        };
        return await periods.Select(p => new ReportPeriodListItem(p.Id, p.UnitId, p.Year, p.Title, p.Deadline, p.Indicators.Count)).ToPageAsync(query, ct);
    }
}

internal sealed class ListReportPeriodsEndpoint(IMediator mediator) : Endpoint<ListReportPeriods, PagedResult<ReportPeriodListItem>>
{
    public override void Configure()
    {
        Get(ListReportPeriods.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "List the annual reporting periods");
    }

    public override async Task HandleAsync(ListReportPeriods req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>A reporting period with its template.</summary>
public sealed record GetReportPeriod : IQuery<ReportPeriodDetail>
{
    public const string Route = "/api/v1/organization/reports/periods/{id}";
    public static string For(Guid id) => $"/api/v1/organization/reports/periods/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetReportPeriodHandler(OrganizationDbContext db) : IQueryHandler<GetReportPeriod, ReportPeriodDetail>
{
    public async ValueTask<ReportPeriodDetail> Handle(GetReportPeriod query, CancellationToken ct)
    {
        var period = await PeriodVisibility.FindAsync(db, query.Id, ct);
        var unitName = await db.Units.IgnoreQueryFilters().Where(u => u.Id == period.UnitId).Select(u => u.Name).FirstAsync(ct);
        var locked = await db.Reports.IgnoreQueryFilters().AnyAsync(r => r.PeriodId == period.Id && r.FirstSubmittedAtUtc != null, ct);
        return ReportPeriodRules.ToDetail(period, unitName, locked);
    }
}

internal sealed class GetReportPeriodEndpoint(IMediator mediator) : Endpoint<GetReportPeriod, ReportPeriodDetail>
{
    public override void Configure()
    {
        Get(GetReportPeriod.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Get a reporting period with its template of indicators");
    }

    public override async Task HandleAsync(GetReportPeriod req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

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
        if (!await db.Units.AnyAsync(u => u.Id == command.UnitId, ct)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), command.UnitId);
        db.Access.Demand(Permission.ReportsManage, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
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

/// <summary>Changes a period's title, deadline or template (the template only until a report is submitted); If-Match required.</summary>
public sealed record UpdateReportPeriod : ReportPeriodFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/reports/periods/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateReportPeriodValidator : AbstractValidator<UpdateReportPeriod>
{
    public UpdateReportPeriodValidator(ReportPrefill prefill) => this.AddPeriodRules(prefill);
}

internal sealed class UpdateReportPeriodHandler(OrganizationDbContext db) : Mediator.ICommandHandler<UpdateReportPeriod, Guid>
{
    public async ValueTask<Guid> Handle(UpdateReportPeriod command, CancellationToken ct)
    {
        var period = await PeriodVisibility.FindAsync(db, command.Id, ct);
        db.Access.Demand(Permission.ReportsManage, period.UnitId, Localized.Text("Report period", "kỳ báo cáo"), period.Id);
        Concurrency.GuardUpdate(db, period, command.IfMatch);
        period.Update(command.Title, command.Deadline);
        if (command.Indicators is not null)
        {
            var anySubmitted = await db.Reports.IgnoreQueryFilters().AnyAsync(r => r.PeriodId == period.Id && r.FirstSubmittedAtUtc != null, ct);
            period.ReplaceIndicators(ReportPeriodRules.ToDefinitions(command.Indicators), anySubmitted);
        }
        return period.Id;
    }
}

internal sealed class UpdateReportPeriodEndpoint(IMediator mediator) : Endpoint<UpdateReportPeriod, ReportPeriodDetail>
{
    public override void Configure()
    {
        Put(UpdateReportPeriod.Route);
        Policies(Permission.ReportsManage);
        Summary(s => s.Summary = "Update a reporting period (If-Match required; 412 when stale; template locked once reports are submitted)");
    }

    public override async Task HandleAsync(UpdateReportPeriod req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetReportPeriod { Id = id }, ct), ct);
    }
}

public sealed record IndicatorSourceView(string Key, string Description);

/// <summary>The figures the system can pre-fill report indicators with, and the standard template.</summary>
public sealed record GetReportingCatalogue : IQuery<ReportingCatalogue>
{
    public const string Route = "/api/v1/organization/reports/catalogue";
}

public sealed record ReportingCatalogue(IReadOnlyList<IndicatorSourceView> Sources, IReadOnlyList<IndicatorInput> DefaultTemplate);

internal sealed class GetReportingCatalogueHandler(ReportPrefill prefill) : IQueryHandler<GetReportingCatalogue, ReportingCatalogue>
{
    public ValueTask<ReportingCatalogue> Handle(GetReportingCatalogue query, CancellationToken ct) =>
        ValueTask.FromResult(new ReportingCatalogue(
            prefill.Sources.Select(s => new IndicatorSourceView(s.Key, s.Description)).OrderBy(s => s.Key).ToList(), DefaultTemplate.Indicators));
}

// Without a request DTO: FastEndpoints cannot bind one that has no properties (500 on every call).
internal sealed class GetReportingCatalogueEndpoint(IMediator mediator) : EndpointWithoutRequest<ReportingCatalogue>
{
    public override void Configure()
    {
        Get(GetReportingCatalogue.Route);
        Policies(Permission.UnitsRead);
        Summary(s =>
        {
            s.Summary = "The pre-fill sources for report indicators and the standard template";
            s.Description = "The figures the system can pre-fill report indicators with, and the standard template.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await mediator.Send(new GetReportingCatalogue(), ct), ct);
}

using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.Organization.Contracts;
using Khcn.Organization.Domain;

namespace Khcn.Organization.Features.Plans;

public sealed record PlanListItem(Guid Id, Guid UnitId, string Number, string Title, string IssuerName, DateOnly IssuedOn, int PeriodFrom,
    int PeriodTo, DateOnly ImplementationDeadline);

public sealed record PlanTaskView(string Code, string Text, string? ResponsibleBoard, string? Due);

public sealed record PlanSectionView(string Code, string Title, IReadOnlyList<PlanTaskView> Tasks);

/// <summary>A plan indicator and its target; <c>source</c> is the report indicator source measuring it (GET /reports/catalogue), set against the target on the dashboard.</summary>
public sealed record PlanIndicatorView(string Code, string Name, string UnitOfMeasure, decimal Target, string? Note, string? Source);

public sealed record PlanDetail(Guid Id, Guid UnitId, string Number, string Title, string IssuerName, DateOnly IssuedOn, int PeriodFrom,
    int PeriodTo, string? Implements, DateOnly ImplementationDeadline, string? Summary, IReadOnlyList<PlanSectionView> Sections,
    IReadOnlyList<PlanIndicatorView> Indicators, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

public sealed record PlanTaskInput
{
    /// <summary>e.g. "II.2.1".</summary>
    public string Code { get; init; } = "";
    public string Text { get; init; } = "";
    /// <summary>The board in charge (plan IV.1), e.g. "Ban Chính sách – Pháp luật".</summary>
    public string? ResponsibleBoard { get; init; }
    /// <summary>When it is due, in the plan's words ("Hằng năm", "Quý IV/2023").</summary>
    public string? Due { get; init; }
}

public sealed record PlanSectionInput
{
    /// <summary>e.g. "II.2".</summary>
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public IReadOnlyList<PlanTaskInput> Tasks { get; init; } = [];
}

public sealed record PlanIndicatorInput
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>e.g. "%", "đơn vị", "người", "đề tài".</summary>
    public string UnitOfMeasure { get; init; } = "";
    /// <summary>The target over the plan's period.</summary>
    public decimal Target { get; init; }
    public string? Note { get; init; }
    /// <summary>Key of the report indicator source that measures it (GET /api/v1/organization/reports/catalogue), if any: the dashboard sets its figures against the target.</summary>
    public string? Source { get; init; }
}

/// <summary>The editable content of a plan: the header in the Decree-30 spirit, its sections with tasks, its indicators.</summary>
public abstract record PlanFields
{
    /// <summary>Number and symbol, e.g. "405/KH-LĐLĐ".</summary>
    public string Number { get; init; } = "";
    public string Title { get; init; } = "";
    /// <summary>The issuing body as printed, e.g. "Liên đoàn Lao động tỉnh Hưng Yên".</summary>
    public string IssuerName { get; init; } = "";
    public DateOnly IssuedOn { get; init; }
    /// <summary>First year of the plan's period.</summary>
    public int PeriodFrom { get; init; }
    /// <summary>Last year of the plan's period.</summary>
    public int PeriodTo { get; init; }
    /// <summary>The higher document it implements, e.g. "Kế hoạch số 95/KH-UBND ngày 07/6/2023 của UBND tỉnh Hưng Yên".</summary>
    public string? Implements { get; init; }
    /// <summary>The day by which the units below must issue their implementation plans.</summary>
    public DateOnly ImplementationDeadline { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<PlanSectionInput> Sections { get; init; } = [];
    public IReadOnlyList<PlanIndicatorInput> Indicators { get; init; } = [];

    internal PlanDetails ToDetails() => new(Number, Title, IssuerName, IssuedOn, PeriodFrom, PeriodTo, Implements, ImplementationDeadline, Summary,
        Sections.Select(s => new PlanSectionDetails(s.Code, s.Title,
            s.Tasks.Select(t => new PlanTaskDetails(t.Code, t.Text, t.ResponsibleBoard, t.Due)).ToList())).ToList(),
        Indicators.Select(i => new PlanIndicatorDetails(i.Code, i.Name, i.UnitOfMeasure, i.Target, i.Note, i.Source)).ToList());
}

internal static class PlanFieldRules
{
    public static void AddPlanRules<T>(this AbstractValidator<T> v, Integrations.ReportPrefill prefill) where T : PlanFields
    {
        v.RuleFor(x => x.Number).NotEmpty().MaximumLength(100);
        v.RuleFor(x => x.Title).NotEmpty().MaximumLength(500);
        v.RuleFor(x => x.IssuerName).NotEmpty().MaximumLength(300);
        v.RuleFor(x => x.IssuedOn).NotEmpty();
        v.RuleFor(x => x.PeriodFrom).InclusiveBetween(2000, 2100);
        v.RuleFor(x => x.PeriodTo).InclusiveBetween(2000, 2100).GreaterThanOrEqualTo(x => x.PeriodFrom)
            .WithMessage("The last year must be on or after the first year.", "Năm kết thúc phải từ năm bắt đầu trở đi.");
        v.RuleFor(x => x.Implements).MaximumLength(500);
        v.RuleFor(x => x.ImplementationDeadline).NotEmpty().GreaterThanOrEqualTo(x => x.IssuedOn)
            .WithMessage("The implementation deadline must be on or after the issue date.", "Hạn triển khai phải từ ngày ban hành trở đi.");
        v.RuleFor(x => x.Summary).MaximumLength(4000);
        v.RuleFor(x => x.Sections).Must(s => s.Count <= 50).WithMessage("At most 50 sections.", "Tối đa 50 mục.");
        v.RuleForEach(x => x.Sections).ChildRules(s =>
        {
            s.RuleFor(x => x.Code).NotEmpty().MaximumLength(20);
            s.RuleFor(x => x.Title).NotEmpty().MaximumLength(500);
            s.RuleFor(x => x.Tasks).Must(t => t.Count <= 100).WithMessage("At most 100 tasks per section.", "Mỗi mục tối đa 100 nhiệm vụ.");
            s.RuleForEach(x => x.Tasks).ChildRules(t =>
            {
                t.RuleFor(x => x.Code).NotEmpty().MaximumLength(20);
                t.RuleFor(x => x.Text).NotEmpty().MaximumLength(2000);
                t.RuleFor(x => x.ResponsibleBoard).MaximumLength(300);
                t.RuleFor(x => x.Due).MaximumLength(100);
            });
        });
        v.RuleFor(x => x.Indicators).Must(s => s.Count <= 100).WithMessage("At most 100 indicators.", "Tối đa 100 chỉ tiêu.");
        v.RuleForEach(x => x.Indicators).ChildRules(i =>
        {
            i.RuleFor(x => x.Code).NotEmpty().MaximumLength(20);
            i.RuleFor(x => x.Name).NotEmpty().MaximumLength(500);
            i.RuleFor(x => x.UnitOfMeasure).NotEmpty().MaximumLength(50);
            i.RuleFor(x => x.Target).GreaterThanOrEqualTo(0);
            i.RuleFor(x => x.Note).MaximumLength(1000);
            i.RuleFor(x => x.Source).Must(s => string.IsNullOrWhiteSpace(s) || prefill.Sources.Any(p => p.Key == s.Trim()))
                .WithMessage("Unknown source; see GET /api/v1/organization/reports/catalogue.", "Nguồn số liệu không tồn tại; xem GET /api/v1/organization/reports/catalogue.");
        });
    }
}

/// <summary>Where a unit stands with its implementation plan of a parent plan.</summary>
public enum ComplianceStatus
{
    IssuedOnTime,
    IssuedLate,
    Draft,
    Missing,
}

/// <summary>One unit expected to implement the plan, and its implementation plan if it has one.</summary>
public sealed record ComplianceRow
{
    public Guid UnitId { get; init; }
    public string UnitCode { get; init; } = "";
    public string UnitName { get; init; } = "";
    public UnitKind Kind { get; init; }
    public int Depth { get; init; }
    public Guid? ParentId { get; init; }
    /// <summary>The parent's name when the caller sees the parent.</summary>
    public string? ParentName { get; init; }
    public ComplianceStatus Status { get; init; }
    public Guid? ImplementationPlanId { get; init; }
    public string? Number { get; init; }
    /// <summary>The date of the current issue (the last revision's).</summary>
    public DateOnly? IssuedOn { get; init; }
    /// <summary>The first issue's date, which on-time is judged by.</summary>
    public DateOnly? FirstIssuedOn { get; init; }
}

public sealed record ComplianceTotals(int Expected, int IssuedOnTime, int IssuedLate, int Draft, int Missing);

public sealed record PlanComplianceReport(Guid PlanId, DateOnly ImplementationDeadline, ComplianceTotals Totals, Khcn.BuildingBlocks.Contracts.PagedResult<ComplianceRow> Units);

public sealed record ImplementationRevisionView(int RevisionNo, string Number, DateOnly IssuedOn, string Title, string? Note, string? ChangedBy, DateTime ChangedAt);

public sealed record ImplementationAttachmentView(Guid Id, int RevisionNo, string FileName, string ContentType, long Size, DateTime UploadedAt, string? UploadedBy);

public sealed record ImplementationPlanDetail(Guid Id, Guid PlanId, string PlanNumber, DateOnly ImplementationDeadline, Guid UnitId, string UnitName,
    ImplementationPlanStatus Status, ComplianceStatus Compliance, string Title, string? Number, DateOnly? IssuedOn, DateOnly? FirstIssuedOn,
    string? Note, int RevisionNo, IReadOnlyList<ImplementationRevisionView> Revisions, IReadOnlyList<ImplementationAttachmentView> Attachments,
    long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

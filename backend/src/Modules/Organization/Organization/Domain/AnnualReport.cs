using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Organization.Domain;

public enum IndicatorKind
{
    /// <summary>A count or an amount (VND); totals add up over a subtree.</summary>
    Number,
    /// <summary>A narrative field (results, difficulties, proposals).</summary>
    Text,
    /// <summary>
    /// A yes/no question ("Đã ban hành kế hoạch?"), kept as 1 (yes) or 0 (no) so that its total over a subtree is the
    /// number of units answering yes. The form shows a switch, documents say "Có"/"Không" (#16).
    /// </summary>
    YesNo,
}

internal static class IndicatorKinds
{
    /// <summary>Kept as a number (a count, an amount or a yes/no as 1/0): summed over a subtree, required to submit.</summary>
    public static bool HoldsNumber(this IndicatorKind kind) => kind != IndicatorKind.Text;
}

public enum ReportStatus
{
    Draft,
    Submitted,
    Returned,
    Accepted,
}

/// <summary>
/// A reporting period (plan IV.2: every union reports its results every year): the year, the deadline and the
/// template of indicators every unit below the issuing unit fills in.
/// </summary>
internal sealed class ReportPeriod : Entity, IUnitOwned
{
    private ReportPeriod() { }

    /// <summary>The unit that asks for the reports (usually the provincial federation); the units below it report.</summary>
    public Guid UnitId { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public DateOnly Deadline { get; private set; }
    [NotAudited] public string SearchText { get; private set; } = "";
    public List<ReportIndicator> Indicators { get; private set; } = [];

    public static ReportPeriod Create(Guid unitId, int year, string title, DateOnly deadline, IReadOnlyList<IndicatorDefinition> indicators)
    {
        var period = new ReportPeriod { UnitId = unitId, Year = year };
        period.Update(title, deadline);
        period.ReplaceIndicators(indicators);
        return period;
    }

    public void Update(string title, DateOnly deadline)
    {
        if (deadline.Year < Year)
            throw new BusinessRuleException("deadline_before_year",
                Localized.Text("The deadline cannot fall before the reported year.", "Hạn nộp không thể trước năm báo cáo."),
                new Dictionary<string, string[]> { ["deadline"] = [Localized.Text($"Choose a date in {Year} or later.", $"Chọn một ngày từ năm {Year} trở đi.")] });
        Title = title.Trim();
        Deadline = deadline;
        SearchText = VietnameseText.FoldAll(Title);
    }

    /// <summary>Replaces the template; refused once a report has been submitted, so reports and template always match.</summary>
    public void ReplaceIndicators(IReadOnlyList<IndicatorDefinition> indicators, bool anySubmitted = false)
    {
        if (anySubmitted && !SameTemplate(indicators))
            throw new BusinessRuleException("template_in_use", Localized.Text(
                "Reports have already been submitted against this template; its indicators can no longer change.",
                "Đã có báo cáo nộp theo mẫu này; không thể thay đổi các chỉ tiêu của mẫu nữa."));
        var duplicate = indicators.GroupBy(i => i.Code, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new BusinessRuleException("duplicate_indicator",
                Localized.Text($"The indicator code '{duplicate.Key}' appears twice.", $"Mã chỉ tiêu '{duplicate.Key}' bị lặp."),
                new Dictionary<string, string[]>
                {
                    ["indicators"] = [Localized.Text($"Indicator codes must be unique ('{duplicate.Key}').", $"Mã chỉ tiêu không được trùng nhau ('{duplicate.Key}').")],
                });
        Indicators.Clear();
        Indicators.AddRange(indicators.Select((d, i) => new ReportIndicator(Id, d, i + 1)));
    }

    private bool SameTemplate(IReadOnlyList<IndicatorDefinition> indicators) =>
        indicators.Count == Indicators.Count
        && indicators.Zip(Indicators.OrderBy(i => i.Position)).All(p => p.First.Code == p.Second.Code && p.First.Kind == p.Second.Kind);
}

internal sealed record IndicatorDefinition(string Code, string Name, string Section, IndicatorKind Kind, string? Measure, string? Source);

/// <summary>One line of a period's template.</summary>
internal sealed class ReportIndicator
{
    private ReportIndicator() { }

    public ReportIndicator(Guid periodId, IndicatorDefinition d, int position)
    {
        PeriodId = periodId;
        Code = d.Code.Trim();
        Name = d.Name.Trim();
        Section = d.Section.Trim();
        Kind = d.Kind;
        Measure = string.IsNullOrWhiteSpace(d.Measure) ? null : d.Measure.Trim();
        Source = string.IsNullOrWhiteSpace(d.Source) ? null : d.Source.Trim();
        Position = position;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PeriodId { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>The heading it sits under (e.g. "Tuyên truyền").</summary>
    public string Section { get; private set; } = "";
    public IndicatorKind Kind { get; private set; }
    /// <summary>Unit of measure for numbers ("người", "VND", …).</summary>
    public string? Measure { get; private set; }
    /// <summary>Where the system can pre-fill it from (see <c>IReportIndicatorSource</c>); null = typed by the unit.</summary>
    public string? Source { get; private set; }
    public int Position { get; private set; }
}

/// <summary>
/// A unit's annual report for a period: draft → submitted → returned with comments (→ submitted again) → accepted
/// by a unit above. Timeliness is judged on the first submission.
/// </summary>
internal sealed class AnnualReport : Entity, IUnitOwned
{
    private AnnualReport() { }

    public Guid PeriodId { get; private set; }
    public Guid UnitId { get; private set; }
    public ReportStatus Status { get; private set; } = ReportStatus.Draft;
    public DateTime? FirstSubmittedAtUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTime? ReviewedAtUtc { get; private set; }
    public string? ReviewedBy { get; private set; }
    public string? ReviewComment { get; private set; }
    /// <summary>The first submission reached the unit above after the deadline (Vietnam date).</summary>
    public bool Late { get; private set; }
    public List<ReportValue> Values { get; private set; } = [];
    public List<ReportEvent> Events { get; private set; } = [];

    public static AnnualReport Start(Guid periodId, Guid unitId) => new() { PeriodId = periodId, UnitId = unitId };

    public bool Editable => Status is ReportStatus.Draft or ReportStatus.Returned;

    /// <summary>The status as it reads after "Báo cáo …", for messages.</summary>
    private string StatusName => Status switch
    {
        ReportStatus.Submitted => "đã nộp",
        ReportStatus.Returned => "đã bị trả lại",
        ReportStatus.Accepted => "đã được chấp nhận",
        _ => "nháp",
    };

    public void Fill(IReadOnlyDictionary<string, (decimal? Number, string? Text)> values)
    {
        if (!Editable)
            throw new BusinessRuleException("report_not_editable", Localized.Text(
                $"A {Status.ToString().ToLowerInvariant()} report cannot be changed; ask the unit above to return it.",
                $"Báo cáo {StatusName} không thể sửa; hãy đề nghị đơn vị cấp trên trả lại báo cáo."));
        foreach (var (code, (number, text)) in values)
        {
            var value = Values.FirstOrDefault(v => v.IndicatorCode == code);
            if (value is null) Values.Add(value = new ReportValue(Id, code));
            value.Set(number, text);
        }
    }

    public void Submit(DateTime nowUtc, DateOnly today, DateOnly deadline, string actor)
    {
        if (!Editable) throw new BusinessRuleException("report_not_submittable", Localized.Text(
            $"A {Status.ToString().ToLowerInvariant()} report cannot be submitted again.", $"Báo cáo {StatusName} không thể nộp lại."));
        if (FirstSubmittedAtUtc is null)
        {
            FirstSubmittedAtUtc = nowUtc;
            Late = today > deadline;
        }
        Status = ReportStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        SubmittedBy = actor;
        Record(nowUtc, actor, "submitted", null);
    }

    public void Return(string comment, DateTime nowUtc, string actor)
    {
        if (Status != ReportStatus.Submitted) throw new BusinessRuleException("report_not_submitted",
            Localized.Text("Only a submitted report can be returned.", "Chỉ trả lại được báo cáo đã nộp."));
        Status = ReportStatus.Returned;
        ReviewedAtUtc = nowUtc;
        ReviewedBy = actor;
        ReviewComment = comment.Trim();
        Record(nowUtc, actor, "returned", ReviewComment);
    }

    public void Accept(string? comment, DateTime nowUtc, string actor)
    {
        if (Status != ReportStatus.Submitted) throw new BusinessRuleException("report_not_submitted",
            Localized.Text("Only a submitted report can be accepted.", "Chỉ chấp nhận được báo cáo đã nộp."));
        Status = ReportStatus.Accepted;
        ReviewedAtUtc = nowUtc;
        ReviewedBy = actor;
        ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        Record(nowUtc, actor, "accepted", ReviewComment);
    }

    private void Record(DateTime at, string actor, string action, string? comment) => Events.Add(new ReportEvent(Id, at, actor, action, comment));
}

internal sealed class ReportValue
{
    private ReportValue() { }

    public ReportValue(Guid reportId, string code)
    {
        ReportId = reportId;
        IndicatorCode = code;
    }

    public Guid ReportId { get; private set; }
    public string IndicatorCode { get; private set; } = "";
    public decimal? Number { get; private set; }
    public string? Text { get; private set; }

    public void Set(decimal? number, string? text)
    {
        Number = number;
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}

/// <summary>Who did what to a report, when (the workflow's trail, shown on the report).</summary>
internal sealed class ReportEvent
{
    private ReportEvent() { }

    public ReportEvent(Guid reportId, DateTime atUtc, string actor, string action, string? comment)
    {
        ReportId = reportId;
        AtUtc = atUtc;
        Actor = actor;
        Action = action;
        Comment = comment;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ReportId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string? Comment { get; private set; }
}

using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Organization.Domain;

/// <summary>
/// A plan issued by a union unit (plan 405/KH-LĐLĐ of the province is the model): its sections with tasks and the
/// boards responsible, its indicators with targets, and the day by which every active unit below the issuing unit
/// must issue its own implementation plan (plan IV.2).
/// </summary>
internal sealed class Plan : Entity, IUnitOwned
{
    private Plan() { }

    /// <summary>The issuing unit; the units below it read the plan and implement it.</summary>
    public Guid UnitId { get; private set; }
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string IssuerName { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public int PeriodFrom { get; private set; }
    public int PeriodTo { get; private set; }
    /// <summary>The higher document this plan implements, e.g. "Kế hoạch số 95/KH-UBND ngày 07/6/2023 của UBND tỉnh".</summary>
    public string? Implements { get; private set; }
    /// <summary>The day by which the units below must have issued their implementation plans.</summary>
    public DateOnly ImplementationDeadline { get; private set; }
    public string? Summary { get; private set; }
    [NotAudited] public string SearchText { get; private set; } = "";
    public List<PlanSection> Sections { get; private set; } = [];
    public List<PlanIndicator> Indicators { get; private set; } = [];

    public static Plan Create(Guid unitId, PlanDetails details)
    {
        var plan = new Plan { UnitId = unitId };
        plan.Update(details);
        return plan;
    }

    /// <summary>Replaces the plan's header, sections and indicators with <paramref name="d"/> (the plan is edited as one document).</summary>
    public void Update(PlanDetails d)
    {
        if (d.PeriodTo < d.PeriodFrom)
            throw new BusinessRuleException("plan_period",
                Localized.Text("The plan's period cannot end before it starts.", "Giai đoạn của kế hoạch không thể kết thúc trước khi bắt đầu."),
                new Dictionary<string, string[]> { ["periodTo"] = [Localized.Text("Choose a year on or after the first year.", "Chọn năm từ năm bắt đầu trở đi.")] });
        if (d.ImplementationDeadline < d.IssuedOn)
            throw new BusinessRuleException("deadline_before_issue",
                Localized.Text("The implementation deadline cannot be before the plan is issued.", "Hạn triển khai không thể trước ngày ban hành kế hoạch."),
                new Dictionary<string, string[]>
                {
                    ["implementationDeadline"] = [Localized.Text("Choose a day on or after the issue date.", "Chọn ngày từ ngày ban hành trở đi.")],
                });
        Number = d.Number.Trim();
        Title = d.Title.Trim();
        IssuerName = d.IssuerName.Trim();
        IssuedOn = d.IssuedOn;
        PeriodFrom = d.PeriodFrom;
        PeriodTo = d.PeriodTo;
        Implements = Clean(d.Implements);
        ImplementationDeadline = d.ImplementationDeadline;
        Summary = Clean(d.Summary);
        SearchText = VietnameseText.FoldAll(Number, Title, IssuerName, Implements, Summary);

        Sections.Clear();
        for (var i = 0; i < d.Sections.Count; i++)
        {
            var s = d.Sections[i];
            var section = new PlanSection(Id, i + 1, s.Code.Trim(), s.Title.Trim());
            for (var j = 0; j < s.Tasks.Count; j++)
            {
                var t = s.Tasks[j];
                section.Tasks.Add(new PlanTask(section.Id, j + 1, t.Code.Trim(), t.Text.Trim(), Clean(t.ResponsibleBoard), Clean(t.Due)));
            }
            Sections.Add(section);
        }
        Indicators.Clear();
        for (var i = 0; i < d.Indicators.Count; i++)
        {
            var x = d.Indicators[i];
            Indicators.Add(new PlanIndicator(Id, i + 1, x.Code.Trim(), x.Name.Trim(), x.UnitOfMeasure.Trim(), x.Target, Clean(x.Note), Clean(x.Source)));
        }
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal sealed record PlanDetails(string Number, string Title, string IssuerName, DateOnly IssuedOn, int PeriodFrom, int PeriodTo,
    string? Implements, DateOnly ImplementationDeadline, string? Summary, IReadOnlyList<PlanSectionDetails> Sections,
    IReadOnlyList<PlanIndicatorDetails> Indicators);

internal sealed record PlanSectionDetails(string Code, string Title, IReadOnlyList<PlanTaskDetails> Tasks);

internal sealed record PlanTaskDetails(string Code, string Text, string? ResponsibleBoard, string? Due);

/// <summary>An indicator of a plan; its source (an <c>IReportIndicatorSource</c> key), if any, is what the dashboard sets against the target.</summary>
internal sealed record PlanIndicatorDetails(string Code, string Name, string UnitOfMeasure, decimal Target, string? Note, string? Source = null);

/// <summary>A section of a plan's tasks and solutions, e.g. "II.2 Đổi mới về tổ chức, quản lý, chính sách".</summary>
internal sealed class PlanSection
{
    private PlanSection() { }

    public PlanSection(Guid planId, int order, string code, string title)
    {
        PlanId = planId;
        Order = order;
        Code = code;
        Title = title;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PlanId { get; private set; }
    public int Order { get; private set; }
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public List<PlanTask> Tasks { get; private set; } = [];
}

/// <summary>A task of a plan section and the board responsible for it (plan IV.1).</summary>
internal sealed class PlanTask
{
    private PlanTask() { }

    public PlanTask(Guid sectionId, int order, string code, string text, string? responsibleBoard, string? due)
    {
        SectionId = sectionId;
        Order = order;
        Code = code;
        Text = text;
        ResponsibleBoard = responsibleBoard;
        Due = due;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SectionId { get; private set; }
    public int Order { get; private set; }
    public string Code { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string? ResponsibleBoard { get; private set; }
    /// <summary>When it is due, as the plan says it ("Hằng năm", "Quý IV/2023").</summary>
    public string? Due { get; private set; }
}

/// <summary>An indicator the plan watches, with its target over the plan's period (domain.md §5).</summary>
internal sealed class PlanIndicator
{
    private PlanIndicator() { }

    public PlanIndicator(Guid planId, int order, string code, string name, string unitOfMeasure, decimal target, string? note, string? source)
    {
        Source = source;
        PlanId = planId;
        Order = order;
        Code = code;
        Name = name;
        UnitOfMeasure = unitOfMeasure;
        Target = target;
        Note = note;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PlanId { get; private set; }
    public int Order { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string UnitOfMeasure { get; private set; } = "";
    public decimal Target { get; private set; }
    public string? Note { get; private set; }
    /// <summary>The report indicator source that measures it (the dashboard's figure for the target), if any.</summary>
    public string? Source { get; private set; }
}

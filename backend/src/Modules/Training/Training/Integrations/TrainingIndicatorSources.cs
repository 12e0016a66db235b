using Khcn.BuildingBlocks.Domain;
using Khcn.Organization.Contracts;
using Khcn.Training.Domain;

namespace Khcn.Training.Integrations;

/// <summary>
/// What completed courses feed into the annual report (domain.md §5: courses, officials trained by subject). A
/// course counts in the year (Vietnam time) it was completed. A course is held by the unit that requested it
/// (the only organising unit a course has); an official is trained by the subtree of the unit they were nominated
/// from, counted once however many courses they completed. A unit whose subtree neither held a course nor had an
/// official complete one that year gets no value, so its report is not pre-filled with a zero it never stated.
/// </summary>
internal abstract class CompletedTrainingSource(ReportFigures figures) : IReportIndicatorSource
{
    public abstract string Key { get; }
    public abstract string Description { get; }

    protected abstract decimal Value(IReadOnlyList<HeldCourse> held, IReadOnlyList<CourseCompletion> completions);

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct)
    {
        var result = new Dictionary<Guid, decimal>();
        var (held, completions) = await figures.CompletedAsync(year, ct);
        if (held.Count == 0) return result;
        foreach (var unitId in unitIds.Distinct())
        {
            var subtree = await figures.SubtreeAsync(unitId, ct);
            var mineHeld = held.Where(c => subtree.Contains(c.RequestingUnitId)).ToList();
            var mineCompleted = completions.Where(c => subtree.Contains(c.UnitId)).ToList();
            if (mineHeld.Count > 0 || mineCompleted.Count > 0) result[unitId] = Value(mineHeld, mineCompleted);
        }
        return result;
    }
}

internal sealed class CoursesHeldSource(ReportFigures figures) : CompletedTrainingSource(figures)
{
    public const string SourceKey = "training.courses-held";
    public override string Key => SourceKey;
    public override string Description => Localized.Text(
        "Courses completed in the year that the unit or a unit below it requested (organised with a partner agency).",
        "Số khóa học do đơn vị hoặc đơn vị cấp dưới đề nghị (tổ chức cùng cơ quan đối tác) đã hoàn thành trong năm.");
    protected override decimal Value(IReadOnlyList<HeldCourse> held, IReadOnlyList<CourseCompletion> completions) => held.Count;
}

/// <summary>Officials of the subtree who completed a course that year; of one subject, or of any when <c>subject</c> is null.</summary>
internal sealed class OfficialsTrainedSource(ReportFigures figures, CourseSubject? subject) : CompletedTrainingSource(figures)
{
    public const string SourceKey = "training.officials-trained";

    /// <summary>The key of the source for one subject, e.g. "training.officials-trained.research-methods".</summary>
    public static string KeyOf(CourseSubject subject) => $"{SourceKey}.{Kebab(subject)}";

    public override string Key => subject is { } s ? KeyOf(s) : SourceKey;

    public override string Description => subject is { } s
        ? Localized.Text($"Distinct officials of the unit's subtree who completed a course on {Words(s)} in the year.",
            $"Số cán bộ (mỗi người tính một lần) của đơn vị và các đơn vị cấp dưới đã hoàn thành một khóa học về {VietnameseWords(s)} trong năm.")
        : Localized.Text("Distinct officials of the unit's subtree who completed a course in the year (by the completion rule).",
            "Số cán bộ (mỗi người tính một lần) của đơn vị và các đơn vị cấp dưới đã hoàn thành một khóa học trong năm (theo quy tắc hoàn thành).");

    protected override decimal Value(IReadOnlyList<HeldCourse> held, IReadOnlyList<CourseCompletion> completions) =>
        completions.Where(c => subject is null || c.Subject == subject).Select(c => c.OfficialId).Distinct().Count();

    private static string Kebab(CourseSubject s) =>
        string.Concat(s.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static string Words(CourseSubject s) => Kebab(s).Replace('-', ' ');

    private static string VietnameseWords(CourseSubject s) => s switch
    {
        CourseSubject.Expertise => "chuyên môn, nghiệp vụ",
        CourseSubject.PoliticalTheory => "lý luận chính trị",
        CourseSubject.ForeignLanguage => "ngoại ngữ",
        CourseSubject.ResearchMethods => "phương pháp nghiên cứu khoa học",
        CourseSubject.InnovationSkills => "kỹ năng đổi mới sáng tạo",
        _ => "lĩnh vực khác",
    };
}

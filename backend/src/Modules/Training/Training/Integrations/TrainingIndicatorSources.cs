using Khcn.BuildingBlocks.Domain;
using Khcn.Organization.Contracts;
using Khcn.Training.Domain;

namespace Khcn.Training.Integrations;

/// <summary>
/// What completed courses feed into the annual report (domain.md §5: courses, officials trained by subject). A
/// course counts in the year (Vietnam time) it was completed. A course is held by the unit that requested it
/// (the only organising unit a course has); an official is trained by the unit they were nominated from, counted
/// once however many courses they completed. Values are the unit's own (the contract of
/// <see cref="IReportIndicatorSource"/>): the synthesis and the dashboard add them up over a subtree. A unit that
/// neither held a course nor had an official complete one that year gets no value, so its report is not pre-filled
/// with a zero it never stated.
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
        var heldBy = held.ToLookup(c => c.RequestingUnitId);
        var completedBy = completions.ToLookup(c => c.UnitId);
        foreach (var unitId in unitIds.Distinct())
        {
            List<HeldCourse> mineHeld = [.. heldBy[unitId]];
            List<CourseCompletion> mineCompleted = [.. completedBy[unitId]];
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
        "Courses completed in the year that the unit requested (organised with a partner agency).",
        "Số khóa học do đơn vị đề nghị (tổ chức cùng cơ quan đối tác) đã hoàn thành trong năm.");
    protected override decimal Value(IReadOnlyList<HeldCourse> held, IReadOnlyList<CourseCompletion> completions) => held.Count;
}

/// <summary>Officials nominated by the unit who completed a course that year; of one subject, or of any when <c>subject</c> is null.</summary>
internal sealed class OfficialsTrainedSource(ReportFigures figures, CourseSubject? subject) : CompletedTrainingSource(figures)
{
    public const string SourceKey = "training.officials-trained";

    /// <summary>The key of the source for one subject, e.g. "training.officials-trained.research-methods".</summary>
    public static string KeyOf(CourseSubject subject) => $"{SourceKey}.{Kebab(subject)}";

    public override string Key => subject is { } s ? KeyOf(s) : SourceKey;

    public override string Description => subject is { } s
        ? Localized.Text($"Distinct officials nominated by the unit who completed a course on {Words(s)} in the year.",
            $"Số cán bộ (mỗi người tính một lần) do đơn vị cử đi học đã hoàn thành một khóa học về {VietnameseWords(s)} trong năm.")
        : Localized.Text("Distinct officials nominated by the unit who completed a course in the year (by the completion rule).",
            "Số cán bộ (mỗi người tính một lần) do đơn vị cử đi học đã hoàn thành một khóa học trong năm (theo quy tắc hoàn thành).");

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

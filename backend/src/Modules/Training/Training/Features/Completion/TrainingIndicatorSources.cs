using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Completion;

/// <summary>
/// What completed courses feed into the annual report (domain.md §5: courses, officials trained by subject). A
/// course counts in the year (Vietnam time) it was completed. A course is held by the unit that requested it
/// (the only organising unit a course has); an official is trained by the subtree of the unit they were nominated
/// from, counted once however many courses they completed. A unit whose subtree neither held a course nor had an
/// official complete one that year gets no value, so its report is not pre-filled with a zero it never stated.
/// </summary>
internal abstract class CompletedTrainingSource(TrainingDbContext db, IMediator mediator) : IReportIndicatorSource
{
    public abstract string Key { get; }
    public abstract string Description { get; }

    protected sealed record HeldCourse(Guid Id, Guid RequestingUnitId, CourseSubject Subject);
    protected sealed record Completion(Guid OfficialId, Guid UnitId, CourseSubject Subject);

    protected abstract decimal Value(IReadOnlyList<HeldCourse> held, IReadOnlyList<Completion> completions);

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct)
    {
        var result = new Dictionary<Guid, decimal>();
        // The completion step is recorded in UTC; a day either side catches the year's edges in Vietnam time.
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(-1);
        var to = new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(1);
        var steps = await db.CourseSteps.AsNoTracking().Where(s => s.To == CourseStatus.Completed && s.AtUtc >= from && s.AtUtc < to)
            .Select(s => new { s.CourseId, s.AtUtc }).ToListAsync(ct);
        var ids = steps.Where(s => VietnamTime.ToLocal(s.AtUtc).Year == year).Select(s => s.CourseId).Distinct().ToList();
        if (ids.Count == 0) return result;
        var held = await db.Courses.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Status == CourseStatus.Completed)
            .Select(c => new HeldCourse(c.Id, c.RequestingUnitId, c.Subject)).ToListAsync(ct);
        var subjects = held.ToDictionary(c => c.Id, c => c.Subject);
        var heldIds = subjects.Keys.ToList();
        var completions = (await db.OfAnyUnit().AsNoTracking()
                .Where(e => heldIds.Contains(e.CourseId) && e.Result == CompletionResult.Completed && e.Status != EnrolmentStatus.Withdrawn)
                .Select(e => new { e.OfficialId, e.UnitId, e.CourseId }).ToListAsync(ct))
            .Select(e => new Completion(e.OfficialId, e.UnitId, subjects[e.CourseId])).ToList();

        foreach (var unitId in unitIds.Distinct())
        {
            var subtree = (await mediator.Send(new GetSubtreeUnitIds(unitId), ct)).Select(u => u.UnitId).ToHashSet();
            var mineHeld = held.Where(c => subtree.Contains(c.RequestingUnitId)).ToList();
            var mineCompleted = completions.Where(c => subtree.Contains(c.UnitId)).ToList();
            if (mineHeld.Count > 0 || mineCompleted.Count > 0) result[unitId] = Value(mineHeld, mineCompleted);
        }
        return result;
    }
}

internal sealed class CoursesHeldSource(TrainingDbContext db, IMediator mediator) : CompletedTrainingSource(db, mediator)
{
    public const string SourceKey = "training.courses-held";
    public override string Key => SourceKey;
    public override string Description => Localized.Text(
        "Courses completed in the year that the unit or a unit below it requested (organised with a partner agency).",
        "Số khóa học do đơn vị hoặc đơn vị cấp dưới đề nghị (tổ chức cùng cơ quan đối tác) đã hoàn thành trong năm.");
    protected override decimal Value(IReadOnlyList<HeldCourse> held, IReadOnlyList<Completion> completions) => held.Count;
}

/// <summary>Officials of the subtree who completed a course that year; of one subject, or of any when <c>subject</c> is null.</summary>
internal sealed class OfficialsTrainedSource(TrainingDbContext db, IMediator mediator, CourseSubject? subject) : CompletedTrainingSource(db, mediator)
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

    protected override decimal Value(IReadOnlyList<HeldCourse> held, IReadOnlyList<Completion> completions) =>
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

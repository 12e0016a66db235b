using Khcn.BuildingBlocks.Domain;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Enrolments;

/// <summary>A participant of a course. <see cref="WaitlistPosition"/> is their place in the queue while waiting (1 = next).</summary>
public sealed record EnrolmentView(
    Guid Id, Guid CourseId, Guid OfficialId, Guid UnitId, string OfficialName, string? OfficialEmail, string? OfficialPosition,
    EnrolmentStatus Status, long QueueNumber, int? WaitlistPosition, DateTime NominatedAt, string NominatedBy,
    string? ClashOverrideReason, DateTime? WithdrawnAt, string? WithdrawalReason, bool? AssessmentPassed, CompletionResult Result);

/// <summary>Capacity and the participants the caller may see (all for the coordinator and the course's partner, their own officials for a unit).</summary>
public sealed record CourseParticipants(
    Guid CourseId, string Code, string Title, CourseStatus Status, long CourseVersion, int Capacity, int EnrolledCount,
    int WaitlistCount, DateOnly EnrolmentOpensOn, DateOnly EnrolmentClosesOn, bool SeesAll, List<EnrolmentView> Items);

internal static class EnrolmentQueries
{
    public static EnrolmentView ToView(this Enrolment e, IReadOnlyList<Guid> waitlistOrder)
    {
        var index = e.Status == EnrolmentStatus.Waitlisted ? waitlistOrder.ToList().IndexOf(e.Id) : -1;
        return new EnrolmentView(e.Id, e.CourseId, e.OfficialId, e.UnitId, e.OfficialName, e.OfficialEmail, e.OfficialPosition,
            e.Status, e.QueueNumber, index >= 0 ? index + 1 : null, e.NominatedAtUtc, e.NominatedBy, e.ClashOverrideReason,
            e.WithdrawnAtUtc, e.WithdrawalReason, e.AssessmentPassed, e.Result);
    }

    public static Task<List<Guid>> WaitlistOrderAsync(this TrainingDbContext db, Guid courseId, CancellationToken ct) =>
        db.OfCourse(courseId).Where(e => e.Status == EnrolmentStatus.Waitlisted).OrderBy(e => e.QueueNumber).Select(e => e.Id).ToListAsync(ct);

    /// <summary>Marks the course row changed so its concurrency version moves: racing writers on one course conflict.</summary>
    public static void Touch(this TrainingDbContext db, Course course) =>
        db.Entry(course).Property(nameof(Entity.UpdatedAtUtc)).IsModified = true;
}

/// <summary>
/// Writers of a course's seats (nominating, withdrawing) retry when a concurrent writer got there first (the
/// course's version moved, or a unique index refused a duplicate queue number): <c>Concurrency.RetryAsync</c> with
/// this answer when it stays busy.
/// </summary>
internal static class CourseSeats
{
    public static readonly (string English, string Vietnamese) Busy =
        ("Too many people are changing this course at once. Try again.", "Có nhiều người đang cùng thay đổi khóa học này. Hãy thử lại.");
}

using Khcn.BuildingBlocks.Domain;
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
    /// <summary>
    /// Enrolments of any unit, past the unit scope filter: only for reads reached through a course the caller was
    /// authorised for, or through the caller's own e-mail (ADR 0008).
    /// </summary>
    public static IQueryable<Enrolment> OfAnyUnit(this TrainingDbContext db) => db.Enrolments.IgnoreQueryFilters(["scope"]);

    /// <summary>Every enrolment of one course, whoever's unit it belongs to (only after the course itself was authorised).</summary>
    public static IQueryable<Enrolment> OfCourse(this TrainingDbContext db, Guid courseId) =>
        db.OfAnyUnit().Where(e => e.CourseId == courseId);

    /// <summary>The enrolments of the person signing in with this e-mail (case ignored); none without one.</summary>
    public static IQueryable<Enrolment> OfPerson(this TrainingDbContext db, string? email)
    {
        var normalized = email?.Trim().ToLower();
        return string.IsNullOrEmpty(normalized)
            ? db.OfAnyUnit().Where(_ => false)
            : db.OfAnyUnit().Where(e => e.OfficialEmail != null && e.OfficialEmail.ToLower() == normalized);
    }

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
/// Runs a write on a course again when a concurrent writer got there first (the course's version moved, or a
/// unique index refused a duplicate queue number): a few attempts with a growing, jittered pause, then 409.
/// The work saves itself; the change tracker is cleared between attempts.
/// </summary>
internal static class CourseWriteRetry
{
    public const int Attempts = 12;

    public static async Task<T> RunAsync<T>(TrainingDbContext db, Func<Task<T>> work, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await work();
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 20) * attempt, ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                throw new BusinessRuleException("busy", Localized.Text("Too many people are changing this course at once. Try again.",
                    "Có nhiều người đang cùng thay đổi khóa học này. Hãy thử lại."));
            }
        }
    }
}

using System.Data;
using Khcn.BuildingBlocks.Domain;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Sessions;

/// <summary>
/// Saves a new or moved session only when no room or instructor of the partner is double-booked. The check and
/// the write share one transaction that excludes every other scheduling of the same partner, so two overlapping
/// sessions saved at the same moment cannot both pass:
/// SQLite: a serializable transaction is <c>BEGIN IMMEDIATE</c> — it takes the database's write lock before the
/// check reads, so writers queue behind it. SQL Server: an exclusive application lock per partner
/// (<c>sp_getapplock</c>, released with the transaction) serialises the partner's schedulers without the range-lock
/// deadlocks a serializable read would invite. Runs inside the provider's execution strategy (SQL Server retries).
/// </summary>
internal static class SessionScheduling
{
    public static async Task SaveWithoutClashAsync(TrainingDbContext db, Guid partnerId, DateTime startsAtUtc, DateTime endsAtUtc,
        string room, Guid? instructorId, Guid? except, Action apply, CancellationToken ct)
    {
        var sqlServer = db.Database.ProviderName?.EndsWith("SqlServer", StringComparison.Ordinal) == true;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(sqlServer ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable, ct);
            if (sqlServer)
            {
                var resource = $"training.sessions.{partnerId:N}";
                await db.Database.ExecuteSqlAsync(
                    $"EXEC sp_getapplock @Resource = {resource}, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 15000", ct);
            }
            var candidates = await Session.Candidates(db.Sessions.AsNoTracking(), partnerId, startsAtUtc, endsAtUtc).ToListAsync(ct);
            if (Session.FirstClash(candidates, startsAtUtc, endsAtUtc, room, instructorId, except) is { } clash)
                throw await ClashProblemAsync(db, clash, ct);
            apply();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        });
    }

    /// <summary>409 <c>session_clash</c> naming the session in the way: its course, local time, and the room or instructor.</summary>
    private static async Task<ApiProblemException> ClashProblemAsync(TrainingDbContext db, SessionClash clash, CancellationToken ct)
    {
        var other = clash.Other;
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == other.CourseId).Select(c => new { c.Code, c.Title }).FirstAsync(ct);
        var instructor = other.InstructorId is { } iid
            ? await db.Instructors.AsNoTracking().Where(i => i.Id == iid).Select(i => i.FullName).FirstOrDefaultAsync(ct)
            : null;
        var time = other.LocalTimeText();
        var detail = clash.Kind == ClashKind.Room
            ? Localized.Text($"The room {other.Room} is already booked for {course.Code} – {course.Title}, {time}.",
                $"Phòng {other.Room} đã được xếp cho {course.Code} – {course.Title}, {time}.")
            : Localized.Text($"The instructor {instructor} is already booked for {course.Code} – {course.Title}, {time}.",
                $"Giảng viên {instructor} đã có lịch dạy {course.Code} – {course.Title}, {time}.");
        return new ApiProblemException(409, "session_clash",
            Localized.Text("The session clashes with another session.", "Buổi học bị trùng lịch với một buổi học khác."), detail,
            new Dictionary<string, object?>
            {
                ["clash"] = new Dictionary<string, object?>
                {
                    ["kind"] = clash.Kind == ClashKind.Room ? "room" : "instructor",
                    ["sessionId"] = other.Id,
                    ["courseId"] = other.CourseId,
                    ["courseCode"] = course.Code,
                    ["courseTitle"] = course.Title,
                    ["topic"] = other.Topic,
                    ["startsAt"] = Courses.CourseViews.Local(other.StartsAtUtc),
                    ["endsAt"] = Courses.CourseViews.Local(other.EndsAtUtc),
                    ["localTime"] = time,
                    ["room"] = other.Room,
                    ["instructorName"] = instructor,
                },
            });
    }
}

using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Courses;

public sealed record CourseListItem(Guid Id, string Code, string Title, CourseSubject Subject, CourseStatus Status, Guid PartnerId,
    string PartnerName, Guid RequestingUnitId, int Capacity, int Enrolled, int Waitlisted, DateOnly EnrolmentOpensOn,
    DateOnly EnrolmentClosesOn, DateTimeOffset? FirstSessionAt, DateTimeOffset? LastSessionAt, int SessionCount);

public sealed record CourseStepView(CourseStatus? From, CourseStatus To, Guid? ActorUserId, string ActorName, DateTime At, string? Note);

/// <summary>A session; times in Asia/Ho_Chi_Minh (offset +07:00).</summary>
public sealed record SessionView(Guid Id, Guid CourseId, string Topic, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Room,
    Guid? InstructorId, string? InstructorName, SessionStatus Status, int Sequence, long Version) : IVersioned;

/// <summary>What the caller may do on the course now (by right and by state): the SPA shows these actions.</summary>
public sealed record CourseActions(bool Edit, bool Confirm, bool Open, bool Start, bool Cancel, bool Schedule, bool Decline, bool RequestChanges);

public sealed record CourseDetail(Guid Id, string Code, string Title, CourseSubject Subject, string? Audience, string? Description,
    int Capacity, DateOnly EnrolmentOpensOn, DateOnly EnrolmentClosesOn, string? Venue, decimal Fee, FeePayer FeePaidBy,
    string? FundingReference, Guid? FundingAllocationId, string? FundingAllocationLabel, int MinAttendancePercent, bool AssessmentRequired,
    CourseStatus Status, string? CancellationReason,
    string? ChangesRequested, string? ChangesRequestedBy, DateTime? ChangesRequestedAt,
    Guid PartnerId, string PartnerName, Guid RequestingUnitId, string? RequestingUnitName,
    int Enrolled, int Waitlisted, int CapacityLeft, IReadOnlyList<CourseStatus> AllowedMoves, CourseActions Can,
    IReadOnlyList<CourseStepView> Steps, IReadOnlyList<SessionView> Sessions, long Version) : IVersioned;

/// <summary>Builds the course detail the API answers after every read and change.</summary>
internal static class CourseViews
{
    public static DateTimeOffset Local(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(VietnamTime.Offset);

    public static async Task<CourseDetail> DetailAsync(TrainingDbContext db, TrainingAccess access, Guid courseId, CancellationToken ct)
    {
        var c = await access.CourseAsync(courseId, ct, tracked: false);
        var partnerName = await db.Partners.Where(p => p.Id == c.PartnerId).Select(p => p.Name).FirstAsync(ct);
        var unitName = await db.KnownUnits.Where(u => u.Id == c.RequestingUnitId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        var steps = await db.CourseSteps.AsNoTracking().Where(s => s.CourseId == c.Id).OrderBy(s => s.AtUtc)
            .Select(s => new CourseStepView(s.From, s.To, s.ActorUserId, s.ActorName, s.AtUtc, s.Note)).ToListAsync(ct);
        var sessions = await SessionsAsync(db, c.Id, ct);
        // Participants are counted over the course, which the caller sees; the unit filter would hide them from partner staff.
        var counts = await db.OfAnyUnit().Where(e => e.CourseId == c.Id && e.Status != EnrolmentStatus.Withdrawn)
            .GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var enrolled = counts.Where(x => x.Key == EnrolmentStatus.Enrolled).Sum(x => x.Count);
        var waitlisted = counts.Where(x => x.Key == EnrolmentStatus.Waitlisted).Sum(x => x.Count);
        var can = await ActionsAsync(access, c, ct);
        return new CourseDetail(c.Id, c.Code, c.Title, c.Subject, c.Audience, c.Description, c.Capacity, c.EnrolmentOpensOn,
            c.EnrolmentClosesOn, c.Venue, c.Fee, c.FeePaidBy, c.FundingReference, c.FundingAllocationId, c.FundingAllocationLabel, c.MinAttendancePercent, c.AssessmentRequired, c.Status,
            c.CancellationReason, c.ChangesRequested, c.ChangesRequestedBy, c.ChangesRequestedAtUtc, c.PartnerId, partnerName, c.RequestingUnitId, unitName, enrolled, waitlisted,
            Math.Max(0, c.Capacity - enrolled), c.AllowedMoves, can, steps, sessions, c.Version);
    }

    public static async Task<IReadOnlyList<SessionView>> SessionsAsync(TrainingDbContext db, Guid courseId, CancellationToken ct)
    {
        var rows = await db.Sessions.AsNoTracking().Where(s => s.CourseId == courseId)
            .OrderBy(s => s.StartsAtUtc)
            .Select(s => new
            {
                s.Id, s.CourseId, s.Topic, s.StartsAtUtc, s.EndsAtUtc, s.Room, s.InstructorId, s.Status, s.Sequence, s.Version,
                Instructor = db.Instructors.Where(i => i.Id == s.InstructorId).Select(i => i.FullName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(s => new SessionView(s.Id, s.CourseId, s.Topic, Local(s.StartsAtUtc), Local(s.EndsAtUtc), s.Room, s.InstructorId,
            s.Instructor, s.Status, s.Sequence, s.Version)).ToList();
    }

    public static async Task<SessionView> SessionAsync(TrainingDbContext db, Guid courseId, Guid sessionId, CancellationToken ct) =>
        (await SessionsAsync(db, courseId, ct)).FirstOrDefault(s => s.Id == sessionId) ?? throw new NotFoundException(Localized.Text("Session", "buổi học"), sessionId);

    private static async Task<CourseActions> ActionsAsync(TrainingAccess access, Course c, CancellationToken ct)
    {
        var manage = await access.CanAsync(Permission.CoursesManage, c, ct);
        var partnerWork = access.IsPartnerOnly && await access.CanAsync(Permission.PartnerWork, c, ct);
        var schedule = await access.CanAsync(Permission.SessionsSchedule, c, ct);
        bool Allowed(CourseStatus to) => c.AllowedMoves.Contains(to);
        return new CourseActions(
            Edit: manage && c.DetailsEditable,
            Confirm: partnerWork && Allowed(CourseStatus.Confirmed),
            Open: manage && Allowed(CourseStatus.OpenForNomination),
            Start: (manage || partnerWork) && Allowed(CourseStatus.Running),
            Cancel: manage && Allowed(CourseStatus.Cancelled),
            Schedule: schedule && c.SchedulingOpen,
            Decline: partnerWork && Allowed(CourseStatus.Confirmed),
            RequestChanges: partnerWork && Allowed(CourseStatus.Confirmed));
    }
}

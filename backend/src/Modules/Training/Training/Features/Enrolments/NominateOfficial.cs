using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Enrolments;

/// <summary>
/// Nominates an official of a unit in the caller's scope to a course open for nomination (cử đi học): enrolled
/// within capacity, waitlisted beyond it in order of arrival. A timetable clash with another course the official
/// is in is refused unless a coordinator overrides it with a reason.
/// </summary>
public sealed record NominateOfficial : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{courseId}/enrolments";
    public static string For(Guid courseId) => $"/api/v1/training/courses/{courseId}/enrolments";
    public Guid CourseId { get; init; }
    public Guid OfficialId { get; init; }
    /// <summary>Why a timetable clash is accepted (coordinators only; kept on the enrolment).</summary>
    public string? ClashOverrideReason { get; init; }
}

internal sealed class NominateOfficialValidator : AbstractValidator<NominateOfficial>
{
    public NominateOfficialValidator()
    {
        RuleFor(x => x.OfficialId).NotEmpty();
        RuleFor(x => x.ClashOverrideReason).MaximumLength(1000);
    }
}

/// <summary>
/// Commits inside <c>Concurrency.RetryAsync</c>, so it marks its commit itself (<c>IdempotentRequest.MarkCommit</c>):
/// a keyed retry after a crash between the commit and the answer returns this enrolment instead of 409 already_nominated.
/// </summary>
internal sealed class NominateOfficialHandler(TrainingDbContext db, TrainingAccess access, IMediator mediator, IdempotentRequest idempotent, TimeProvider clock)
    : Mediator.ICommandHandler<NominateOfficial, Guid>
{
    public async ValueTask<Guid> Handle(NominateOfficial command, CancellationToken ct)
    {
        var official = (await mediator.Send(new GetOfficialsForNomination([command.OfficialId]), ct)).FirstOrDefault()
                       ?? throw new NotFoundException(Localized.Text("Official", "cán bộ"), command.OfficialId);
        db.Access.Demand(Permission.Nominate, official.UnitId, Localized.Text("Official", "cán bộ"), official.Id);
        var nominee = new NominatedOfficial(official.Id, official.UnitId, official.FullName, official.Email?.Trim(), official.Position);

        var enrolment = await Concurrency.RetryAsync(db, async () =>
        {
            var course = await access.CourseAsync(command.CourseId, ct);
            course.EnsureTakesNominations(VietnamTime.Today(clock));
            var enrolments = db.OfCourse(course.Id);
            if (await enrolments.AnyAsync(e => e.OfficialId == official.Id && e.Status != EnrolmentStatus.Withdrawn, ct))
                throw new BusinessRuleException("already_nominated", Localized.Text($"{official.FullName} is already nominated to this course.",
                    $"{official.FullName} đã được cử tham gia khóa học này."));

            var overrideReason = await CheckClashAsync(course, official, command.ClashOverrideReason, ct);
            var enrolled = await enrolments.CountAsync(e => e.Status == EnrolmentStatus.Enrolled, ct);
            var queue = (await enrolments.MaxAsync(e => (long?)e.QueueNumber, ct) ?? 0) + 1;
            var created = Enrolment.Nominate(course, nominee, course.PlaceFor(enrolled), queue,
                access.Actor.Name, clock.GetUtcNow().UtcDateTime, overrideReason);
            db.Enrolments.Add(created);
            db.Touch(course);
            idempotent.MarkCommit<NominateOfficial, Guid>(db, created.Id, clock.GetUtcNow().UtcDateTime);
            return created;
        }, CourseSeats.Busy, ct);
        return enrolment.Id;
    }

    /// <summary>
    /// The official's other active enrolments whose scheduled sessions overlap this course's: 409 naming the other
    /// course and session, unless a coordinator gives a reason (returned to be kept on the enrolment).
    /// </summary>
    private async Task<string?> CheckClashAsync(Course course, OfficialForNomination official, string? reason, CancellationToken ct)
    {
        var mine = await db.Sessions.AsNoTracking().Where(s => s.CourseId == course.Id && s.Status == SessionStatus.Scheduled)
            .Select(s => new { s.StartsAtUtc, s.EndsAtUtc }).ToListAsync(ct);
        if (mine.Count == 0) return null;
        var first = mine.Min(s => s.StartsAtUtc);
        var last = mine.Max(s => s.EndsAtUtc);
        var otherCourses = db.OfAnyUnit()
            .Where(e => e.OfficialId == official.Id && e.CourseId != course.Id && e.Status != EnrolmentStatus.Withdrawn)
            .Select(e => e.CourseId);
        var candidates = await (
            from s in db.Sessions.AsNoTracking()
            join c in db.Courses.AsNoTracking() on s.CourseId equals c.Id
            where otherCourses.Contains(s.CourseId) && s.Status == SessionStatus.Scheduled
                  && c.Status != CourseStatus.Cancelled && c.Status != CourseStatus.Completed
                  && s.StartsAtUtc < last && first < s.EndsAtUtc
            orderby s.StartsAtUtc
            select new { c.Code, c.Title, s.Topic, s.StartsAtUtc, s.EndsAtUtc }).ToListAsync(ct);
        var clash = candidates.FirstOrDefault(o => mine.Any(m => m.StartsAtUtc < o.EndsAtUtc && o.StartsAtUtc < m.EndsAtUtc));
        if (clash is null) return null;
        if (!string.IsNullOrWhiteSpace(reason) && await access.CanAsync(Permission.CoursesManage, course, ct)) return reason.Trim();
        var at = VietnamTime.ToLocal(clash.StartsAtUtc);
        throw new BusinessRuleException("participant_clash",
            Localized.Text($"{official.FullName} attends {clash.Code} – {clash.Title} (session \"{clash.Topic}\", {at:dd/MM/yyyy HH:mm}) at the same time.",
                $"{official.FullName} đang học {clash.Code} – {clash.Title} (buổi \"{clash.Topic}\", {at:dd/MM/yyyy HH:mm}) vào cùng thời gian."),
            new Dictionary<string, string[]>
            {
                ["officialId"] = [$"{clash.Code} – {clash.Title}: {clash.Topic}, {at:dd/MM/yyyy HH:mm}"],
                ["clashCourse"] = [clash.Code],
                ["clashSession"] = [clash.Topic],
            });
    }
}

/// <summary>The enrolment a nomination created, as the API answers it (read back after the commit).</summary>
internal sealed record GetNomination(Guid CourseId, Guid EnrolmentId) : IQuery<EnrolmentView>;

internal sealed class GetNominationHandler(TrainingDbContext db) : IQueryHandler<GetNomination, EnrolmentView>
{
    public async ValueTask<EnrolmentView> Handle(GetNomination query, CancellationToken ct)
    {
        var enrolment = await db.OfCourse(query.CourseId).AsNoTracking().FirstAsync(e => e.Id == query.EnrolmentId, ct);
        return enrolment.ToView(await db.WaitlistOrderAsync(query.CourseId, ct));
    }
}

internal sealed class NominateOfficialEndpoint(IMediator mediator) : Endpoint<NominateOfficial, EnrolmentView>
{
    public override void Configure()
    {
        Post(NominateOfficial.Route);
        Policies(Permission.Nominate);
        Summary(s => s.Summary = "Nominate an official to a course (enrolled within capacity, waitlisted beyond; 409 participant_clash on a timetable clash)");
    }

    public override async Task HandleAsync(NominateOfficial req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.ResponseAsync(await mediator.Send(new GetNomination(req.CourseId, id), ct), StatusCodes.Status201Created, ct);
    }
}

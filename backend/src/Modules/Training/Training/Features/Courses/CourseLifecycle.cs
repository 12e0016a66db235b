using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;

using Khcn.Training.Features.Enrolments;

namespace Khcn.Training.Features.Courses;

/// <summary>A lifecycle step on a course: If-Match with the course's ETag; 409 <c>course_state</c> when the state does not allow it.</summary>
public abstract record CourseStepCommand
{
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

/// <summary>The partner agency accepts to run a proposed course (its own staff only).</summary>
public sealed record ConfirmCourse : CourseStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{id}/confirm";
}

internal sealed class ConfirmCourseHandler(TrainingDbContext db, TrainingAccess access, TimeProvider clock) : Mediator.ICommandHandler<ConfirmCourse, Guid>
{
    public async ValueTask<Guid> Handle(ConfirmCourse command, CancellationToken ct)
    {
        var course = await access.CourseForAsync(command.Id, Permission.PartnerWork, ct);
        // Only the course's own partner confirms: a union user holding the permission elsewhere does not.
        if (!access.IsPartnerOnly) throw new ForbiddenException(Localized.Text("Only the partner agency's staff confirm its courses.",
            "Chỉ cán bộ của cơ quan đối tác mới xác nhận khóa học của cơ quan mình."));
        ETags.GuardUpdate(db, course, command.IfMatch);
        course.Confirm(access.Actor, clock.GetUtcNow().UtcDateTime);
        return course.Id;
    }
}

/// <summary>The coordinator opens a confirmed course for nomination; it needs at least one scheduled session.</summary>
public sealed record OpenCourseForNomination : CourseStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{id}/open";
}

internal sealed class OpenCourseForNominationHandler(TrainingDbContext db, TrainingAccess access, TimeProvider clock)
    : Mediator.ICommandHandler<OpenCourseForNomination, Guid>
{
    public async ValueTask<Guid> Handle(OpenCourseForNomination command, CancellationToken ct)
    {
        var course = await access.CourseForAsync(command.Id, Permission.CoursesManage, ct);
        ETags.GuardUpdate(db, course, command.IfMatch);
        var scheduled = await db.Sessions.CountAsync(s => s.CourseId == course.Id && s.Status == SessionStatus.Scheduled, ct);
        course.OpenForNomination(scheduled, access.Actor, clock.GetUtcNow().UtcDateTime);
        return course.Id;
    }
}

/// <summary>The course starts running (the coordinator or the course's partner).</summary>
public sealed record StartCourse : CourseStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{id}/start";
}

internal sealed class StartCourseHandler(TrainingDbContext db, TrainingAccess access, TimeProvider clock) : Mediator.ICommandHandler<StartCourse, Guid>
{
    public async ValueTask<Guid> Handle(StartCourse command, CancellationToken ct)
    {
        var course = await access.CourseAsync(command.Id, ct);
        var allowed = await access.CanAsync(Permission.CoursesManage, course, ct)
                      || (access.IsPartnerOnly && await access.CanAsync(Permission.PartnerWork, course, ct));
        if (!allowed) throw new ForbiddenException();
        ETags.GuardUpdate(db, course, command.IfMatch);
        course.Start(access.Actor, clock.GetUtcNow().UtcDateTime);
        return course.Id;
    }
}

/// <summary>The coordinator cancels a course before completion, saying why; its sessions are cancelled and its participants told.</summary>
public sealed record CancelCourse : CourseStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{id}/cancel";
    public string Reason { get; init; } = "";
}

internal sealed class CancelCourseValidator : AbstractValidator<CancelCourse>
{
    public CancelCourseValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000).WithMessage("Say why the course is cancelled.", "Hãy nêu lý do hủy khóa học.");
}

internal sealed class CancelCourseHandler(TrainingDbContext db, TrainingAccess access, TimeProvider clock) : Mediator.ICommandHandler<CancelCourse, Guid>
{
    public async ValueTask<Guid> Handle(CancelCourse command, CancellationToken ct)
    {
        var course = await access.CourseForAsync(command.Id, Permission.CoursesManage, ct);
        ETags.GuardUpdate(db, course, command.IfMatch);
        course.Cancel(command.Reason, access.Actor, clock.GetUtcNow().UtcDateTime);
        // Calendars follow: every session is cancelled (its SEQUENCE moves on).
        foreach (var session in await db.Sessions.Where(s => s.CourseId == course.Id && s.Status == SessionStatus.Scheduled).ToListAsync(ct))
            session.Cancel();
        var participants = await db.OfAnyUnit()
            .Where(e => e.CourseId == course.Id && (e.Status == EnrolmentStatus.Enrolled || e.Status == EnrolmentStatus.Waitlisted))
            .Select(e => new { e.OfficialEmail, e.UnitId }).ToListAsync(ct);

        var link = $"/training/courses/{course.Id}";
        var args = new Dictionary<string, string> { ["code"] = course.Code, ["title"] = course.Title, ["reason"] = course.CancellationReason! };
        var text = $"Khóa học {course.Code} – {course.Title} đã bị hủy: {course.CancellationReason}";
        foreach (var email in participants.Where(p => !string.IsNullOrWhiteSpace(p.OfficialEmail)).Select(p => p.OfficialEmail!).Distinct(StringComparer.OrdinalIgnoreCase))
            db.Notify(NoticeTarget.Person(email), new Notice($"course:{course.Id}:cancelled:{email.ToLowerInvariant()}", "course.cancelled", text, link, args));
        foreach (var unitId in participants.Select(p => p.UnitId).Distinct())
            db.Notify(NoticeTarget.Unit(unitId), new Notice($"course:{course.Id}:cancelled:unit:{unitId}", "course.cancelled", text, link, args));
        return course.Id;
    }
}

/// <summary>The lifecycle steps share one shape: run the step, answer the course as it now stands.</summary>
internal abstract class CourseStepEndpoint<TRequest>(IMediator mediator) : Endpoint<TRequest, CourseDetail>
    where TRequest : CourseStepCommand, Mediator.ICommand<Guid>
{
    protected abstract string Route { get; }
    protected abstract string RequiredPermission { get; }
    protected abstract string StepSummary { get; }

    public override void Configure()
    {
        Post(Route);
        Policies(RequiredPermission);
        Summary(s => s.Summary = StepSummary);
    }

    public override async Task HandleAsync(TRequest req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetCourse { Id = id }, ct), ct);
    }
}

internal sealed class ConfirmCourseEndpoint(IMediator mediator) : CourseStepEndpoint<ConfirmCourse>(mediator)
{
    protected override string Route => ConfirmCourse.Route;
    protected override string RequiredPermission => Permission.PartnerWork;
    protected override string StepSummary => "Confirm a proposed course (the partner agency's staff; If-Match; 409 course_state)";
}

internal sealed class OpenCourseForNominationEndpoint(IMediator mediator) : CourseStepEndpoint<OpenCourseForNomination>(mediator)
{
    protected override string Route => OpenCourseForNomination.Route;
    protected override string RequiredPermission => Permission.CoursesManage;
    protected override string StepSummary => "Open a confirmed course for nomination (needs a scheduled session; If-Match; 409 course_state)";
}

internal sealed class StartCourseEndpoint(IMediator mediator) : CourseStepEndpoint<StartCourse>(mediator)
{
    protected override string Route => StartCourse.Route;
    protected override string RequiredPermission => Permission.SessionsSchedule;
    protected override string StepSummary => "Start a course open for nomination (the coordinator or its partner; If-Match; 409 course_state)";
}

internal sealed class CancelCourseEndpoint(IMediator mediator) : CourseStepEndpoint<CancelCourse>(mediator)
{
    protected override string Route => CancelCourse.Route;
    protected override string RequiredPermission => Permission.CoursesManage;
    protected override string StepSummary => "Cancel a course before completion with a reason; its sessions are cancelled, participants and their units notified";
}

using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Courses;

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
        Concurrency.GuardUpdate(db, course, command.IfMatch);
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

internal sealed class CancelCourseEndpoint(IMediator mediator) : CourseStepEndpoint<CancelCourse>(mediator)
{
    protected override string Route => CancelCourse.Route;
    protected override string RequiredPermission => Permission.CoursesManage;
    protected override string StepSummary => "Cancel a course before completion with a reason; its sessions are cancelled, participants and their units notified";
}

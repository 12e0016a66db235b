using Khcn.Training.Data;
using Khcn.Training.Access;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Contracts;
using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Courses;

/// <summary>A lifecycle step on a course: If-Match with the course's ETag; 409 <c>course_state</c> when the state does not allow it.</summary>
public abstract record CourseStepCommand
{
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

/// <summary>The lifecycle steps share one shape: run the step, answer the course as it now stands.</summary>
internal abstract class CourseStepEndpoint<TRequest>(IMediator mediator) : ChangedEndpoint<TRequest, CourseDetail>(mediator)
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

    protected override IQuery<CourseDetail> ReadBack(TRequest command) => new GetCourse { Id = command.Id };
}

/// <summary>The partner's answers to a proposed course (confirm, decline, ask for changes) are its own staff's alone.</summary>
internal static class PartnerAnswer
{
    public static async Task<Domain.Course> ForPartnerAsync(TrainingAccess access, Guid id, CancellationToken ct)
    {
        var course = await access.CourseForAsync(id, Permission.PartnerWork, ct);
        // A union user holding the permission elsewhere does not answer for the partner.
        if (!access.IsPartnerOnly) throw new ForbiddenException(Localized.Text("Only the partner agency's staff answer for its courses.",
            "Chỉ cán bộ của cơ quan đối tác mới trả lời đề xuất khóa học của cơ quan mình."));
        return course;
    }

    /// <summary>Tells the unit that asked for the course what the partner answered, with the partner's words.</summary>
    public static void TellRequestingUnit(TrainingDbContext db, Domain.Course course, string key, string kind, string lead, (string Name, string Text) said)
    {
        var args = new Dictionary<string, string> { ["code"] = course.Code, ["title"] = course.Title, [said.Name] = said.Text };
        db.Notify(NoticeTarget.Unit(course.RequestingUnitId), new Notice($"course:{course.Id}:{key}", kind,
            $"{lead} khóa học {course.Code} – {course.Title}: {said.Text}", $"/training/courses/{course.Id}", args));
    }
}

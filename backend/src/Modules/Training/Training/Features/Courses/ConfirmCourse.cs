using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;

namespace Khcn.Training.Features.Courses;

/// <summary>The partner agency accepts to run a proposed course (its own staff only).</summary>
public sealed record ConfirmCourse : CourseStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{id}/confirm";
}

internal sealed class ConfirmCourseHandler(TrainingDbContext db, TrainingAccess access, TimeProvider clock) : Mediator.ICommandHandler<ConfirmCourse, Guid>
{
    public async ValueTask<Guid> Handle(ConfirmCourse command, CancellationToken ct)
    {
        var course = await PartnerAnswer.ForPartnerAsync(access, command.Id, ct);
        Concurrency.GuardUpdate(db, course, command.IfMatch);
        course.Confirm(access.Actor, clock.GetUtcNow().UtcDateTime);
        return course.Id;
    }
}

internal sealed class ConfirmCourseEndpoint(IMediator mediator) : CourseStepEndpoint<ConfirmCourse>(mediator)
{
    protected override string Route => ConfirmCourse.Route;
    protected override string RequiredPermission => Permission.PartnerWork;
    protected override string StepSummary => "Confirm a proposed course (the partner agency's staff; If-Match; 409 course_state)";
}

using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Mediator;

namespace Khcn.Training.Features.Courses;

/// <summary>
/// The partner agency asks the requesting unit to change a proposed course before it confirms, saying what (#16). The
/// course stays proposed and shows the request until the unit revises it or the partner confirms; the unit is told.
/// </summary>
public sealed record RequestCourseChanges : CourseStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{id}/request-changes";
    /// <summary>What should change (dates, capacity, fee, content…).</summary>
    public string Request { get; init; } = "";
}

internal sealed class RequestCourseChangesValidator : AbstractValidator<RequestCourseChanges>
{
    public RequestCourseChangesValidator() => RuleFor(x => x.Request).NotEmpty().MaximumLength(1000).WithMessage("Say what should change.", "Hãy nêu nội dung đề nghị điều chỉnh.");
}

internal sealed class RequestCourseChangesHandler(TrainingDbContext db, TrainingAccess access, TimeProvider clock) : Mediator.ICommandHandler<RequestCourseChanges, Guid>
{
    public async ValueTask<Guid> Handle(RequestCourseChanges command, CancellationToken ct)
    {
        var course = await PartnerAnswer.ForPartnerAsync(access, command.Id, ct);
        Concurrency.GuardUpdate(db, course, command.IfMatch);
        var now = clock.GetUtcNow().UtcDateTime;
        course.RequestChanges(command.Request, access.Actor, now);
        PartnerAnswer.TellRequestingUnit(db, course, $"changes-requested:{now.Ticks}", "course.changes-requested", "Đối tác đề nghị điều chỉnh",
            ("request", course.ChangesRequested!));
        return course.Id;
    }
}

internal sealed class RequestCourseChangesEndpoint(IMediator mediator) : CourseStepEndpoint<RequestCourseChanges>(mediator)
{
    protected override string Route => RequestCourseChanges.Route;
    protected override string RequiredPermission => Permission.PartnerWork;
    protected override string StepSummary => "Ask the requesting unit to change a proposed course before confirming, saying what (the partner agency's staff; If-Match; 409 course_state)";
}

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

using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Features.Courses;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Sessions;

public sealed record ListSessions : IQuery<IReadOnlyList<SessionView>>
{
    public const string Route = "/api/v1/training/courses/{id}/sessions";
    public Guid Id { get; init; }
}

internal sealed class ListSessionsHandler(TrainingDbContext db, TrainingAccess access) : IQueryHandler<ListSessions, IReadOnlyList<SessionView>>
{
    public async ValueTask<IReadOnlyList<SessionView>> Handle(ListSessions query, CancellationToken ct)
    {
        var course = await access.CourseAsync(query.Id, ct, tracked: false);
        return await CourseViews.SessionsAsync(db, course.Id, ct);
    }
}

internal sealed class ListSessionsEndpoint(IMediator mediator) : Endpoint<ListSessions, IReadOnlyList<SessionView>>
{
    public override void Configure()
    {
        Get(ListSessions.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "List a course's sessions (times returned with offset +07:00, Asia/Ho_Chi_Minh)");
    }

    public override async Task HandleAsync(ListSessions req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

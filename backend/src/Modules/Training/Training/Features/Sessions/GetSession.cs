using Khcn.Training.Data;
using Khcn.Training.Features.Courses;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Sessions;

/// <summary>One session of a course as the API answers it (read back after a change).</summary>
internal sealed record GetSession(Guid CourseId, Guid SessionId) : IQuery<SessionView>;

internal sealed class GetSessionHandler(TrainingDbContext db) : IQueryHandler<GetSession, SessionView>
{
    public async ValueTask<SessionView> Handle(GetSession query, CancellationToken ct) => await CourseViews.SessionAsync(db, query.CourseId, query.SessionId, ct);
}

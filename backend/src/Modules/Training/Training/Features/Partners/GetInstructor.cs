using Khcn.Training.Data;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>One instructor as the API answers it (read back after a change).</summary>
internal sealed record GetInstructor(Guid Id) : IQuery<InstructorView>;

internal sealed class GetInstructorHandler(TrainingDbContext db) : IQueryHandler<GetInstructor, InstructorView>
{
    public async ValueTask<InstructorView> Handle(GetInstructor query, CancellationToken ct) =>
        await db.Instructors.AsNoTracking().Where(i => i.Id == query.Id)
            .ProjectToType<InstructorView>().FirstAsync(ct);
}

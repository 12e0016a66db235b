using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

public sealed record ListInstructors : IQuery<IReadOnlyList<InstructorView>>
{
    public const string Route = "/api/v1/training/partners/{id}/instructors";
    public Guid Id { get; init; }
}

internal sealed class ListInstructorsHandler(TrainingDbContext db, TrainingAccess access) : IQueryHandler<ListInstructors, IReadOnlyList<InstructorView>>
{
    public async ValueTask<IReadOnlyList<InstructorView>> Handle(ListInstructors query, CancellationToken ct)
    {
        var partner = await access.PartnerAsync(query.Id, ct);
        return await db.Instructors.AsNoTracking().Where(i => i.PartnerId == partner.Id).OrderBy(i => i.FullName)
            .ProjectToType<InstructorView>().ToListAsync(ct);
    }
}

internal sealed class ListInstructorsEndpoint(IMediator mediator) : Endpoint<ListInstructors, IReadOnlyList<InstructorView>>
{
    public override void Configure()
    {
        Get(ListInstructors.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "List a partner agency's instructors");
    }

    public override async Task HandleAsync(ListInstructors req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

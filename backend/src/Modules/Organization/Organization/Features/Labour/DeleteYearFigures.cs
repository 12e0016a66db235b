using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Organization.Features.Labour;

/// <summary>Removes an enterprise's figures for a year.</summary>
public sealed record DeleteYearFigures : Mediator.ICommand<bool>
{
    public const string Route = "/api/v1/organization/enterprises/{id}/figures/{year}";
    public Guid Id { get; init; }
    public int Year { get; init; }
}

internal sealed class DeleteYearFiguresHandler(OrganizationDbContext db) : Mediator.ICommandHandler<DeleteYearFigures, bool>
{
    public async ValueTask<bool> Handle(DeleteYearFigures command, CancellationToken ct)
    {
        var enterprise = await EnterpriseAccess.ForChangeAsync(db, command.Id, ct);
        var row = enterprise.Figures.FirstOrDefault(f => f.Year == command.Year) ?? throw new NotFoundException(Localized.Text("Figures", "số liệu năm"), command.Year);
        db.EnterpriseFigures.Remove(row);
        return true;
    }
}

internal sealed class DeleteYearFiguresEndpoint(IMediator mediator) : Endpoint<DeleteYearFigures>
{
    public override void Configure()
    {
        Delete(DeleteYearFigures.Route);
        Policies(Permission.LabourManage);
        Summary(s =>
        {
            s.Summary = "Delete an enterprise's labour figures for a year";
            s.Response(204, "The figures were deleted.");
        });
    }

    public override async Task HandleAsync(DeleteYearFigures req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.NoContentAsync(ct);
    }
}

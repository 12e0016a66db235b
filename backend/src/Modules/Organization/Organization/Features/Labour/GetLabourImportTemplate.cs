using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Khcn.Organization.Features.Labour;

/// <summary>The import template: the export's columns with no rows, and a second sheet listing the accepted ownership and sector labels.</summary>
public sealed record GetLabourImportTemplate : IQuery<SpreadsheetFile>
{
    public const string Route = "/api/v1/organization/labour/import-template";
}

internal sealed class GetLabourImportTemplateHandler : IQueryHandler<GetLabourImportTemplate, SpreadsheetFile>
{
    public async ValueTask<SpreadsheetFile> Handle(GetLabourImportTemplate query, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await LabourSheet.WriteAsync(stream, LabourSheet.NewTable(), ct);
        return new SpreadsheetFile(stream.ToArray(), "mau-nhap-du-lieu-lao-dong.xlsx");
    }
}

internal sealed class GetLabourImportTemplateEndpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get(GetLabourImportTemplate.Route);
        Policies(Permission.RecordsRead);
        Description(d => d.Produces(200, typeof(Stream), LabourSheet.ContentType));
        Summary(s => s.Summary = "Download the empty Excel template for importing labour data");
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var file = await mediator.Send(new GetLabourImportTemplate(), ct);
        await Send.BytesAsync(file.Content, file.FileName, LabourSheet.ContentType, cancellation: ct);
    }
}

using FastEndpoints;
using Mediator;

namespace Khcn.BuildingBlocks.Files;

/// <summary>
/// A document the server writes on request (a synthesis .docx, a ranking .xlsx, a decision in the Decree 30/2020
/// layout…): its bytes, the name the browser saves it under, and its media type.
/// </summary>
public sealed record GeneratedFile(byte[] Content, string FileName, string ContentType)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}

/// <summary>
/// The endpoint of a generated document (ADR 0011): the query builds the file, the endpoint only sends it as an
/// attachment. Each export says its route, permission and summary in <c>Configure</c>; the sending is written once.
/// </summary>
public abstract class GeneratedFileEndpoint<TQuery>(IMediator mediator) : Endpoint<TQuery>
    where TQuery : notnull, IQuery<GeneratedFile>
{
    public sealed override async Task HandleAsync(TQuery req, CancellationToken ct)
    {
        var file = await mediator.Send(req, ct);
        await Send.BytesAsync(file.Content, file.FileName, file.ContentType, cancellation: ct);
    }
}

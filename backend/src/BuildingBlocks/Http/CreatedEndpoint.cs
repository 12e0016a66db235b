using FastEndpoints;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.BuildingBlocks.Http;

/// <summary>
/// The endpoint of every use case that creates something (ADR 0011): sends the command, which answers the new id,
/// reads the created record back through its query, and answers 201 with <c>Location</c>, the read model and — when
/// the read model is <see cref="IVersioned"/> — its <c>ETag</c> (set by the response serializer). A subclass says
/// only its route, policy and documentation (<c>Configure</c>), which query reads the record back and where it lives.
/// </summary>
public abstract class CreatedEndpoint<TCommand, TView>(IMediator mediator) : Endpoint<TCommand, TView>
    where TCommand : notnull, Mediator.ICommand<Guid>
    where TView : notnull
{
    /// <summary>The query that reads back what <paramref name="command"/> created (<paramref name="id"/>).</summary>
    protected abstract IQuery<TView> ReadBack(TCommand command, Guid id);

    /// <summary>The path of the created resource (the <c>Location</c> header).</summary>
    protected abstract string Location(TCommand command, Guid id);

    public sealed override async Task HandleAsync(TCommand req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        var view = await mediator.Send(ReadBack(req, id), ct);
        HttpContext.Response.Headers.Location = Location(req, id);
        await Send.ResponseAsync(view, StatusCodes.Status201Created, ct);
    }
}

/// <summary>
/// The endpoint of every use case that changes something and answers the changed record (ADR 0011): sends the
/// command, reads the record back through its query and answers 200 with the read model (and its <c>ETag</c> when
/// <see cref="IVersioned"/>). The sibling of <see cref="CreatedEndpoint{TCommand,TView}"/>.
/// </summary>
public abstract class ChangedEndpoint<TCommand, TView>(IMediator mediator) : Endpoint<TCommand, TView>
    where TCommand : notnull, IBaseCommand
    where TView : notnull
{
    /// <summary>The query that reads back what <paramref name="command"/> changed.</summary>
    protected abstract IQuery<TView> ReadBack(TCommand command);

    public sealed override async Task HandleAsync(TCommand req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(ReadBack(req), ct), ct);
    }
}

/// <summary>
/// <see cref="ChangedEndpoint{TCommand,TView}"/> for a change whose command is addressed otherwise than its read
/// model (a report step names the report; the report is read by its period and unit): the command answers what the
/// read-back needs.
/// </summary>
public abstract class ChangedEndpoint<TCommand, TResult, TView>(IMediator mediator) : Endpoint<TCommand, TView>
    where TCommand : notnull, Mediator.ICommand<TResult>
    where TView : notnull
{
    /// <summary>The query that reads back what <paramref name="command"/> changed, from what it answered.</summary>
    protected abstract IQuery<TView> ReadBack(TCommand command, TResult result);

    public sealed override async Task HandleAsync(TCommand req, CancellationToken ct)
    {
        var result = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(ReadBack(req, result), ct), ct);
    }
}

using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Calendar;

/// <summary>Replaces the caller's feed token: every URL handed out before stops working.</summary>
public sealed record RotateCalendarToken : Mediator.ICommand<CalendarFeeds>
{
    public const string Route = "/api/v1/training/calendar/token/rotate";
}

internal sealed class RotateCalendarTokenHandler(TrainingDbContext db, CalendarTokens tokens, CalendarFeedLinks feeds)
    : Mediator.ICommandHandler<RotateCalendarToken, CalendarFeeds>
{
    public async ValueTask<CalendarFeeds> Handle(RotateCalendarToken command, CancellationToken ct)
    {
        var userId = db.Access.UserId ?? throw new ForbiddenException();
        return await feeds.ForAsync(await tokens.RotateAsync(userId, ct), ct);
    }
}

internal sealed class RotateCalendarTokenEndpoint(IMediator mediator) : EndpointWithoutRequest<CalendarFeeds>
{
    public override void Configure()
    {
        Post(RotateCalendarToken.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Rotate my calendar feed token (old feed URLs stop working)");
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await mediator.Send(new RotateCalendarToken(), ct), ct);
}

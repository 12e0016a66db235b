using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Calendar;

/// <summary>The caller's calendar feed URLs; the personal token behind them is created on the first call.</summary>
public sealed record GetCalendarFeeds : Mediator.ICommand<CalendarFeeds>
{
    public const string Route = "/api/v1/training/calendar/token";
}

internal sealed class GetCalendarFeedsHandler(TrainingDbContext db, CalendarTokens tokens, CalendarFeedLinks feeds)
    : Mediator.ICommandHandler<GetCalendarFeeds, CalendarFeeds>
{
    public async ValueTask<CalendarFeeds> Handle(GetCalendarFeeds command, CancellationToken ct)
    {
        var userId = db.Access.UserId ?? throw new ForbiddenException();
        return await feeds.ForAsync(await tokens.EnsureAsync(userId, ct), ct);
    }
}

internal sealed class GetCalendarFeedsEndpoint(IMediator mediator) : EndpointWithoutRequest<CalendarFeeds>
{
    public override void Configure()
    {
        Get(GetCalendarFeeds.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Get my calendar feed URLs (creates my feed token on first use)");
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await mediator.Send(new GetCalendarFeeds(), ct), ct);
}

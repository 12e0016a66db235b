using Khcn.BuildingBlocks.Documents;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Certificates;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Calendar;

public enum CalendarFeedKind { Me, Unit, Partner, Course }

/// <summary>One feed the user may subscribe to: its kind, what it is about, and its URL (the token inside).</summary>
public sealed record CalendarFeedLink(CalendarFeedKind Kind, Guid? Id, string Name, string Url);

/// <summary>
/// The user's feed URLs. They carry a personal token: whoever has a URL reads that feed with the user's current
/// rights, until the token is rotated. The templates are the URLs of one course's, one unit's (its subtree's officials)
/// and one partner agency's feed, with <c>{courseId}</c>, <c>{unitId}</c> or <c>{partnerId}</c> to replace: any course,
/// unit or partner the user may read, so that its page can offer "add to calendar" (the feed answers 404 otherwise).
/// </summary>
public sealed record CalendarFeeds(IReadOnlyList<CalendarFeedLink> Feeds, string CourseFeedTemplate, string UnitFeedTemplate,
    string PartnerFeedTemplate, DateTime CreatedAt, DateTime? RotatedAt);

/// <summary>Builds the response listing a user's feeds.</summary>
internal sealed class CalendarFeedLinks(TrainingAccess access, TrainingDbContext db, CalendarTokens tokens, PublicLinks links, IMediator mediator)
{
    public const string FeedsRoot = "/api/v1/training/calendar";

    public async Task<CalendarFeeds> ForAsync(CalendarToken row, CancellationToken ct)
    {
        var root = $"{links.BaseUrl}{FeedsRoot}/{tokens.TokenOf(row)}";
        var feeds = new List<CalendarFeedLink> { new(CalendarFeedKind.Me, null, "Lịch học của tôi", $"{root}/me.ics") };
        if (await access.MyPartnerIdAsync(ct) is { } partnerId)
        {
            var name = await db.Partners.Where(p => p.Id == partnerId).Select(p => p.Name).FirstOrDefaultAsync(ct);
            if (name is not null) feeds.Add(new(CalendarFeedKind.Partner, partnerId, name, $"{root}/partners/{partnerId}.ics"));
        }
        if (!access.IsPartnerOnly)
        {
            var unitIds = access.Access.Grants
                .Where(g => !Roles.IsAgencyScoped(g.Role) && access.Access.GrantHas(g, Permission.TrainingRead))
                .Select(g => g.UnitId).Distinct().ToList();
            if (unitIds.Count > 0)
                foreach (var unit in (await mediator.Send(new GetUnitSummaries(unitIds), ct)).OrderBy(u => u.Name))
                    feeds.Add(new(CalendarFeedKind.Unit, unit.Id, unit.Name, $"{root}/units/{unit.Id}.ics"));
        }
        return new CalendarFeeds(feeds, $"{root}/courses/{{courseId}}.ics", $"{root}/units/{{unitId}}.ics", $"{root}/partners/{{partnerId}}.ics",
            row.CreatedAtUtc, row.RotatedAtUtc);
    }
}

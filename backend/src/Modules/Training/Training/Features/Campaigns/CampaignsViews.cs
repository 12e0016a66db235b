using Khcn.BuildingBlocks.Http;
using Khcn.Training.Domain;

namespace Khcn.Training.Features.Campaigns;

public sealed record CampaignListItem(Guid Id, string Title, Guid UnitId, string UnitName, DateOnly StartsOn, DateOnly EndsOn,
    CampaignStatus Status, IReadOnlyList<CampaignChannel> Channels, int ParticipantCount);

public sealed record CampaignUnitView(Guid UnitId, string Code, string Name);

public sealed record CampaignMaterialView(Guid Id, string FileName, string ContentType, long Size, DateTime UploadedAt, string? UploadedBy);

public sealed record ReachReportView(Guid Id, Guid CampaignId, Guid UnitId, string UnitName, string Period, int EventsHeld, int PeopleReached,
    int WomenReached, string? Note, string? ReportedBy, DateTime UpdatedAt, long Version) : IVersioned;

/// <summary>
/// A campaign as its reader sees it; <c>canManage</c> says whether the caller may edit it and add materials,
/// <c>reportableUnitIds</c> which participating units the caller may report reach for.
/// </summary>
public sealed record CampaignDetail(Guid Id, Guid UnitId, string UnitName, string Title, string? Goal, DateOnly StartsOn, DateOnly EndsOn,
    CampaignStatus Status, IReadOnlyList<CampaignChannel> Channels, IReadOnlyList<CampaignAudience> Audiences, string? AudienceNote,
    IReadOnlyList<CampaignUnitView> Participants, IReadOnlyList<CampaignMaterialView> Materials, IReadOnlyList<ReachReportView> ReachReports,
    bool CanManage, IReadOnlyList<Guid> ReportableUnitIds, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

/// <summary>Reach figures summed.</summary>
public sealed record ReachRow(string Key, string Label, int EventsHeld, int PeopleReached, int WomenReached);

/// <summary>
/// Reach rolled up over the subtree of <see cref="WithinUnitId"/>: in total, by direct sub-unit (the unit's own
/// reports under its own name), by channel (a campaign's reach counts under each of its channels) and by quarter.
/// </summary>
public sealed record ReachTotals(Guid WithinUnitId, string WithinUnitName, Guid? CampaignId, int? Year, int CampaignCount,
    int EventsHeld, int PeopleReached, int WomenReached,
    IReadOnlyList<ReachRow> ByUnit, IReadOnlyList<ReachRow> ByChannel, IReadOnlyList<ReachRow> ByPeriod);

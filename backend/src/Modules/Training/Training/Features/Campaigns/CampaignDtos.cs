using FluentValidation;
using Khcn.BuildingBlocks.Application;
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

/// <summary>The editable fields of a campaign.</summary>
public abstract record CampaignFields
{
    public string Title { get; init; } = "";
    /// <summary>What the campaign aims at.</summary>
    public string? Goal { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; init; }
    /// <summary>At least one.</summary>
    public IReadOnlyList<CampaignChannel> Channels { get; init; } = [];
    public IReadOnlyList<CampaignAudience> Audiences { get; init; } = [];
    /// <summary>Other audiences, in words.</summary>
    public string? AudienceNote { get; init; }
    /// <summary>The units taking part: in the organising unit's subtree and the caller's scope.</summary>
    public IReadOnlyList<Guid> ParticipatingUnitIds { get; init; } = [];

    internal CampaignDetails ToDetails() => new(Title, Goal, StartsOn, EndsOn, Channels, Audiences, AudienceNote);
}

internal static class CampaignFieldRules
{
    public static void AddCampaignRules<T>(this AbstractValidator<T> v) where T : CampaignFields
    {
        v.RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        v.RuleFor(x => x.Goal).MaximumLength(4000);
        v.RuleFor(x => x.StartsOn).NotEmpty();
        v.RuleFor(x => x.EndsOn).NotEmpty();
        v.RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn).WithMessage("The end date must be on or after the start date.", "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
        v.RuleFor(x => x.Channels).NotEmpty().WithMessage("Choose at least one channel.", "Chọn ít nhất một hình thức tuyên truyền.");
        v.RuleForEach(x => x.Channels).IsInEnum();
        v.RuleForEach(x => x.Audiences).IsInEnum();
        v.RuleFor(x => x.AudienceNote).MaximumLength(300);
        v.RuleFor(x => x.ParticipatingUnitIds).Must(ids => ids.Count <= 500).WithMessage("At most 500 units take part.", "Tối đa 500 đơn vị tham gia.");
    }
}

/// <summary>Reach figures summed.</summary>
public sealed record ReachRow(string Key, string Label, int EventsHeld, int PeopleReached, int WomenReached);

/// <summary>
/// Reach rolled up over the subtree of <see cref="WithinUnitId"/>: in total, by direct sub-unit (the unit's own
/// reports under its own name), by channel (a campaign's reach counts under each of its channels) and by quarter.
/// </summary>
public sealed record ReachTotals(Guid WithinUnitId, string WithinUnitName, Guid? CampaignId, int? Year, int CampaignCount,
    int EventsHeld, int PeopleReached, int WomenReached,
    IReadOnlyList<ReachRow> ByUnit, IReadOnlyList<ReachRow> ByChannel, IReadOnlyList<ReachRow> ByPeriod);

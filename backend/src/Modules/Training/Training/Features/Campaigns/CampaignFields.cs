using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.Training.Domain;

namespace Khcn.Training.Features.Campaigns;

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

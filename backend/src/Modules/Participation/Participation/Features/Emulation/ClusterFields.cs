using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Emulation;

/// <summary>The content of an emulation cluster or block of a year.</summary>
public abstract record ClusterFields
{
    public string Name { get; init; } = "";
    public ClusterKind Kind { get; init; }
    /// <summary>The leading unit of the year (cụm trưởng), one of the members.</summary>
    public Guid LeadingUnitId { get; init; }
    /// <summary>The member units, below the forming unit; each in no other cluster that year.</summary>
    public IReadOnlyList<Guid> MemberUnitIds { get; init; } = [];
}

internal static class ClusterRules
{
    public static void AddClusterRules<T>(this AbstractValidator<T> v) where T : ClusterFields
    {
        v.RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
        v.RuleFor(x => x.Kind).IsInEnum();
        v.RuleFor(x => x.LeadingUnitId).NotEmpty();
        v.RuleFor(x => x.MemberUnitIds).NotEmpty().Must(m => m.Count <= 500);
    }

    /// <summary>
    /// A unit is in at most one cluster per year (409 <c>cluster_membership</c>, naming the unit and the cluster it is
    /// already in), and the units are below the forming unit; a year closed by the forming unit fixes its clusters.
    /// </summary>
    public static async Task EnsureMembershipAsync(this ParticipationDbContext db, IMediator mediator, Guid formingUnitId, int year,
        IReadOnlyList<Guid> members, Guid? clusterId, CancellationToken ct)
    {
        await EnsureYearOpenAsync(db, formingUnitId, year, ct);
        await mediator.EnsureBelowAsync(formingUnitId, members, "memberUnitIds", ct);
        var taken = await db.ClusterMembers.Where(m => m.Year == year && members.Contains(m.UnitId) && m.ClusterId != clusterId)
            .Join(db.Clusters.IgnoreQueryFilters(), m => m.ClusterId, c => c.Id, (m, c) => new { m.UnitId, c.Name }).FirstOrDefaultAsync(ct);
        if (taken is null) return;
        var unit = (await mediator.UnitNamesAsync([taken.UnitId], ct)).GetValueOrDefault(taken.UnitId, taken.UnitId.ToString());
        throw new BusinessRuleException("cluster_membership", Localized.Text(
                $"A unit is in at most one emulation cluster per year: {unit} is already in \"{taken.Name}\" in {year}.",
                $"Mỗi đơn vị chỉ thuộc một cụm, khối thi đua trong một năm: {unit} đã thuộc \"{taken.Name}\" năm {year}."),
            new Dictionary<string, string[]> { ["memberUnitIds"] = [Localized.Text($"{unit} is already in another cluster.", $"{unit} đã thuộc cụm khác.")] });
    }

    /// <summary>The clusters of a year are fixed once their forming unit has closed a movement's year (the ranking stands on them).</summary>
    public static async Task EnsureYearOpenAsync(ParticipationDbContext db, Guid formingUnitId, int year, CancellationToken ct)
    {
        if (await IsLockedAsync(db, formingUnitId, year, ct))
            throw new BusinessRuleException("emulation_year_closed", Localized.Text($"The emulation year {year} is closed: its clusters no longer change.",
                $"Năm thi đua {year} đã được khoá sổ: không thay đổi được cụm, khối thi đua."));
    }

    public static Task<bool> IsLockedAsync(ParticipationDbContext db, Guid formingUnitId, int year, CancellationToken ct) =>
        db.Movements.AnyAsync(m => m.UnitId == formingUnitId && m.ClosedYears.Any(y => y.Year == year), ct);
}

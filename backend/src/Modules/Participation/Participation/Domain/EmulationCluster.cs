using Khcn.BuildingBlocks.Domain;

namespace Khcn.Participation.Domain;

/// <summary>A cluster (cụm) groups comparable units, e.g. district federations; a block (khối) groups sectoral unions.</summary>
public enum ClusterKind { Cluster, Block }

/// <summary>
/// An emulation cluster or block of one year: units that compete with each other, formed by a unit above them, with a
/// leading unit (cụm trưởng) that rotates yearly. A unit is in at most one cluster per year (409
/// <c>cluster_membership</c>; a unique index on (year, unit) backs it). Members are kept by id for the year, so a
/// later change of the hierarchy leaves the year's clusters as they were.
/// </summary>
internal sealed class EmulationCluster : Entity
{
    private EmulationCluster() { }

    /// <summary>The unit that formed it (its members are below it).</summary>
    public Guid UnitId { get; private set; }
    public int Year { get; private set; }
    public string Name { get; private set; } = "";
    public ClusterKind Kind { get; private set; }
    public Guid LeadingUnitId { get; private set; }
    public List<ClusterMember> Members { get; private set; } = [];

    public static EmulationCluster Form(Guid unitId, int year, string name, ClusterKind kind, Guid leadingUnitId, IReadOnlyList<Guid> members)
    {
        var c = new EmulationCluster { UnitId = unitId, Year = year };
        c.Revise(name, kind, leadingUnitId, members);
        return c;
    }

    public void Revise(string name, ClusterKind kind, Guid leadingUnitId, IReadOnlyList<Guid> members)
    {
        if (!members.Contains(leadingUnitId))
            throw new BusinessRuleException("cluster_leader_not_member", Localized.Text("The leading unit must be a member of the cluster.",
                "Đơn vị cụm trưởng phải là thành viên của cụm."), new Dictionary<string, string[]> { ["leadingUnitId"] = [Localized.Text("Choose a member.", "Chọn một đơn vị trong cụm.")] });
        Name = name.Trim();
        Kind = kind;
        LeadingUnitId = leadingUnitId;
        var wanted = members.Distinct().ToList();
        Members.RemoveAll(m => !wanted.Contains(m.UnitId));
        foreach (var u in wanted.Where(u => Members.All(m => m.UnitId != u)))
            Members.Add(new ClusterMember { ClusterId = Id, UnitId = u, Year = Year });
    }
}

/// <summary>A unit's membership of a cluster in a year.</summary>
internal sealed class ClusterMember
{
    public Guid ClusterId { get; set; }
    public Guid UnitId { get; set; }
    public int Year { get; set; }
}

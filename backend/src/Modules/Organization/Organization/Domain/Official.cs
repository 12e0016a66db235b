using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;

namespace Khcn.Organization.Domain;

/// <summary>An official (cán bộ) of a union unit, with the qualifications plan II.2 asks to build up.</summary>
internal sealed class Official : Entity, IUnitOwned
{
    private Official() { }

    public Guid UnitId { get; private set; }
    public UnionUnit? Unit { get; private set; }
    public string FullName { get; private set; } = "";
    public string Position { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public string? Expertise { get; private set; }
    public PoliticalTheoryLevel PoliticalTheory { get; private set; }
    public string? ForeignLanguage { get; private set; }
    public bool ResearchMethodsTrained { get; private set; }
    [NotAudited] public string SearchText { get; private set; } = "";
    public List<FocalAssignment> FocalAssignments { get; private set; } = [];

    public static Official Create(Guid unitId, OfficialDetails details)
    {
        var official = new Official { UnitId = unitId };
        official.Update(details);
        return official;
    }

    public void Update(OfficialDetails d)
    {
        FullName = d.FullName.Trim();
        Position = d.Position.Trim();
        Phone = Clean(d.Phone);
        Email = Clean(d.Email);
        Expertise = Clean(d.Expertise);
        PoliticalTheory = d.PoliticalTheory;
        ForeignLanguage = Clean(d.ForeignLanguage);
        ResearchMethodsTrained = d.ResearchMethodsTrained;
        SearchText = VietnameseText.FoldAll(FullName, Position, Email);
    }

    /// <summary>
    /// Gives the official to another unit from <paramref name="on"/> (a split, issue #16). A focal assignment of the unit
    /// left ends that day: the focal official is an official of the unit they advise.
    /// </summary>
    public void TransferTo(Guid unitId, DateOnly on)
    {
        foreach (var assignment in FocalAssignments.Where(a => a.IsActive && a.UnitId == UnitId)) assignment.End(on);
        UnitId = unitId;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal sealed record OfficialDetails(
    string FullName, string Position, string? Phone, string? Email, string? Expertise,
    PoliticalTheoryLevel PoliticalTheory, string? ForeignLanguage, bool ResearchMethodsTrained);

/// <summary>
/// An official following and advising on KH,CN&amp;ĐMST for an upper-level union (plan II.2), from a date until the
/// next assignment ends it. At most one is active per unit (also a filtered unique index).
/// </summary>
internal sealed class FocalAssignment : Entity, IUnitOwned
{
    private FocalAssignment() { }

    public Guid UnitId { get; private set; }
    public Guid OfficialId { get; private set; }
    public Official? Official { get; private set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? AssignedBy { get; private set; }

    public bool IsActive => EndedOn is null;

    /// <summary>Ends the assignment on <paramref name="on"/> (never before it started).</summary>
    public void End(DateOnly on) => EndedOn = on < StartedOn ? StartedOn : on;

    /// <summary>Makes <paramref name="official"/> the focal official of <paramref name="unit"/> from <paramref name="startedOn"/>, ending <paramref name="current"/>.</summary>
    public static FocalAssignment Assign(UnionUnit unit, Official official, DateOnly startedOn, FocalAssignment? current, string? assignedBy)
    {
        if (!UnitKindRules.IsUpperLevel(unit.Kind))
            throw new BusinessRuleException("not_upper_level", Localized.Text(
                "Only an upper-level union (district, sectoral, civil-servants or industrial-zone union) has a focal official.",
                "Chỉ công đoàn cấp trên trực tiếp cơ sở (LĐLĐ huyện, công đoàn ngành, Công đoàn Viên chức, Công đoàn các Khu công nghiệp) mới có cán bộ đầu mối."));
        if (official.UnitId != unit.Id)
            throw new BusinessRuleException("official_not_in_unit",
                Localized.Text("The focal official must be an official of this unit.", "Cán bộ đầu mối phải là cán bộ của đơn vị này."),
                new Dictionary<string, string[]> { ["officialId"] = [Localized.Text("Choose an official of this unit.", "Chọn một cán bộ của đơn vị này.")] });
        if (current is not null)
        {
            if (current.OfficialId == official.Id)
                throw new BusinessRuleException("already_focal_official",
                    Localized.Text("This official is already the unit's focal official.", "Cán bộ này đã là cán bộ đầu mối của đơn vị."),
                    new Dictionary<string, string[]> { ["officialId"] = [Localized.Text("Already the focal official.", "Đã là cán bộ đầu mối.")] });
            if (startedOn < current.StartedOn)
                throw new BusinessRuleException("starts_before_current",
                    Localized.Text($"The new assignment cannot start before the current one ({current.StartedOn:dd/MM/yyyy}).",
                        $"Phân công mới không thể bắt đầu trước phân công hiện tại ({current.StartedOn:dd/MM/yyyy})."),
                    new Dictionary<string, string[]>
                    {
                        ["startedOn"] = [Localized.Text($"Choose a date on or after {current.StartedOn:dd/MM/yyyy}.", $"Chọn ngày từ {current.StartedOn:dd/MM/yyyy} trở đi.")],
                    });
            current.EndedOn = startedOn;
        }
        return new FocalAssignment { UnitId = unit.Id, OfficialId = official.Id, StartedOn = startedOn, AssignedBy = assignedBy };
    }
}

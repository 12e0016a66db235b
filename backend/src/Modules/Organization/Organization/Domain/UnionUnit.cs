using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;

namespace Khcn.Organization.Domain;

/// <summary>
/// A union unit. <see cref="Path"/> is the materialised path of ids from the root ("/a/b/c/"), so a subtree is one
/// indexed prefix query at any size. Name, parent and status are effective-dated: every change closes the open
/// <see cref="UnitVersion"/> and opens a new one, so the hierarchy can be read as of any day.
/// </summary>
internal sealed class UnionUnit : Entity
{
    /// <summary>Used when a unit's founding date is unknown (demo and imported units): long established.</summary>
    public static readonly DateOnly LongEstablished = new(2000, 1, 1);

    private UnionUnit() { }

    public UnitStatus Status { get; private set; } = UnitStatus.Active;
    /// <summary>The unit a merged unit was merged into; its records roll up there.</summary>
    public Guid? SuccessorId { get; private set; }
    public List<UnitVersion> Versions { get; private set; } = [];
    /// <summary>The units a split unit was divided between (empty unless <see cref="UnitStatus.Split"/>).</summary>
    public List<UnitSuccessor> Successors { get; private set; } = [];

    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public UnitKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public UnionUnit? Parent { get; private set; }
    [NotAudited] public string Path { get; private set; } = "";
    [NotAudited] public int Depth { get; private set; }
    public string? Address { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    [NotAudited] public string SearchText { get; private set; } = "";

    public static UnionUnit Create(string code, string name, UnitKind kind, UnionUnit? parent, string? address = null, string? phone = null,
        string? email = null, DateOnly? establishedOn = null)
    {
        if (parent is { Status: not UnitStatus.Active })
            throw new BusinessRuleException("unit_inactive", Localized.Text("A unit cannot be created under a merged or dissolved unit.",
                "Không thể tạo đơn vị trực thuộc một đơn vị đã sáp nhập hoặc giải thể."));
        UnitKindRules.EnsureCanSitUnder(kind, parent?.Kind);
        var unit = new UnionUnit
        {
            Code = code.Trim().ToUpperInvariant(),
            Kind = kind,
            ParentId = parent?.Id,
            Depth = parent is null ? 0 : parent.Depth + 1,
        };
        unit.Path = (parent?.Path ?? "/") + unit.Id.ToString("N") + "/";
        unit.Name = name.Trim();
        unit.UpdateContacts(address, phone, email);
        unit.Versions.Add(UnitVersion.Open(unit, establishedOn ?? LongEstablished));
        return unit;
    }

    public void UpdateContacts(string? address, string? phone, string? email)
    {
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        SearchText = VietnameseText.FoldAll(Code, Name);
    }

    public static string PathPrefixOf(Guid id) => "/" + id.ToString("N") + "/";

    private UnitVersion CurrentVersion
    {
        get
        {
            var open = Versions.SingleOrDefault(v => v.ValidTo is null);
            if (open is not null) return open;
            // A unit stored before history was kept: its state so far becomes its first version.
            open = UnitVersion.Open(this, LongEstablished);
            Versions.Add(open);
            return open;
        }
    }

    /// <summary>Closes the open version on <paramref name="on"/> and opens the next one with the unit's new state.</summary>
    private void NewVersion(DateOnly on)
    {
        var current = CurrentVersion;
        if (on < current.ValidFrom)
            throw new BusinessRuleException("effective_before_last_change",
                Localized.Text($"The change cannot take effect before the unit's last change ({current.ValidFrom:dd/MM/yyyy}).",
                    $"Thay đổi không thể có hiệu lực trước lần thay đổi gần nhất của đơn vị ({current.ValidFrom:dd/MM/yyyy})."),
                new Dictionary<string, string[]>
                {
                    ["effectiveOn"] = [Localized.Text($"Choose a date on or after {current.ValidFrom:dd/MM/yyyy}.", $"Chọn ngày từ {current.ValidFrom:dd/MM/yyyy} trở đi.")],
                });
        if (on == current.ValidFrom)
        {
            current.CopyFrom(this); // a second change on the same day replaces that day's version
            return;
        }
        current.Close(on);
        Versions.Add(UnitVersion.Open(this, on));
    }

    private void EnsureActive()
    {
        if (Status != UnitStatus.Active)
            throw new BusinessRuleException("unit_inactive", Localized.Text($"The unit is {Status.ToString().ToLowerInvariant()}: it cannot change any more.",
                $"Đơn vị {UnitKindRules.StatusName(Status)}: không thể thay đổi nữa."));
    }

    public void Rename(string name, DateOnly on)
    {
        EnsureActive();
        var clean = name.Trim();
        if (clean == Name) return;
        Name = clean;
        SearchText = VietnameseText.FoldAll(Code, Name);
        NewVersion(on);
    }

    /// <summary>Moves the unit (and its subtree) under <paramref name="parent"/>; <paramref name="subtree"/> are its descendants.</summary>
    public void MoveTo(UnionUnit parent, DateOnly on, IReadOnlyList<UnionUnit> subtree)
    {
        EnsureActive();
        if (parent.Status != UnitStatus.Active)
            throw new BusinessRuleException("unit_inactive", Localized.Text("A unit cannot move under a merged or dissolved unit.",
                "Không thể chuyển đơn vị về trực thuộc một đơn vị đã sáp nhập hoặc giải thể."));
        if (parent.Path.StartsWith(Path, StringComparison.Ordinal))
            throw new BusinessRuleException("hierarchy_cycle", Localized.Text("A unit cannot move under itself or one of its own sub-units.",
                    "Không thể chuyển đơn vị về trực thuộc chính nó hoặc một đơn vị cấp dưới của nó."),
                new Dictionary<string, string[]>
                {
                    ["parentId"] = [Localized.Text("Choose a unit outside this unit's subtree.", "Chọn một đơn vị không thuộc các cấp dưới của đơn vị này.")],
                });
        UnitKindRules.EnsureCanSitUnder(Kind, parent.Kind);
        if (ParentId == parent.Id) return;
        Reparent(parent, subtree);
        NewVersion(on);
    }

    private void Reparent(UnionUnit parent, IReadOnlyList<UnionUnit> subtree)
    {
        var oldPath = Path;
        ParentId = parent.Id;
        Parent = parent;
        Path = parent.Path + Id.ToString("N") + "/";
        var depthShift = parent.Depth + 1 - Depth;
        Depth = parent.Depth + 1;
        foreach (var descendant in subtree)
        {
            descendant.Path = Path + descendant.Path[oldPath.Length..];
            descendant.Depth += depthShift;
        }
    }

    /// <summary>
    /// Merges this unit into <paramref name="successor"/>: its active sub-units move to the successor, and the unit
    /// itself is kept (merged) under the successor, so what it recorded stays attributed to it and rolls up there.
    /// </summary>
    public void MergeInto(UnionUnit successor, DateOnly on, IReadOnlyList<UnionUnit> subtree)
    {
        EnsureActive();
        if (successor.Id == Id || successor.Status != UnitStatus.Active || successor.Path.StartsWith(Path, StringComparison.Ordinal))
            throw new BusinessRuleException("invalid_successor", Localized.Text("Merge into another active unit outside this unit's subtree.",
                    "Chỉ sáp nhập vào một đơn vị khác đang hoạt động và không thuộc các cấp dưới của đơn vị này."),
                new Dictionary<string, string[]>
                {
                    ["successorId"] = [Localized.Text("Choose another active unit outside this subtree.", "Chọn một đơn vị khác đang hoạt động, không thuộc các cấp dưới.")],
                });
        if (UnitKindRules.IsUpperLevel(Kind) != UnitKindRules.IsUpperLevel(successor.Kind) || (Kind == UnitKind.ProvincialFederation))
            throw new BusinessRuleException("invalid_successor", Localized.Text("A unit merges into a unit of the same level.",
                    "Đơn vị chỉ được sáp nhập vào một đơn vị cùng cấp."),
                new Dictionary<string, string[]> { ["successorId"] = [Localized.Text("Choose a unit of the same level.", "Chọn một đơn vị cùng cấp.")] });
        foreach (var child in subtree.Where(u => u.ParentId == Id && u.Status == UnitStatus.Active).ToList())
            child.MoveTo(successor, on, subtree.Where(d => d.Path.StartsWith(child.Path, StringComparison.Ordinal) && d.Id != child.Id).ToList());
        // What is left below (sub-units merged or dissolved earlier) stays with the unit under its successor.
        Reparent(successor, subtree.Where(d => d.Path.StartsWith(Path, StringComparison.Ordinal)).ToList());
        Status = UnitStatus.Merged;
        SuccessorId = successor.Id;
        NewVersion(on);
    }

    /// <summary>
    /// Splits this unit between <paramref name="successors"/> (siblings under the same parent, new or existing): each active
    /// direct sub-unit moves, with its own subtree, to the successor <paramref name="newParentOf"/> names; the unit itself is
    /// kept (split) under <paramref name="recordsHeir"/>, so what it recorded — officials, enterprises, plans, reports, its
    /// focal official — stays attributed to it and rolls up there, as a merged unit's records do.
    /// </summary>
    public void SplitInto(IReadOnlyList<UnionUnit> successors, UnionUnit recordsHeir, IReadOnlyDictionary<Guid, UnionUnit> newParentOf,
        DateOnly on, IReadOnlyList<UnionUnit> subtree)
    {
        EnsureActive();
        if (ParentId is null) throw new BusinessRuleException("root_unit",
            Localized.Text("The provincial federation cannot be split.", "Không thể tách Liên đoàn Lao động tỉnh."));
        foreach (var successor in successors)
        {
            if (successor.Id == Id || successor.Status != UnitStatus.Active || successor.ParentId != ParentId)
                throw new BusinessRuleException("invalid_successor", Localized.Text($"{successor.Name} is not an active unit beside this one: successors sit under the same parent.",
                        $"{successor.Name} không phải đơn vị đang hoạt động cùng cấp trên với đơn vị này: đơn vị kế thừa phải cùng trực thuộc một cấp trên."),
                    new Dictionary<string, string[]> { ["successors"] = [Localized.Text("Choose active units under the same parent.", "Chọn các đơn vị đang hoạt động cùng cấp trên.")] });
            if (UnitKindRules.IsUpperLevel(Kind) != UnitKindRules.IsUpperLevel(successor.Kind))
                throw new BusinessRuleException("invalid_successor", Localized.Text($"{successor.Name} is not of the same level as the unit split.",
                        $"{successor.Name} không cùng cấp với đơn vị được tách."),
                    new Dictionary<string, string[]> { ["successors"] = [Localized.Text("Choose units of the same level.", "Chọn các đơn vị cùng cấp.")] });
        }
        foreach (var child in subtree.Where(u => u.ParentId == Id && u.Status == UnitStatus.Active).ToList())
            child.MoveTo(newParentOf[child.Id], on, subtree.Where(d => d.Path.StartsWith(child.Path, StringComparison.Ordinal) && d.Id != child.Id).ToList());
        // What is left below (sub-units merged or dissolved earlier) stays with the unit under the heir of its records.
        Reparent(recordsHeir, subtree.Where(d => d.Path.StartsWith(Path, StringComparison.Ordinal)).ToList());
        Status = UnitStatus.Split;
        SuccessorId = recordsHeir.Id;
        foreach (var successor in successors) Successors.Add(UnitSuccessor.Of(this, successor, on));
        NewVersion(on);
    }

    public void Dissolve(DateOnly on, bool hasActiveChildren)
    {
        EnsureActive();
        if (ParentId is null) throw new BusinessRuleException("root_unit",
            Localized.Text("The provincial federation cannot be dissolved.", "Không thể giải thể Liên đoàn Lao động tỉnh."));
        if (hasActiveChildren)
            throw new BusinessRuleException("unit_has_children", Localized.Text("Move, merge or dissolve the unit's sub-units first.",
                "Cần chuyển, sáp nhập hoặc giải thể các đơn vị cấp dưới trước."));
        Status = UnitStatus.Dissolved;
        NewVersion(on);
    }
}

/// <summary>One of the units a split unit was divided between, from the day of the split.</summary>
internal sealed class UnitSuccessor : INotAudited
{
    private UnitSuccessor() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid UnitId { get; private set; }
    public Guid SuccessorId { get; private set; }
    public DateOnly EffectiveOn { get; private set; }

    public static UnitSuccessor Of(UnionUnit unit, UnionUnit successor, DateOnly on) =>
        new() { UnitId = unit.Id, SuccessorId = successor.Id, EffectiveOn = on };
}

/// <summary>The unit's name, place and status over one period [ValidFrom, ValidTo).</summary>
internal sealed class UnitVersion : INotAudited
{
    private UnitVersion() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid UnitId { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    /// <summary>First day the version no longer holds; none while it is current.</summary>
    public DateOnly? ValidTo { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public UnitKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public UnitStatus Status { get; private set; }
    public Guid? SuccessorId { get; private set; }

    public static UnitVersion Open(UnionUnit unit, DateOnly from)
    {
        var version = new UnitVersion { UnitId = unit.Id, ValidFrom = from };
        version.CopyFrom(unit);
        return version;
    }

    public void CopyFrom(UnionUnit unit)
    {
        Code = unit.Code;
        Name = unit.Name;
        Kind = unit.Kind;
        ParentId = unit.ParentId;
        Status = unit.Status;
        SuccessorId = unit.SuccessorId;
    }

    public void Close(DateOnly on) => ValidTo = on;
}

/// <summary>Which kind of unit may sit under which (domain.md §2).</summary>
internal static class UnitKindRules
{
    public static bool IsUpperLevel(UnitKind kind) => kind is UnitKind.DistrictFederation or UnitKind.SectoralUnion
        or UnitKind.CivilServantsUnion or UnitKind.IndustrialZoneUnion;

    public static void EnsureCanSitUnder(UnitKind kind, UnitKind? parentKind)
    {
        var ok = kind switch
        {
            UnitKind.ProvincialFederation => parentKind is null,
            UnitKind.Grassroots => parentKind is { } p && IsUpperLevel(p),
            _ => parentKind == UnitKind.ProvincialFederation,
        };
        if (!ok)
            throw new BusinessRuleException("unit_kind_placement", parentKind is null
                ? Localized.Text($"A {kind} unit needs a parent unit.", $"{KindName(kind)} phải trực thuộc một đơn vị cấp trên.")
                : Localized.Text($"A {kind} unit cannot sit under a {parentKind} unit.", $"{KindName(kind)} không thể trực thuộc {KindName(parentKind.Value)}."),
                new Dictionary<string, string[]>
                {
                    ["parentId"] = [Localized.Text($"A {kind} unit cannot sit under this parent.", $"{KindName(kind)} không thể trực thuộc đơn vị này.")],
                });
    }

    /// <summary>The kind's Vietnamese name, for messages.</summary>
    public static string KindName(UnitKind kind) => kind switch
    {
        UnitKind.ProvincialFederation => "Liên đoàn Lao động tỉnh",
        UnitKind.DistrictFederation => "Liên đoàn Lao động huyện, thị xã, thành phố",
        UnitKind.SectoralUnion => "Công đoàn ngành",
        UnitKind.CivilServantsUnion => "Công đoàn Viên chức",
        UnitKind.IndustrialZoneUnion => "Công đoàn các Khu công nghiệp",
        _ => "Công đoàn cơ sở",
    };

    /// <summary>The status as it reads after "Đơn vị …", for messages.</summary>
    public static string StatusName(UnitStatus status) => status switch
    {
        UnitStatus.Merged => "đã sáp nhập",
        UnitStatus.Dissolved => "đã giải thể",
        UnitStatus.Split => "đã tách",
        _ => "đang hoạt động",
    };
}

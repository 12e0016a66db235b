using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;

namespace Khcn.Organization.Domain;

/// <summary>
/// A union unit. <see cref="Path"/> is the materialised path of ids from the root ("/a/b/c/"), so a subtree is one
/// indexed prefix query at any size.
/// </summary>
internal sealed class UnionUnit : Entity
{
    private UnionUnit() { }

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

    public static UnionUnit Create(string code, string name, UnitKind kind, UnionUnit? parent, string? address = null, string? phone = null, string? email = null)
    {
        UnitKindRules.EnsureCanSitUnder(kind, parent?.Kind);
        var unit = new UnionUnit
        {
            Code = code.Trim().ToUpperInvariant(),
            Kind = kind,
            ParentId = parent?.Id,
            Depth = parent is null ? 0 : parent.Depth + 1,
        };
        unit.Path = (parent?.Path ?? "/") + unit.Id.ToString("N") + "/";
        unit.Update(name, address, phone, email);
        return unit;
    }

    public void Update(string name, string? address, string? phone, string? email)
    {
        Name = name.Trim();
        Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        SearchText = VietnameseText.FoldAll(Code, Name);
    }

    public static string PathPrefixOf(Guid id) => "/" + id.ToString("N") + "/";
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
                ? $"A {kind} unit needs a parent unit."
                : $"A {kind} unit cannot sit under a {parentKind} unit.",
                new Dictionary<string, string[]> { ["parentId"] = [$"A {kind} unit cannot sit under this parent."] });
    }
}

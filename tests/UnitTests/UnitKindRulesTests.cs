using Khcn.BuildingBlocks.Domain;
using Khcn.Organization.Contracts;
using Khcn.Organization.Domain;

namespace Khcn.UnitTests;

public sealed class UnitKindRulesTests
{
    [Theory]
    [InlineData(UnitKind.ProvincialFederation, null)]
    [InlineData(UnitKind.DistrictFederation, UnitKind.ProvincialFederation)]
    [InlineData(UnitKind.IndustrialZoneUnion, UnitKind.ProvincialFederation)]
    [InlineData(UnitKind.Grassroots, UnitKind.DistrictFederation)]
    [InlineData(UnitKind.Grassroots, UnitKind.SectoralUnion)]
    public void Allowed_placements(UnitKind kind, UnitKind? parent) => UnitKindRules.EnsureCanSitUnder(kind, parent);

    [Theory]
    [InlineData(UnitKind.ProvincialFederation, UnitKind.ProvincialFederation)]
    [InlineData(UnitKind.DistrictFederation, null)]
    [InlineData(UnitKind.DistrictFederation, UnitKind.DistrictFederation)]
    [InlineData(UnitKind.Grassroots, UnitKind.ProvincialFederation)]
    [InlineData(UnitKind.Grassroots, UnitKind.Grassroots)]
    public void Refused_placements(UnitKind kind, UnitKind? parent) =>
        Should.Throw<BusinessRuleException>(() => UnitKindRules.EnsureCanSitUnder(kind, parent)).Code.ShouldBe("unit_kind_placement");

    [Fact]
    public void A_child_path_extends_its_parents_path()
    {
        var root = UnionUnit.Create("HY", "Hưng Yên", UnitKind.ProvincialFederation, null);
        var district = UnionUnit.Create("VL", "Văn Lâm", UnitKind.DistrictFederation, root);

        district.Path.ShouldStartWith(root.Path);
        district.Depth.ShouldBe(1);
        district.SearchText.ShouldBe("vl van lam");
    }
}

using Khcn.Organization.Domain;
using Khcn.Organization.Features.Labour;
using Khcn.Organization.Features.Officials;
using Khcn.Organization.Features.Units;
using Mapster;

namespace Khcn.Organization.Features;

/// <summary>
/// The module's one Mapster configuration (ADR 0011): the read models that are a plain mapping of an entity,
/// projected with <c>ProjectToType</c> in queries and <c>Adapt</c> in memory. Read models that compute (compliance,
/// totals, permissions of the caller) are projected by hand where they are built, and say so.
/// </summary>
internal sealed class OrganizationMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        // Units
        config.NewConfig<UnionUnit, UnitDetail>()
            .Map(d => d.CreatedAt, s => s.CreatedAtUtc)
            .Map(d => d.UpdatedAt, s => s.UpdatedAtUtc)
            .Map(d => d.ParentName, s => s.Parent != null ? s.Parent.Name : null)
            .Ignore(d => d.Headcount!)
            .Ignore(d => d.ParentCode!)
            .Ignore(d => d.ParentInScope);
        config.NewConfig<UnionUnit, UnitListItem>()
            .Map(d => d.ParentName, s => s.Parent != null ? s.Parent.Name : null);
        config.NewConfig<UnionUnit, UnitTreeNode>();

        // Officials
        config.NewConfig<Official, OfficialListItem>()
            .Map(d => d.UnitName, s => s.Unit != null ? s.Unit.Name : null)
            .Map(d => d.IsFocalOfficial, s => s.FocalAssignments.Any(a => a.EndedOn == null));
        config.NewConfig<Official, OfficialDetail>()
            .Map(d => d.UnitName, s => s.Unit != null ? s.Unit.Name : null)
            .Map(d => d.IsFocalOfficial, s => s.FocalAssignments.Any(a => a.EndedOn == null))
            .Map(d => d.CreatedAt, s => s.CreatedAtUtc)
            .Map(d => d.UpdatedAt, s => s.UpdatedAtUtc);

        // Labour (the list and the export pick one year's figures per enterprise, so they project by hand)
        config.NewConfig<EnterpriseYearFigures, YearFiguresView>();
        config.NewConfig<Enterprise, EnterpriseDetail>()
            .Map(d => d.UnitName, s => s.Unit!.Name)
            .Map(d => d.Figures, s => s.Figures.OrderByDescending(f => f.Year))
            .Map(d => d.CreatedAt, s => s.CreatedAtUtc)
            .Map(d => d.UpdatedAt, s => s.UpdatedAtUtc)
            .Ignore(d => d.GrassrootsUnitName!);
    }
}

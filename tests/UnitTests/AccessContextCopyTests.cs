using System.Collections;
using System.Reflection;
using Khcn.BuildingBlocks.Security;

namespace Khcn.UnitTests;

/// <summary>
/// <see cref="AccessContext.CopyTo"/> lists the context's fields by hand: background work the dashboard hands on reads
/// with the copied reach. A field added to the context and forgotten there would silently widen or narrow that reach,
/// so every instance field is compared after a copy, whatever its name.
/// </summary>
public sealed class AccessContextCopyTests
{
    private static readonly FieldInfo[] Fields =
        typeof(AccessContext).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

    private static AccessContext Filled()
    {
        var unit = Guid.NewGuid();
        var subtree = new UnitSubtree(unit, false, new HashSet<Guid> { unit, Guid.NewGuid() }, [Guid.NewGuid()]);
        var source = new AccessContext { MustChangePassword = true, UnitsStamp = Guid.NewGuid() };
        source.SetUser(Guid.NewGuid(), "canbo@hungyen.demo", "Cán bộ", [(new Grant("unit-officer", unit), subtree)]);
        source.AddChildUnit(unit, Guid.NewGuid());
        source.RestrictToClient("kho-du-lieu", ["organization.read"]);
        _ = source.ScopeKey; // computed and kept
        _ = source.ReachKey;
        return source;
    }

    [Fact]
    public void Every_field_of_the_source_differs_from_the_target_before_the_copy_so_the_comparison_means_something()
    {
        var source = Filled();
        var target = new AccessContext();
        target.UseSystem();
        foreach (var field in Fields)
            Same(field.GetValue(source), field.GetValue(target)).ShouldBeFalse($"{field.Name} is the same on the test's source and target");
    }

    [Fact]
    public void A_copy_has_every_field_of_the_source()
    {
        var source = Filled();
        var target = new AccessContext();
        target.UseSystem(); // the copy overwrites what the target held, it does not merge

        source.CopyTo(target);

        foreach (var field in Fields)
            Same(field.GetValue(target), field.GetValue(source)).ShouldBeTrue($"{field.Name} differs after CopyTo");
        target.CanSee(source.VisibleUnitIds[0]).ShouldBeTrue();
        target.IsSystem.ShouldBeFalse();
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string x, string y) => x == y,
        (IEnumerable x, IEnumerable y) => x.Cast<object?>().SequenceEqual(y.Cast<object?>()),
        _ => Equals(a, b),
    };
}

namespace Khcn.Host.OpenApi;

/// <summary>
/// Schema ids that stay unique when two modules (or two features) have a class of the same name: the namespace
/// after <c>Khcn</c> joined with '_', without the <c>Features</c> folder and without a last folder that only repeats
/// the type's name (REPR: <c>Features/Units/CreateUnit/CreateUnit.cs</c>). Generics read as
/// <c>PagedResultOf…</c>. Two types that still map to one id make Swashbuckle fail, so a clash never goes unnoticed.
/// </summary>
internal static class SchemaIds
{
    private const string RootNamespace = "Khcn";
    private static readonly HashSet<string> Silent = ["Features"];

    public static string For(Type type)
    {
        if (type.IsGenericParameter) return type.Name;
        if (type.IsArray) return "ArrayOf" + For(type.GetElementType()!);
        var name = type.IsNested ? For(type.DeclaringType!) + type.Name : type.Name;
        var arity = name.IndexOf('`');
        if (arity < 0) return type.IsNested ? name : Qualified(type.Namespace, name);
        name = name[..arity];
        return (type.IsNested ? name : Qualified(type.Namespace, name)) + "Of" + string.Join("And", type.GetGenericArguments().Select(For));
    }

    private static string Qualified(string? ns, string name)
    {
        var folders = (ns ?? "").Split('.');
        if (folders[0] != RootNamespace) return name;
        var kept = folders.Skip(1).Where(f => !Silent.Contains(f)).ToList();
        // Shared building blocks (PagedResult<T>) belong to no module: their name is the concept itself.
        if (kept.Count > 0 && kept[0].StartsWith("BuildingBlocks", StringComparison.Ordinal)) return name;
        if (kept.Count > 1 && kept[^1] == name) kept.RemoveAt(kept.Count - 1);
        return string.Join('_', [.. kept, name]);
    }
}

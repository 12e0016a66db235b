using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Khcn.Host.OpenApi;

/// <summary>
/// The <c>&lt;summary&gt;</c> of our types and properties, read from the Khcn.*.xml files beside the app
/// (GenerateDocumentationFile in backend/Directory.Build.props). Swashbuckle uses the same files for schemas;
/// this serves what it cannot see: the parameters and operations built from FastEndpoints request DTOs.
/// </summary>
internal sealed partial class XmlDocs
{
    public const string FilePattern = "Khcn.*.xml";

    private readonly Dictionary<string, string> _summaries = new(StringComparer.Ordinal);

    public XmlDocs(IEnumerable<string> files)
    {
        foreach (var file in files)
        foreach (var member in XDocument.Load(file).Descendants("member"))
            if (member.Attribute("name")?.Value is { } name && member.Element("summary") is { } summary)
                _summaries[name] = Text(summary);
    }

    public static IEnumerable<string> FilesIn(string directory) => Directory.GetFiles(directory, FilePattern).Order(StringComparer.Ordinal);

    public string? Summary(Type type) => Find("T:" + Name(type));

    /// <summary>The property's own summary, else the one on the interface it implements (e.g. IPagedQuery).</summary>
    public string? Summary(PropertyInfo property)
    {
        var own = Find($"P:{Name(property.DeclaringType!)}.{property.Name}");
        if (own is not null) return own;
        foreach (var contract in property.DeclaringType!.GetInterfaces())
            if (contract.GetProperty(property.Name) is { } declared && Find($"P:{Name(contract)}.{declared.Name}") is { } inherited)
                return inherited;
        return null;
    }

    private string? Find(string member) => _summaries.TryGetValue(member, out var text) && text.Length > 0 ? text : null;

    private static string Name(Type type) => (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName!.Replace('+', '.');

    private static string Text(XElement element)
    {
        var parts = element.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" or "seealso" } see => see.Attribute("langword")?.Value
                                                                ?? see.Attribute("cref")?.Value.Split('.', ':')[^1] ?? see.Value,
            XElement { Name.LocalName: "paramref" or "typeparamref" } reference => reference.Attribute("name")?.Value ?? "",
            XElement inner => Text(inner),
            _ => "",
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using FluentValidation.Results;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;

namespace Khcn.Host.Setup;

/// <summary>
/// FastEndpoints' own binding errors (malformed JSON, wrong types) in the API's problem format. Their texts are
/// written for developers and name .NET types ("could not be converted to System.Collections.Generic.IReadOnlyList`1[…]",
/// "Value [x] is not valid for a [Guid] property!"): a value of the wrong kind becomes an error under its field
/// saying what kind was expected, in the caller's language; a body that is not JSON at all stays malformed_json.
/// </summary>
internal static partial class FastEndpointsErrors
{
    public static object Problem(List<ValidationFailure> failures, HttpContext http, int status)
    {
        var errors = failures.Select(Describe).ToList();
        var malformed = errors.Any(e => e.Field is null);
        var grouped = errors.GroupBy(e => e.Field ?? "serializerErrors")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).Distinct().ToArray());
        return new Dictionary<string, object?>
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = malformed ? Titles.MalformedJson : Titles.ValidationFailed,
            ["status"] = status,
            ["instance"] = http.Request.Path.Value,
            ["code"] = malformed ? "malformed_json" : "validation_failed",
            ["errors"] = grouped,
            ["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier,
        };
    }

    /// <summary>The field a failure belongs to (null: the body as a whole) and a message naming no .NET type.</summary>
    private static (string? Field, string Message) Describe(ValidationFailure failure)
    {
        var text = failure.ErrorMessage ?? "";
        var serializer = failure.PropertyName is "serializerErrors" or "SerializerErrors";
        var converted = ConvertedTo().Match(text);
        var bound = NotValidFor().Match(text);
        var path = JsonPath().Match(text);
        // An omitted required list (RequiredLists): under the object's path, worded as a null one is (InputRules).
        if (MissingRequired().Match(text) is { Success: true } missing)
        {
            // At the top the failure is the serializer's, with the path in its text; in a nested object FastEndpoints names the object.
            var owner = !serializer ? Camel(failure.PropertyName) : path.Success ? path.Groups[1].Value : "";
            var name = missing.Groups[1].Value;
            var missingField = owner.Length > 0 ? $"{owner}.{name}" : name;
            return (missingField, Khcn.BuildingBlocks.Application.InputRules.MissingMessage(missingField));
        }
        string? field = serializer
            ? converted.Success && path.Success && path.Groups[1].Value.Length > 0 ? path.Groups[1].Value : null
            : Camel(failure.PropertyName);
        var type = converted.Success ? converted.Groups[1].Value : bound.Success ? bound.Groups[1].Value : null;
        if (type is not null) return (field, Expected(type));
        if (field is null) return (null, Localized.IsVietnamese ? Titles.MalformedJson : Sanitize(text));
        return (field, Localized.Text("The value is not valid.", "Giá trị không hợp lệ."));
    }

    /// <summary>What a value of the .NET type looks like, in words.</summary>
    private static string Expected(string type)
    {
        var t = type.Trim();
        var (en, vi) = t switch
        {
            _ when t.Contains("List`") || t.Contains("Enumerable`") || t.Contains("Collection`") || t.EndsWith("[]") || t.Contains("Set`") => ("a list", "một danh sách"),
            _ when t.Contains("Dictionary`") => ("an object", "một đối tượng"),
            _ when t.EndsWith("Guid") || t.Contains("Guid]") => ("an id (UUID)", "một mã định danh (UUID)"),
            _ when t.Contains("DateOnly") => ("a date (yyyy-MM-dd)", "một ngày (yyyy-MM-dd)"),
            _ when t.Contains("DateTime") => ("a date and time", "một thời điểm (ngày và giờ)"),
            _ when t.Contains("TimeOnly") => ("a time (HH:mm)", "một giờ (HH:mm)"),
            _ when t.Contains("Boolean") || t.EndsWith("bool") => ("true or false", "true hoặc false"),
            _ when t.Contains("Int") || t.Contains("Decimal") || t.Contains("Double") || t.Contains("Single") || t.Contains("Byte") => ("a number", "một số"),
            _ when t.EndsWith("String") || t.EndsWith("string") => ("text", "văn bản"),
            // One of our enums: named in full in a JSON error, by its bare name (nullable or not) when a query or route value fails to bind.
            _ when (t.StartsWith("Khcn.") && !t.Contains('`')) || !t.Contains('.') && !t.Contains('`') => ("one of the allowed values", "một giá trị trong danh sách cho phép"),
            _ => ("a value of another kind", "giá trị kiểu khác"),
        };
        return Localized.Text($"Expected {en}.", $"Cần {vi}.");
    }

    /// <summary>A framework message with any .NET type name cut out.</summary>
    private static string Sanitize(string text) =>
        TypeName().IsMatch(text) ? Localized.Text("The request body is not valid JSON.", Titles.MalformedJson) : text;

    private static string Camel(string name) => string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"could not be converted to (\S+?)\. Path")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"missing required properties including: '([^']+)'")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"is not valid for a \[(.+?)\] property")]
    private static partial Regex NotValidFor();

    [GeneratedRegex(@"Path: \$\.?(\S*?)(?: \||$)")]
    private static partial Regex JsonPath();

    [GeneratedRegex(@"System\.|Khcn\.|`\d")]
    private static partial Regex TypeName();
}

using System.Diagnostics;
using FluentValidation.Results;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;

namespace Khcn.Host.Setup;

/// <summary>FastEndpoints' own binding errors (malformed JSON, wrong types) in the API's problem format.</summary>
internal static class FastEndpointsErrors
{
    public static object Problem(List<ValidationFailure> failures, HttpContext http, int status)
    {
        var malformed = failures.Any(f => f.PropertyName is "serializerErrors" or "SerializerErrors");
        // FastEndpoints words its binding failures in English for developers ("Value [x] is not valid for a [Guid] property!").
        var errors = failures.GroupBy(f => Camel(f.PropertyName)).ToDictionary(g => g.Key,
            g => g.Select(f => Localized.IsVietnamese ? (malformed ? Titles.MalformedJson : "Giá trị không hợp lệ.") : f.ErrorMessage).Distinct().ToArray());
        return new Dictionary<string, object?>
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = malformed ? Titles.MalformedJson : Titles.ValidationFailed,
            ["status"] = status,
            ["instance"] = http.Request.Path.Value,
            ["code"] = malformed ? "malformed_json" : "validation_failed",
            ["errors"] = errors,
            ["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier,
        };
    }

    private static string Camel(string name) => string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

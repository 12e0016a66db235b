namespace Khcn.BuildingBlocks.Domain;

/// <summary>A business rule refused the change (409 with the rule's code).</summary>
public class BusinessRuleException(string code, string message, IDictionary<string, string[]>? errors = null)
    : Exception(message)
{
    public string Code { get; } = code;
    public IDictionary<string, string[]>? Errors { get; } = errors;
}

/// <summary>Input failed validation (400 with per-field errors).</summary>
public sealed class RequestValidationException(IDictionary<string, string[]> errors)
    : Exception("One or more fields are invalid.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The record does not exist or is outside the caller's scope (404: existence is not revealed).</summary>
public sealed class NotFoundException(string entity, object id) : Exception($"{entity} '{id}' was not found.");

/// <summary>The caller sees the record but may not do this to it (403).</summary>
public sealed class ForbiddenException(string message = "You are not allowed to do this.") : Exception(message);

/// <summary>The If-Match version is stale (412).</summary>
public sealed class ConcurrencyConflictException()
    : Exception("Someone else changed this record since you read it. Reload it and try again.");

/// <summary>An update arrived without If-Match (428).</summary>
public sealed class PreconditionRequiredException()
    : Exception("This update needs an If-Match header with the ETag from your last read.");

/// <summary>An answer with a specific status and code that no other exception describes (auth failures, throttling).</summary>
public sealed class ApiProblemException(int status, string code, string title, string detail,
    IDictionary<string, object?>? extensions = null, IDictionary<string, string>? headers = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Title { get; } = title;
    public IDictionary<string, object?>? Extensions { get; } = extensions;
    public IDictionary<string, string>? Headers { get; } = headers;
}

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
    : Exception(Localized.Text("One or more fields are invalid.", "Một số trường chưa hợp lệ."))
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>
/// The record does not exist or is outside the caller's scope (404: existence is not revealed). Name the entity in
/// the caller's language: <c>new NotFoundException(Localized.Text("Unit", "đơn vị"), id)</c>.
/// </summary>
public sealed class NotFoundException(string entity, object id)
    : Exception(Localized.Text($"{entity} '{id}' was not found.", $"Không tìm thấy {entity} '{id}'."));

/// <summary>The caller sees the record but may not do this to it (403).</summary>
public sealed class ForbiddenException(string? message = null)
    : Exception(message ?? Localized.Text("You are not allowed to do this.", "Bạn không có quyền thực hiện thao tác này."));

/// <summary>The If-Match version is stale (412).</summary>
public sealed class ConcurrencyConflictException()
    : Exception(Localized.Text("Someone else changed this record since you read it. Reload it and try again.",
        "Người khác đã sửa bản ghi này sau khi bạn mở nó. Hãy tải lại rồi thử lại."));

/// <summary>An update arrived without If-Match (428).</summary>
public sealed class PreconditionRequiredException()
    : Exception(Localized.Text("This update needs an If-Match header with the ETag from your last read.",
        "Yêu cầu cập nhật cần header If-Match chứa ETag của lần đọc gần nhất."));

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

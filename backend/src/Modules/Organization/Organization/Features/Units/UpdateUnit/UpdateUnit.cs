using FastEndpoints;

namespace Khcn.Organization.Features.Units.UpdateUnit;

/// <summary>Changes a unit's contact details, and its name from today (see rename for another date); needs If-Match with the ETag of the last read.</summary>
public sealed record UpdateUnit : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/units/{id}";

    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
    public string Name { get; init; } = "";
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
}

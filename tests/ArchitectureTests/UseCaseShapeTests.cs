using System.Reflection;
using FastEndpoints;
using Mediator;
using NetArchTest.Rules;

namespace Khcn.ArchitectureTests;

/// <summary>
/// The shape of a use case (ADR 0011), checked on every module and Platform: endpoints only forward to the mediator,
/// handlers and domain objects stay inside their module, and a module reaches another only through its Contracts.
/// </summary>
public sealed class UseCaseShapeTests
{
    private static readonly Dictionary<string, Assembly> Modules = new()
    {
        ["Platform"] = typeof(Khcn.Platform.PlatformModule).Assembly,
        ["Organization"] = typeof(Khcn.Organization.OrganizationModule).Assembly,
        ["Training"] = typeof(Khcn.Training.TrainingModule).Assembly,
        ["Participation"] = typeof(Khcn.Participation.ParticipationModule).Assembly,
        ["Finance"] = typeof(Khcn.Finance.FinanceModule).Assembly,
    };

    public static TheoryData<string> ModuleNames() => new(Modules.Keys);

    private static bool IsEndpoint(Type t) => !t.IsAbstract && typeof(IEndpoint).IsAssignableFrom(t);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void An_endpoint_takes_the_mediator_and_nothing_else(string module)
    {
        var offenders = Modules[module].GetTypes().Where(IsEndpoint)
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters())
                .Where(p => p.ParameterType != typeof(IMediator))
                .Select(p => $"{t.FullName}({p.ParameterType.Name})"))
            .ToList();
        offenders.ShouldBeEmpty($"{module}: an endpoint sends its request to IMediator; the handler does the work");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void An_endpoint_never_touches_a_DbContext_or_the_file_store(string module)
    {
        // By name (the next test holds every endpoint to it), abstract bases included: a shared base must forward as well.
        // (NetArchTest's ImplementInterface sees only the interfaces a type declares itself, not those of FastEndpoints' base.)
        var result = Types.InAssembly(Modules[module]).That().HaveNameEndingWith("Endpoint").Or().HaveNameMatching("Endpoint`[0-9]+$")
            .ShouldNot().HaveDependencyOnAny(
                "Microsoft.EntityFrameworkCore", "Khcn.BuildingBlocks.Persistence", $"Khcn.{module}.Data",
                "Khcn.BuildingBlocks.Files.IFileStore")
            .GetResult();
        result.IsSuccessful.ShouldBeTrue($"{module}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void An_endpoint_is_named_after_its_use_case_with_the_Endpoint_suffix(string module)
    {
        var misnamed = Modules[module].GetTypes().Where(t => typeof(IEndpoint).IsAssignableFrom(t) && !t.IsNested)
            .Where(t => !t.Name.Split('`')[0].EndsWith("Endpoint", StringComparison.Ordinal)).Select(t => t.FullName).ToList();
        misnamed.ShouldBeEmpty($"{module}: ADR 0011 names an endpoint <UseCase>Endpoint");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Handlers_and_domain_objects_are_internal(string module)
    {
        // The enums of a Domain namespace are the API's vocabulary (they appear in the OpenAPI document), so they stay public.
        var exposed = Modules[module].GetTypes()
            .Where(t => t.IsPublic || t.IsNestedPublic)
            .Where(t => t.Namespace?.EndsWith(".Domain", StringComparison.Ordinal) == true && !t.IsEnum
                        || t.GetInterfaces().Any(i => i.IsGenericType && HandlerInterfaces.Contains(i.GetGenericTypeDefinition())))
            .Select(t => t.FullName!).Where(n => !NotYetInternal.Contains(n)).ToList();
        exposed.ShouldBeEmpty($"{module} exposes its internals");
    }

    // Empty: every module's domain types are internal. A type listed here by name would be exposed on purpose.
    private static readonly HashSet<string> NotYetInternal = [];

    private static readonly Type[] HandlerInterfaces =
    [
        typeof(Mediator.ICommandHandler<,>), typeof(Mediator.ICommandHandler<>), typeof(IQueryHandler<,>),
        typeof(Mediator.IRequestHandler<,>), typeof(INotificationHandler<>),
    ];

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_references_other_modules_only_through_their_contracts(string module)
    {
        var others = Modules.Where(m => m.Key != module).Select(m => m.Value.GetName().Name).ToHashSet();
        var references = Modules[module].GetReferencedAssemblies().Select(a => a.Name).Where(others.Contains).ToList();
        references.ShouldBeEmpty($"{module} references another module's implementation assembly; use its .Contracts");
    }

    [Fact]
    public void Every_module_has_endpoints_to_check()
    {
        foreach (var (name, assembly) in Modules.Where(m => m.Key is "Platform" or "Organization" or "Training" or "Finance"))
            assembly.GetTypes().Count(IsEndpoint).ShouldBeGreaterThan(0, $"{name}: the rules above would pass vacuously");
    }
}

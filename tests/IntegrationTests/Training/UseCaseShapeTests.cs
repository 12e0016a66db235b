using System.Reflection;
using FastEndpoints;
using Mediator;

namespace Khcn.IntegrationTests.Training;

/// <summary>ADR 0011 for Training and Platform: an endpoint depends on IMediator alone (no DbContext, notifier or file store).</summary>
public sealed class UseCaseShapeTests
{
    public static TheoryData<Assembly> Modules => new() { typeof(Khcn.Training.TrainingModule).Assembly, typeof(Khcn.Platform.PlatformModule).Assembly };

    [Theory]
    [MemberData(nameof(Modules))]
    public void Given_a_modules_endpoints_Then_each_depends_on_the_mediator_only(Assembly module)
    {
        var offenders = module.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IEndpoint).IsAssignableFrom(t))
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters())
                .Where(p => p.ParameterType != typeof(IMediator))
                .Select(p => $"{t.FullName}({p.ParameterType.Name})"))
            .ToList();
        EndpointCount(module).ShouldBeGreaterThan(0);
        offenders.ShouldBeEmpty();
    }

    private static int EndpointCount(Assembly module) => module.GetTypes().Count(t => !t.IsAbstract && typeof(IEndpoint).IsAssignableFrom(t));
}

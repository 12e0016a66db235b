using Khcn.IntegrationTests.Support;
using Xunit.Sdk;
using Xunit.v3;

[assembly: TestMethodOrderer(typeof(TestOrder))]

namespace Khcn.IntegrationTests.Support;

/// <summary>
/// The order of a class's tests (they share the class's <see cref="ApiFactory"/> and so its data): by name, the same
/// on every machine. xUnit's default order is stable for one build at one path but follows a hash of the assembly's
/// path, so a test that depended on another running before it passed in every local clone and failed in CI's (a split
/// of Khoái Châu in one test made another test's rename of the same unit a 409 there). With
/// <c>KHCN_TEST_ORDER_SEED=n</c> each class's tests run in an order shuffled by that seed instead: a run with a few
/// seeds finds the tests that still depend on one another.
/// </summary>
public sealed class TestOrder : ITestMethodOrderer
{
    public IReadOnlyCollection<TTestMethod?> OrderTestMethods<TTestMethod>(IReadOnlyCollection<TTestMethod?> testMethods)
        where TTestMethod : notnull, ITestMethod
    {
        var byName = testMethods.OrderBy(t => t?.MethodName, StringComparer.Ordinal).ToList();
        if (!int.TryParse(Environment.GetEnvironmentVariable("KHCN_TEST_ORDER_SEED"), out var seed) || byName.Count < 2) return byName;
        // string.GetHashCode differs per process: a hash of the class's name that does not.
        var random = new Random((byName[0]?.TestClass.TestClassName ?? "").Aggregate(seed, (h, c) => unchecked(h * 31 + c)));
        for (var i = byName.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (byName[i], byName[j]) = (byName[j], byName[i]);
        }
        return byName;
    }
}

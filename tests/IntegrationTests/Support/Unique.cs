namespace Khcn.IntegrationTests.Support;

/// <summary>
/// Numbers no other test of the run has drawn (decision and minutes numbers, room names): a random pick could repeat one
/// within a class's shared data, and a rule against reusing it (decision_number_taken, a room clash) then failed a test
/// once in a few hundred runs. Counted from 9001, above every number the demo data uses.
/// </summary>
public static class Unique
{
    private static int _next = 9000;

    public static int Next() => Interlocked.Increment(ref _next);
}

using System.Net;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Persistence;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Data;
using Khcn.Organization.Features.Units;
using Khcn.Training.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Messaging;

/// <summary>An instance whose outbox dispatch can be switched off, over a data folder another instance reopens.</summary>
public sealed class RestartableApi(string dataDir, bool dispatch) : ApiFactory
{
    public override string DataDir => dataDir;
    protected override bool DeleteDataOnDispose => false;
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outbox:Enabled"] = dispatch ? "true" : "false",
    };
}

public sealed class OutboxTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static Task<int> KnownInTrainingAsync(ApiFactory factory, Guid unitId) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<TrainingDbContext>().KnownUnits.CountAsync(u => u.Id == unitId));

    private static async Task<Guid> CreateUnitAsync(ApiFactory factory, string code)
    {
        var admin = await factory.LoginAsync(Users.Admin);
        var parent = await factory.InScopeAsync(sp => sp.GetRequiredService<OrganizationDbContext>().Units.Where(u => u.Code == "YENMY").Select(u => u.Id).SingleAsync());
        var response = await admin.PostJsonAsync(CreateUnit.Route, new { code, name = "CĐCS " + code, kind = "Grassroots", parentId = parent });
        return (await response.ReadAsync<UnitDetail>()).Id;
    }

    [ApiFact]
    public async Task Given_an_instance_stopped_after_saving_When_another_starts_Then_the_event_is_delivered_exactly_once()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "khcn-tests", Guid.NewGuid().ToString("N"));
        Guid unitId;
        await using (var stopped = new RestartableApi(dataDir, dispatch: false))
        {
            await stopped.InitializeAsync();
            unitId = await CreateUnitAsync(stopped, "YENMY-OUTBOX1");
            (await KnownInTrainingAsync(stopped, unitId)).ShouldBe(0, "nothing is dispatched while the dispatcher is down");
        }

        await using var restarted = new RestartableApi(dataDir, dispatch: true);
        await restarted.InitializeAsync();
        await Eventually.UntilAsync(async () => await KnownInTrainingAsync(restarted, unitId) == 1, because: "the pending event reaching Training");
        // The dispatcher marks a message processed after its consumer committed, so Training may know the unit a moment
        // before the message is marked (asserting it at once failed now and then): wait for the outbox to drain, then
        // count again.
        await Eventually.UntilAsync(async () => await restarted.InScopeAsync(sp =>
            sp.GetRequiredService<OrganizationDbContext>().OutboxMessages.CountAsync(m => m.ProcessedAtUtc == null)) == 0, because: "every pending event dispatched");

        (await KnownInTrainingAsync(restarted, unitId)).ShouldBe(1, "delivered exactly once");
        Directory.Delete(dataDir, recursive: true);
    }

    [ApiFact]
    public async Task Given_a_dispatch_interrupted_after_the_consumer_ran_When_the_event_is_delivered_again_Then_the_consumer_changes_nothing()
    {
        var unitId = await CreateUnitAsync(api, "YENMY-OUTBOX2");
        await Eventually.UntilAsync(async () => await KnownInTrainingAsync(api, unitId) == 1, because: "first delivery");

        // The crash: Training committed its work, but the dispatcher died before marking the message processed.
        var messageId = await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationDbContext>();
            // The unit's UnitCreated (its search document, published in the same save, names the unit too).
            var message = (await db.OutboxMessages.ToListAsync()).Single(m => m.Type.Contains("UnitCreated") && m.Payload.Contains(unitId.ToString()));
            await db.OutboxMessages.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAtUtc, (DateTime?)null).SetProperty(m => m.LockedUntilUtc, (DateTime?)null));
            return message.Id;
        });
        api.Services.GetRequiredService<OutboxSignal>().Notify(OrganizationDbContext.SchemaName);

        await Eventually.UntilAsync(() => api.InScopeAsync(sp =>
            sp.GetRequiredService<OrganizationDbContext>().OutboxMessages.AnyAsync(m => m.Id == messageId && m.ProcessedAtUtc != null && m.Attempts == 2)),
            because: "the redelivery");
        (await KnownInTrainingAsync(api, unitId)).ShouldBe(1);
        var inbox = await api.InScopeAsync(sp => sp.GetRequiredService<TrainingDbContext>().InboxMessages.CountAsync(i => i.MessageId == messageId));
        inbox.ShouldBe(1);
    }
}

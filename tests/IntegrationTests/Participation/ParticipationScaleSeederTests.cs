using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Text;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Initiatives;
using Khcn.Participation.Seeding;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// Participation's part of the scale dataset (`make seed-scale`), run with small counts on the demo hierarchy: the
/// initiatives and topics are added once, in mixed states that respect the domain, and the district officer pages
/// through theirs.
/// </summary>
public sealed class ParticipationScaleSeederTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly SeedOptions Options = new() { Demo = true, Scale = true, ScaleInitiatives = 400, ScaleTopics = 120 };

    private Task SeedAsync() => api.InScopeAsync(async sp =>
    {
        await sp.GetServices<IModuleSeeder>().OfType<ParticipationScaleSeeder>().Single().SeedAsync(Options, CancellationToken.None);
        return 0;
    });

    private Task<T> DbAsync<T>(Func<ParticipationDbContext, Task<T>> read) =>
        api.InScopeAsync(sp => read(sp.GetRequiredService<ParticipationDbContext>()));

    [ApiFact]
    public async Task Adds_initiatives_and_topics_once_in_mixed_states_and_the_district_officer_pages_them()
    {
        var (initiativesBefore, topicsBefore, callsBefore) = await DbAsync(async db =>
            (await db.Initiatives.CountAsync(), await db.ResearchTopics.CountAsync(), await db.ResearchCalls.CountAsync()));

        await SeedAsync();
        await SeedAsync(); // the second run finds both parts there and adds nothing

        var (initiatives, topics, calls) = await DbAsync(async db =>
            (await db.Initiatives.CountAsync(), await db.ResearchTopics.CountAsync(), await db.ResearchCalls.CountAsync()));
        initiatives.ShouldBe(initiativesBefore + Options.ScaleInitiatives);
        topics.ShouldBe(topicsBefore + Options.ScaleTopics);
        calls.ShouldBe(callsBefore + 6);

        var scale = await DbAsync(db => db.Initiatives.AsNoTracking().Include(i => i.Authors).Include(i => i.Conditions).AsSplitQuery()
            .Where(i => i.FiledByEmail!.EndsWith("@scale.demo")).ToListAsync());
        scale.Count.ShouldBe(Options.ScaleInitiatives);
        scale.Select(i => i.Status).Distinct().Order().ShouldBe([InitiativeStatus.Draft, InitiativeStatus.Submitted, InitiativeStatus.Recognised,
            InitiativeStatus.NotRecognised, InitiativeStatus.Withdrawn]);
        scale.ShouldAllBe(i => i.Authors.Sum(a => a.SharePercent) == 100m);
        foreach (var i in scale) // the folded search text, as the domain fills it
            i.SearchText.ShouldBe(VietnameseText.FoldAll([i.Title, i.Field, i.Problem, i.Solution, i.AppliedAt, .. i.Authors.OrderBy(a => a.Order).Select(a => a.FullName)]));
        var recognised = scale.Where(i => i.Status == InitiativeStatus.Recognised).ToList();
        recognised.ShouldAllBe(i => i.RuleSetCode != null && i.CertificateNumber != null && i.Conditions.Count == 4 && i.Conditions.All(c => c.Met));
        recognised.Count(i => i.YearlyBenefit > 0).ShouldBeGreaterThan(recognised.Count / 2);
        scale.Where(i => i.Status == InitiativeStatus.NotRecognised).ShouldAllBe(i => i.RefusalReasons != null && i.Conditions.Any(c => !c.Met));

        var topicStates = await DbAsync(db => db.ResearchTopics.AsNoTracking().Where(t => t.FiledBy == "Scale seed").Select(t => t.Status).Distinct().ToListAsync());
        topicStates.ShouldContain(TopicStatus.Draft);
        topicStates.ShouldContain(TopicStatus.Submitted);
        topicStates.ShouldContain(TopicStatus.NotSelected);
        topicStates.ShouldContain(TopicStatus.InProgress);
        topicStates.ShouldContain(TopicStatus.Applied);

        // The district officer reads every initiative of Văn Lâm's subtree (the demo's and the seeded), 20 to a page.
        var vanLam = await api.InScopeAsync(async sp =>
        {
            var mediator = sp.GetRequiredService<IMediator>();
            var unit = (await mediator.Send(new FindUnitByCode("VANLAM")))!;
            return (await mediator.Send(new GetSubtreeUnitIds(unit.Id))).Select(u => u.UnitId).ToList();
        });
        var expected = await DbAsync(db => db.Initiatives.CountAsync(i => vanLam.Contains(i.UnitId)));
        var seededThere = scale.Count(i => vanLam.Contains(i.UnitId));
        seededThere.ShouldBeGreaterThan(20);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var first = await (await officer.GetAsync($"{ListInitiatives.Route}?pageSize=20")).ReadAsync<PagedResult<InitiativeListItem>>();
        var second = await (await officer.GetAsync($"{ListInitiatives.Route}?page=2&pageSize=20")).ReadAsync<PagedResult<InitiativeListItem>>();
        first.Total.ShouldBe(expected);
        first.Items.Count.ShouldBe(20);
        second.Items.Count.ShouldBe(Math.Min(20, expected - 20));
        first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)).ShouldBeEmpty();
        first.Items.Concat(second.Items).ShouldAllBe(i => vanLam.Contains(i.UnitId));
    }
}

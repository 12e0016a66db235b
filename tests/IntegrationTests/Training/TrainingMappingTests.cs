using Khcn.Training.Features;
using Mapster;

namespace Khcn.IntegrationTests.Training;

public sealed class TrainingMappingTests
{
    [Fact]
    public void Given_Trainings_mapping_configuration_When_compiled_Then_every_mapping_and_projection_builds()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        new TrainingMapping().Register(config);
        config.Compile();
        config.CompileProjection();
    }
}

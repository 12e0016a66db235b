using Khcn.Training.Domain;
using Khcn.Training.Features.Partners;
using Mapster;

namespace Khcn.Training.Features;

/// <summary>
/// Training's Mapster configuration (ADR 0011): the read models that are plain mappings of an entity, projected in
/// queries with <c>ProjectToType</c>. Read models that join, count or compute stay hand-written in their area's Views.
/// </summary>
internal sealed class TrainingMapping : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Instructor, InstructorView>();
        config.NewConfig<PartnerMember, PartnerMemberView>().Map(d => d.AddedAt, s => s.AddedAtUtc);
    }
}

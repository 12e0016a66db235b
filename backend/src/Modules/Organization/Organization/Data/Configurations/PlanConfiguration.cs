using Khcn.BuildingBlocks.Files;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Organization.Data.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(100).IsRequired();
        b.Property(x => x.Title).HasMaxLength(500).IsRequired();
        b.Property(x => x.IssuerName).HasMaxLength(300).IsRequired();
        b.Property(x => x.Implements).HasMaxLength(500);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.SearchText).HasMaxLength(6000);
        b.HasIndex(x => new { x.UnitId, x.IssuedOn });
        b.HasOne<UnionUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Sections).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanSectionConfiguration : IEntityTypeConfiguration<PlanSection>
{
    public void Configure(EntityTypeBuilder<PlanSection> b)
    {
        b.ToTable("plan_sections");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(20).IsRequired();
        b.Property(x => x.Title).HasMaxLength(500).IsRequired();
        b.HasIndex(x => new { x.PlanId, x.Order });
        b.HasMany(x => x.Tasks).WithOne().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.ToTable("plan_tasks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(20).IsRequired();
        b.Property(x => x.Text).HasMaxLength(2000).IsRequired();
        b.Property(x => x.ResponsibleBoard).HasMaxLength(300);
        b.Property(x => x.Due).HasMaxLength(100);
        b.HasIndex(x => new { x.SectionId, x.Order });
    }
}

internal sealed class PlanIndicatorConfiguration : IEntityTypeConfiguration<PlanIndicator>
{
    public void Configure(EntityTypeBuilder<PlanIndicator> b)
    {
        b.ToTable("plan_indicators");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(20).IsRequired();
        b.Property(x => x.Name).HasMaxLength(500).IsRequired();
        b.Property(x => x.UnitOfMeasure).HasMaxLength(50).IsRequired();
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.Source).HasMaxLength(100);
        b.HasIndex(x => new { x.PlanId, x.Order });
    }
}

internal sealed class ImplementationPlanConfiguration : IEntityTypeConfiguration<ImplementationPlan>
{
    public void Configure(EntityTypeBuilder<ImplementationPlan> b)
    {
        b.ToTable("implementation_plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(500).IsRequired();
        b.Property(x => x.Number).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(2000);
        // One implementation plan per unit and parent plan: the compliance view joins on it.
        b.HasIndex(x => new { x.PlanId, x.UnitId }).IsUnique();
        b.HasIndex(x => x.UnitId);
        b.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UnionUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Revisions).WithOne().HasForeignKey(x => x.ImplementationPlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.ImplementationPlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImplementationPlanRevisionConfiguration : IEntityTypeConfiguration<ImplementationPlanRevision>
{
    public void Configure(EntityTypeBuilder<ImplementationPlanRevision> b)
    {
        b.ToTable("implementation_plan_revisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Number).HasMaxLength(100).IsRequired();
        b.Property(x => x.Title).HasMaxLength(500).IsRequired();
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.ChangedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.ImplementationPlanId, x.RevisionNo }).IsUnique();
    }
}

internal sealed class ImplementationPlanAttachmentConfiguration : IEntityTypeConfiguration<ImplementationPlanAttachment>
{
    public void Configure(EntityTypeBuilder<ImplementationPlanAttachment> b)
    {
        b.ToTable("implementation_plan_attachments");
        b.HasKey(x => x.Id);
        b.MapAttachment(x => x.File);
        b.Property(x => x.Text).HasMaxLength(AttachmentText.MaxChars);
    }
}

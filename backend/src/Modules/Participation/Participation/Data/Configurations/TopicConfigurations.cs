using Khcn.BuildingBlocks.Files;
using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Participation.Data.Configurations;

internal sealed class ResearchCallConfiguration : IEntityTypeConfiguration<ResearchCall>
{
    public void Configure(EntityTypeBuilder<ResearchCall> b)
    {
        b.ToTable("research_calls");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Field).HasMaxLength(200).IsRequired();
        b.Property(x => x.Themes).HasMaxLength(4000);
        b.Property(x => x.BudgetCeiling).HasPrecision(18, 2);
        b.Property(x => x.PassThreshold).HasPrecision(5, 2);
        b.Property(x => x.WeightPracticalSignificance).HasPrecision(5, 4);
        b.Property(x => x.WeightApplicability).HasPrecision(5, 4);
        b.Property(x => x.WeightExpectedEfficiency).HasPrecision(5, 4);
        b.Property(x => x.WeightFeasibility).HasPrecision(5, 4);
        b.Ignore(x => x.Weights);
        b.Property(x => x.PublishedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.UnitId, x.Year });
    }
}

internal sealed class ResearchTopicConfiguration : IEntityTypeConfiguration<ResearchTopic>
{
    public void Configure(EntityTypeBuilder<ResearchTopic> b)
    {
        b.ToTable("research_topics");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Field).HasMaxLength(200).IsRequired();
        b.Property(x => x.LeadName).HasMaxLength(200).IsRequired();
        b.Property(x => x.LeadEmail).HasMaxLength(256);
        b.Property(x => x.Objectives).HasMaxLength(4000).IsRequired();
        b.Property(x => x.ExpectedProducts).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.FiledBy).HasMaxLength(200);
        b.Property(x => x.SelectionScore).HasPrecision(6, 3);
        b.Property(x => x.AcceptanceScore).HasPrecision(6, 3);
        b.Property(x => x.Rating).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RuleSetCode).HasMaxLength(40);
        b.Property(x => x.DecisionNumber).HasMaxLength(50);
        b.Property(x => x.ContractNumber).HasMaxLength(50);
        b.Property(x => x.AppliedAt).HasMaxLength(500);
        b.Property(x => x.ApplicationResults).HasMaxLength(4000);
        b.Property(x => x.WithdrawalReason).HasMaxLength(2000);
        b.Property(x => x.CancellationReason).HasMaxLength(2000);
        b.Property(x => x.CancelledBy).HasMaxLength(200);
        b.Property(x => x.ClosingNote).HasMaxLength(2000);
        b.Property(x => x.ClosedBy).HasMaxLength(200);
        b.Property(x => x.SearchText).HasMaxLength(8000);
        b.Ignore(x => x.BudgetTotal);
        b.Ignore(x => x.People);
        b.Ignore(x => x.AllowedMoves);
        b.Ignore(x => x.MayBeCancelled);
        b.Ignore(x => x.MayBeClosed);
        b.Ignore(x => x.HasEnded);
        b.HasIndex(x => new { x.UnitId, x.Status });
        b.HasIndex(x => x.CallId);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.BudgetLines).WithOne().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Milestones).WithOne().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Extensions).WithOne().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TopicMemberConfiguration : IEntityTypeConfiguration<TopicMember>
{
    public void Configure(EntityTypeBuilder<TopicMember> b)
    {
        b.ToTable("research_topic_members");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FullName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Position).HasMaxLength(200);
    }
}

internal sealed class TopicBudgetLineConfiguration : IEntityTypeConfiguration<TopicBudgetLine>
{
    public void Configure(EntityTypeBuilder<TopicBudgetLine> b)
    {
        b.ToTable("research_topic_budget_lines");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Item).HasMaxLength(300).IsRequired();
        b.Property(x => x.Amount).HasPrecision(18, 2);
    }
}

internal sealed class TopicMilestoneConfiguration : IEntityTypeConfiguration<TopicMilestone>
{
    public void Configure(EntityTypeBuilder<TopicMilestone> b)
    {
        b.ToTable("research_topic_milestones");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Deliverable).HasMaxLength(1000);
        b.Property(x => x.Report).HasMaxLength(4000);
        b.HasIndex(x => new { x.DueDate, x.CompletedOn });
    }
}

internal sealed class TopicExtensionConfiguration : IEntityTypeConfiguration<TopicExtension>
{
    public void Configure(EntityTypeBuilder<TopicExtension> b)
    {
        b.ToTable("research_topic_extensions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.DecisionNote).HasMaxLength(2000);
    }
}

internal sealed class TopicStepConfiguration : IEntityTypeConfiguration<TopicStep>
{
    public void Configure(EntityTypeBuilder<TopicStep> b)
    {
        b.ToTable("research_topic_steps");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.By).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(1000);
    }
}

internal sealed class TopicAttachmentConfiguration : IEntityTypeConfiguration<TopicAttachment>
{
    public void Configure(EntityTypeBuilder<TopicAttachment> b)
    {
        b.ToTable("research_topic_attachments");
        b.HasKey(x => x.Id);
        b.MapAttachment(x => x.File);
        b.Property(x => x.Text).HasMaxLength(AttachmentText.MaxChars);
    }
}

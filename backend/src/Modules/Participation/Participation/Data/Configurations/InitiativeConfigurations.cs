using Khcn.BuildingBlocks.Files;
using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Participation.Data.Configurations;

internal sealed class InitiativeConfiguration : IEntityTypeConfiguration<Initiative>
{
    public void Configure(EntityTypeBuilder<Initiative> b)
    {
        b.ToTable("initiatives");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Field).HasMaxLength(200).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Problem).HasMaxLength(4000).IsRequired();
        b.Property(x => x.CurrentState).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Solution).HasMaxLength(8000).IsRequired();
        b.Property(x => x.AppliedAt).HasMaxLength(500).IsRequired();
        b.Property(x => x.YearlyBenefit).HasPrecision(18, 2);
        b.Property(x => x.SocialBenefit).HasMaxLength(4000);
        b.Property(x => x.FirstApplicationParticipants).HasMaxLength(2000);
        b.Property(x => x.FiledByEmail).HasMaxLength(256);
        b.Property(x => x.FiledByName).HasMaxLength(200);
        b.Property(x => x.CertificateNumber).HasMaxLength(50);
        b.Property(x => x.RefusalReasons).HasMaxLength(4000);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.WithdrawalReason).HasMaxLength(2000);
        b.Property(x => x.RuleSetCode).HasMaxLength(40);
        b.Property(x => x.RuleAuthorRate).HasPrecision(9, 6);
        b.Property(x => x.RuleOrganiserRate).HasPrecision(9, 6);
        b.Property(x => x.RuleLegalBasis).HasMaxLength(500);
        b.Property(x => x.SearchText).HasMaxLength(8000);
        b.Ignore(x => x.RecordedRules);
        b.Ignore(x => x.UnmetConditions);
        b.Ignore(x => x.AllowedMoves);
        b.HasIndex(x => new { x.UnitId, x.Status });
        // A page of a district's list, newest first (issue #12): the scope, the order and the page's ids read from the
        // index alone, then only the page's rows (ListInitiatives); sorting the wide rows read every one in scope.
        b.HasIndex(x => new { x.UnitId, x.CreatedAtUtc, x.Id });
        b.HasIndex(x => x.FiledByUserId);
        // The indicator figures of a year (InnovationFigures, issue #15): read from these alone, not from the wide rows
        // (an initiative's texts run to thousands of characters; the province's 20,000 are ~27 MB to scan per query).
        b.HasIndex(x => new { x.Status, x.DecisionDate, x.UnitId, x.YearlyBenefit });
        b.HasIndex(x => new { x.SubmittedAtUtc, x.Status, x.UnitId });
        b.HasMany(x => x.Authors).WithOne().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Conditions).WithOne().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.InitiativeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InitiativeAttachmentConfiguration : IEntityTypeConfiguration<InitiativeAttachment>
{
    public void Configure(EntityTypeBuilder<InitiativeAttachment> b)
    {
        b.ToTable("initiative_attachments");
        b.HasKey(x => x.Id);
        b.MapAttachment(x => x.File);
        b.Property(x => x.Text).HasMaxLength(AttachmentText.MaxChars);
    }
}

internal sealed class InitiativeAuthorConfiguration : IEntityTypeConfiguration<InitiativeAuthor>
{
    public void Configure(EntityTypeBuilder<InitiativeAuthor> b)
    {
        b.ToTable("initiative_authors");
        b.HasKey(x => x.Id);
        // Set by the domain: a new author reached through the initiative is an insert, never an update.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FullName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Position).HasMaxLength(200);
        b.Property(x => x.SharePercent).HasPrecision(5, 2);
        b.HasIndex(x => x.Email);
    }
}

internal sealed class ConditionCheckConfiguration : IEntityTypeConfiguration<ConditionCheck>
{
    public void Configure(EntityTypeBuilder<ConditionCheck> b)
    {
        b.ToTable("initiative_condition_checks");
        b.HasKey(x => new { x.InitiativeId, x.Condition });
        b.Property(x => x.Condition).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
    }
}

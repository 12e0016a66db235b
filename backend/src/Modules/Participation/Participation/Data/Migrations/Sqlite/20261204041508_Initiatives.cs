using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initiatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "initiatives",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Problem = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CurrentState = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Solution = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    AppliedAt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AppliedSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TrialApplication = table.Column<bool>(type: "INTEGER", nullable: false),
                    YearlyBenefit = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    SocialBenefit = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FirstApplicationParticipants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NoveltyDeclared = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FiledByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FiledByEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FiledByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RefusalReasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RuleSetCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RuleSetEffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RuleAuthorRate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    RuleOrganiserRate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 6, nullable: true),
                    RuleYears = table.Column<int>(type: "INTEGER", nullable: true),
                    RuleLegalBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_initiatives", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "initiative_authors",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SharePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_initiative_authors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_initiative_authors_initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalSchema: "participation",
                        principalTable: "initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "initiative_condition_checks",
                schema: "participation",
                columns: table => new
                {
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Condition = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Met = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_initiative_condition_checks", x => new { x.InitiativeId, x.Condition });
                    table.ForeignKey(
                        name: "FK_initiative_condition_checks_initiatives_InitiativeId",
                        column: x => x.InitiativeId,
                        principalSchema: "participation",
                        principalTable: "initiatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_initiative_authors_Email",
                schema: "participation",
                table: "initiative_authors",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_initiative_authors_InitiativeId",
                schema: "participation",
                table: "initiative_authors",
                column: "InitiativeId");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_FiledByUserId",
                schema: "participation",
                table: "initiatives",
                column: "FiledByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_UnitId_Status",
                schema: "participation",
                table: "initiatives",
                columns: new[] { "UnitId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "initiative_authors",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "initiative_condition_checks",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "initiatives",
                schema: "participation");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Commendations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commendation_proposals",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FormCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Achievements = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProposedByEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RuleSetCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DecidingUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RefusalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PrizeTotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commendation_proposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "commendation_nominees",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OfficialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NomineeUnitId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    InitiativeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InitiativeTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Prize = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commendation_nominees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_commendation_nominees_commendation_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalSchema: "participation",
                        principalTable: "commendation_proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "commendation_checks",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NomineeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commendation_checks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_commendation_checks_commendation_nominees_NomineeId",
                        column: x => x.NomineeId,
                        principalSchema: "participation",
                        principalTable: "commendation_nominees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_commendation_checks_NomineeId",
                schema: "participation",
                table: "commendation_checks",
                column: "NomineeId");

            migrationBuilder.CreateIndex(
                name: "IX_commendation_nominees_Email",
                schema: "participation",
                table: "commendation_nominees",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_commendation_nominees_NomineeUnitId",
                schema: "participation",
                table: "commendation_nominees",
                column: "NomineeUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_commendation_nominees_OfficialId",
                schema: "participation",
                table: "commendation_nominees",
                column: "OfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_commendation_nominees_ProposalId",
                schema: "participation",
                table: "commendation_nominees",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_commendation_proposals_DecidingUnitId_DecisionNumber",
                schema: "participation",
                table: "commendation_proposals",
                columns: new[] { "DecidingUnitId", "DecisionNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_commendation_proposals_UnitId_Year_FormCode",
                schema: "participation",
                table: "commendation_proposals",
                columns: new[] { "UnitId", "Year", "FormCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commendation_checks",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "commendation_nominees",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "commendation_proposals",
                schema: "participation");
        }
    }
}

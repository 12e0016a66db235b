using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvaluationCouncils : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "councils",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ItemKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitHeadOfficialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitHeadName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FormedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FormedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_councils", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "council_conflicts",
                schema: "participation",
                columns: table => new
                {
                    CouncilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CouncilItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DeclaredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_conflicts", x => new { x.CouncilId, x.MemberId, x.CouncilItemId });
                    table.ForeignKey(
                        name: "FK_council_conflicts_councils_CouncilId",
                        column: x => x.CouncilId,
                        principalSchema: "participation",
                        principalTable: "councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "council_items",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CouncilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Votes = table.Column<int>(type: "INTEGER", nullable: true),
                    Agree = table.Column<int>(type: "INTEGER", nullable: true),
                    Needed = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_council_items_councils_CouncilId",
                        column: x => x.CouncilId,
                        principalSchema: "participation",
                        principalTable: "councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "council_members",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CouncilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_council_members_councils_CouncilId",
                        column: x => x.CouncilId,
                        principalSchema: "participation",
                        principalTable: "councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "council_scores",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CouncilId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CouncilItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Agree = table.Column<bool>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_council_scores_councils_CouncilId",
                        column: x => x.CouncilId,
                        principalSchema: "participation",
                        principalTable: "councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "council_findings",
                schema: "participation",
                columns: table => new
                {
                    ScoreId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Criterion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Met = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_council_findings", x => new { x.ScoreId, x.Criterion });
                    table.ForeignKey(
                        name: "FK_council_findings_council_scores_ScoreId",
                        column: x => x.ScoreId,
                        principalSchema: "participation",
                        principalTable: "council_scores",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_council_items_CouncilId_ItemId",
                schema: "participation",
                table: "council_items",
                columns: new[] { "CouncilId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_council_items_Kind_ItemId",
                schema: "participation",
                table: "council_items",
                columns: new[] { "Kind", "ItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_council_members_CouncilId_OfficialId",
                schema: "participation",
                table: "council_members",
                columns: new[] { "CouncilId", "OfficialId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_council_members_Email",
                schema: "participation",
                table: "council_members",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_council_scores_CouncilId",
                schema: "participation",
                table: "council_scores",
                column: "CouncilId");

            migrationBuilder.CreateIndex(
                name: "IX_council_scores_CouncilItemId_MemberId",
                schema: "participation",
                table: "council_scores",
                columns: new[] { "CouncilItemId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_councils_UnitId_Status",
                schema: "participation",
                table: "councils",
                columns: new[] { "UnitId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "council_conflicts",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "council_findings",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "council_items",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "council_members",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "council_scores",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "councils",
                schema: "participation");
        }
    }
}

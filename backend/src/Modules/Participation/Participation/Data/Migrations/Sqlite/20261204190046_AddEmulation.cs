using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddEmulation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "emulation_clusters",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LeadingUnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emulation_clusters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "emulation_movements",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FromYear = table.Column<int>(type: "INTEGER", nullable: false),
                    ToYear = table.Column<int>(type: "INTEGER", nullable: true),
                    PeriodFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegistrationDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LaunchedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emulation_movements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "emulation_registrations",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MovementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    Targets = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AimedTitles = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SelfScoredAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Total = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emulation_registrations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "emulation_cluster_members",
                schema: "participation",
                columns: table => new
                {
                    ClusterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emulation_cluster_members", x => new { x.ClusterId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_emulation_cluster_members_emulation_clusters_ClusterId",
                        column: x => x.ClusterId,
                        principalSchema: "participation",
                        principalTable: "emulation_clusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "emulation_closed_years",
                schema: "participation",
                columns: table => new
                {
                    MovementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emulation_closed_years", x => new { x.MovementId, x.Year });
                    table.ForeignKey(
                        name: "FK_emulation_closed_years_emulation_movements_MovementId",
                        column: x => x.MovementId,
                        principalSchema: "participation",
                        principalTable: "emulation_movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "emulation_criteria",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MovementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    MaxPoints = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emulation_criteria", x => x.Id);
                    table.ForeignKey(
                        name: "FK_emulation_criteria_emulation_movements_MovementId",
                        column: x => x.MovementId,
                        principalSchema: "participation",
                        principalTable: "emulation_movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "emulation_movement_units",
                schema: "participation",
                columns: table => new
                {
                    MovementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emulation_movement_units", x => new { x.MovementId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_emulation_movement_units_emulation_movements_MovementId",
                        column: x => x.MovementId,
                        principalSchema: "participation",
                        principalTable: "emulation_movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "emulation_registered_people",
                schema: "participation",
                columns: table => new
                {
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AimedTitle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emulation_registered_people", x => new { x.RegistrationId, x.OfficialId });
                    table.ForeignKey(
                        name: "FK_emulation_registered_people_emulation_registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalSchema: "participation",
                        principalTable: "emulation_registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "emulation_score_evidence",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriterionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Label = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emulation_score_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_emulation_score_evidence_emulation_registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalSchema: "participation",
                        principalTable: "emulation_registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "emulation_scores",
                schema: "participation",
                columns: table => new
                {
                    RegistrationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CriterionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SelfPoints = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false),
                    SelfNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewedPoints = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: true),
                    ReviewComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_emulation_scores", x => new { x.RegistrationId, x.CriterionId });
                    table.ForeignKey(
                        name: "FK_emulation_scores_emulation_registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalSchema: "participation",
                        principalTable: "emulation_registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_emulation_cluster_members_Year_UnitId",
                schema: "participation",
                table: "emulation_cluster_members",
                columns: new[] { "Year", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_emulation_clusters_Year_UnitId",
                schema: "participation",
                table: "emulation_clusters",
                columns: new[] { "Year", "UnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_emulation_criteria_MovementId",
                schema: "participation",
                table: "emulation_criteria",
                column: "MovementId");

            migrationBuilder.CreateIndex(
                name: "IX_emulation_movements_UnitId",
                schema: "participation",
                table: "emulation_movements",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_emulation_registered_people_OfficialId",
                schema: "participation",
                table: "emulation_registered_people",
                column: "OfficialId");

            migrationBuilder.CreateIndex(
                name: "IX_emulation_registrations_MovementId_Year_UnitId",
                schema: "participation",
                table: "emulation_registrations",
                columns: new[] { "MovementId", "Year", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_emulation_score_evidence_RecordId",
                schema: "participation",
                table: "emulation_score_evidence",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_emulation_score_evidence_RegistrationId",
                schema: "participation",
                table: "emulation_score_evidence",
                column: "RegistrationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "emulation_closed_years",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "emulation_cluster_members",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "emulation_criteria",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "emulation_movement_units",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "emulation_registered_people",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "emulation_score_evidence",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "emulation_scores",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "emulation_clusters",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "emulation_movements",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "emulation_registrations",
                schema: "participation");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResearchTopics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "AverageScore",
                schema: "participation",
                table: "council_items",
                type: "TEXT",
                precision: 6,
                scale: 3,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Points",
                schema: "participation",
                table: "council_findings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "research_calls",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Themes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    BudgetCeiling = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    PassThreshold = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_research_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "research_topics",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CallId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LeadOfficialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LeadEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Objectives = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ExpectedProducts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DurationMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SelectionScore = table.Column<decimal>(type: "TEXT", precision: 6, scale: 3, nullable: true),
                    AcceptanceScore = table.Column<decimal>(type: "TEXT", precision: 6, scale: 3, nullable: true),
                    Rating = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    RuleSetCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContractNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ContractDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AppliedAt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AppliedSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApplicationResults = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    WithdrawalReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_research_topics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "research_topic_attachments",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_research_topic_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_research_topic_attachments_research_topics_TopicId",
                        column: x => x.TopicId,
                        principalSchema: "participation",
                        principalTable: "research_topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "research_topic_budget_lines",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_research_topic_budget_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_research_topic_budget_lines_research_topics_TopicId",
                        column: x => x.TopicId,
                        principalSchema: "participation",
                        principalTable: "research_topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "research_topic_extensions",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MilestoneId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PreviousDueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NewDueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_research_topic_extensions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_research_topic_extensions_research_topics_TopicId",
                        column: x => x.TopicId,
                        principalSchema: "participation",
                        principalTable: "research_topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "research_topic_members",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficialId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FullName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Position = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_research_topic_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_research_topic_members_research_topics_TopicId",
                        column: x => x.TopicId,
                        principalSchema: "participation",
                        principalTable: "research_topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "research_topic_milestones",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Deliverable = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OriginalDueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Report = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_research_topic_milestones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_research_topic_milestones_research_topics_TopicId",
                        column: x => x.TopicId,
                        principalSchema: "participation",
                        principalTable: "research_topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "research_topic_steps",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TopicId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_research_topic_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_research_topic_steps_research_topics_TopicId",
                        column: x => x.TopicId,
                        principalSchema: "participation",
                        principalTable: "research_topics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_research_calls_UnitId_Year",
                schema: "participation",
                table: "research_calls",
                columns: new[] { "UnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_research_topic_attachments_TopicId",
                schema: "participation",
                table: "research_topic_attachments",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_research_topic_budget_lines_TopicId",
                schema: "participation",
                table: "research_topic_budget_lines",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_research_topic_extensions_TopicId",
                schema: "participation",
                table: "research_topic_extensions",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_research_topic_members_TopicId",
                schema: "participation",
                table: "research_topic_members",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_research_topic_milestones_DueDate_CompletedOn",
                schema: "participation",
                table: "research_topic_milestones",
                columns: new[] { "DueDate", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_research_topic_milestones_TopicId",
                schema: "participation",
                table: "research_topic_milestones",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_research_topic_steps_TopicId",
                schema: "participation",
                table: "research_topic_steps",
                column: "TopicId");

            migrationBuilder.CreateIndex(
                name: "IX_research_topics_CallId",
                schema: "participation",
                table: "research_topics",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_research_topics_UnitId_Status",
                schema: "participation",
                table: "research_topics",
                columns: new[] { "UnitId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "research_calls",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "research_topic_attachments",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "research_topic_budget_lines",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "research_topic_extensions",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "research_topic_members",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "research_topic_milestones",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "research_topic_steps",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "research_topics",
                schema: "participation");

            migrationBuilder.DropColumn(
                name: "AverageScore",
                schema: "participation",
                table: "council_items");

            migrationBuilder.DropColumn(
                name: "Points",
                schema: "participation",
                table: "council_findings");
        }
    }
}

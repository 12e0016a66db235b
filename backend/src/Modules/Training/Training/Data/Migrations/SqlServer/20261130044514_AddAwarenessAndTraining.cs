using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Training.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddAwarenessAndTraining : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "calendar_tokens",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Salt = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RotatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calendar_tokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Goal = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Channels = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Audiences = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AudienceNote = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    SearchText = table.Column<string>(type: "nvarchar(max)", maxLength: 5000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "partner_agencies",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgreementFileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: true),
                    AgreementContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    AgreementFileSize = table.Column<long>(type: "bigint", nullable: true),
                    AgreementStorageKey = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    AgreementUploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ContactName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ContactPhone = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    AgreementNumber = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    AgreementSignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AgreementValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    SearchText = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_agencies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "campaign_materials",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_materials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_campaign_materials_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalSchema: "training",
                        principalTable: "campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_participants",
                schema: "training",
                columns: table => new
                {
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_participants", x => new { x.CampaignId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_campaign_participants_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalSchema: "training",
                        principalTable: "campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_reach_reports",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CampaignId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Period = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Quarter = table.Column<int>(type: "int", nullable: false),
                    EventsHeld = table.Column<int>(type: "int", nullable: false),
                    PeopleReached = table.Column<int>(type: "int", nullable: false),
                    WomenReached = table.Column<int>(type: "int", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ReportedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_reach_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_campaign_reach_reports_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalSchema: "training",
                        principalTable: "campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "courses",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestingUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Audience = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    Capacity = table.Column<int>(type: "int", nullable: false),
                    EnrolmentOpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EnrolmentClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Venue = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Fee = table.Column<decimal>(type: "decimal(18,0)", precision: 18, scale: 0, nullable: false),
                    FeePaidBy = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    FundingReference = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    MinAttendancePercent = table.Column<int>(type: "int", nullable: false),
                    AssessmentRequired = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    CancellationReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SearchText = table.Column<string>(type: "nvarchar(1500)", maxLength: 1500, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_courses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_courses_partner_agencies_PartnerId",
                        column: x => x.PartnerId,
                        principalSchema: "training",
                        principalTable: "partner_agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "instructors",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FullName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Expertise = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_instructors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_instructors_partner_agencies_PartnerId",
                        column: x => x.PartnerId,
                        principalSchema: "training",
                        principalTable: "partner_agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "partner_members",
                schema: "training",
                columns: table => new
                {
                    PartnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FullName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_partner_members", x => new { x.PartnerId, x.UserId });
                    table.ForeignKey(
                        name: "FK_partner_members_partner_agencies_PartnerId",
                        column: x => x.PartnerId,
                        principalSchema: "training",
                        principalTable: "partner_agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "course_steps",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CourseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    From = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    To = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    ActorUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ActorName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_course_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_course_steps_courses_CourseId",
                        column: x => x.CourseId,
                        principalSchema: "training",
                        principalTable: "courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "enrolments",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CourseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OfficialId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OfficialName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    OfficialEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    OfficialPosition = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    QueueNumber = table.Column<long>(type: "bigint", nullable: false),
                    NominatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    NominatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ClashOverrideReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    AssessmentPassed = table.Column<bool>(type: "bit", nullable: true),
                    Result = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_enrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_enrolments_courses_CourseId",
                        column: x => x.CourseId,
                        principalSchema: "training",
                        principalTable: "courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CourseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Topic = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Room = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    InstructorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sessions_courses_CourseId",
                        column: x => x.CourseId,
                        principalSchema: "training",
                        principalTable: "courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_sessions_instructors_InstructorId",
                        column: x => x.InstructorId,
                        principalSchema: "training",
                        principalTable: "instructors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                schema: "training",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EnrolmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CourseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    VerificationCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    HolderName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CourseTitle = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    PartnerName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevocationReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_certificates_enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalSchema: "training",
                        principalTable: "enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "attendance",
                schema: "training",
                columns: table => new
                {
                    EnrolmentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SessionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Mark = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attendance", x => new { x.EnrolmentId, x.SessionId });
                    table.ForeignKey(
                        name: "FK_attendance_enrolments_EnrolmentId",
                        column: x => x.EnrolmentId,
                        principalSchema: "training",
                        principalTable: "enrolments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_attendance_sessions_SessionId",
                        column: x => x.SessionId,
                        principalSchema: "training",
                        principalTable: "sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attendance_SessionId",
                schema: "training",
                table: "attendance",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_calendar_tokens_TokenHash",
                schema: "training",
                table: "calendar_tokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calendar_tokens_UserId",
                schema: "training",
                table: "calendar_tokens",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_campaign_materials_CampaignId",
                schema: "training",
                table: "campaign_materials",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_campaign_participants_UnitId",
                schema: "training",
                table: "campaign_participants",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_campaign_reach_reports_CampaignId_UnitId_Period",
                schema: "training",
                table: "campaign_reach_reports",
                columns: new[] { "CampaignId", "UnitId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_campaign_reach_reports_UnitId_Year",
                schema: "training",
                table: "campaign_reach_reports",
                columns: new[] { "UnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_StartsOn_EndsOn",
                schema: "training",
                table: "campaigns",
                columns: new[] { "StartsOn", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_UnitId",
                schema: "training",
                table: "campaigns",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_EnrolmentId",
                schema: "training",
                table: "certificates",
                column: "EnrolmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Number",
                schema: "training",
                table: "certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_VerificationCode",
                schema: "training",
                table: "certificates",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_course_steps_CourseId",
                schema: "training",
                table: "course_steps",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_courses_Code",
                schema: "training",
                table: "courses",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_courses_PartnerId_Status",
                schema: "training",
                table: "courses",
                columns: new[] { "PartnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_courses_RequestingUnitId",
                schema: "training",
                table: "courses",
                column: "RequestingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_enrolments_CourseId_QueueNumber",
                schema: "training",
                table: "enrolments",
                columns: new[] { "CourseId", "QueueNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_enrolments_CourseId_Status_QueueNumber",
                schema: "training",
                table: "enrolments",
                columns: new[] { "CourseId", "Status", "QueueNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_enrolments_OfficialId_Status",
                schema: "training",
                table: "enrolments",
                columns: new[] { "OfficialId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_enrolments_UnitId",
                schema: "training",
                table: "enrolments",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_instructors_PartnerId",
                schema: "training",
                table: "instructors",
                column: "PartnerId");

            migrationBuilder.CreateIndex(
                name: "IX_partner_agencies_Name",
                schema: "training",
                table: "partner_agencies",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_partner_members_UserId",
                schema: "training",
                table: "partner_members",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sessions_CourseId_StartsAtUtc",
                schema: "training",
                table: "sessions",
                columns: new[] { "CourseId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_sessions_InstructorId",
                schema: "training",
                table: "sessions",
                column: "InstructorId");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_PartnerId_StartsAtUtc",
                schema: "training",
                table: "sessions",
                columns: new[] { "PartnerId", "StartsAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attendance",
                schema: "training");

            migrationBuilder.DropTable(
                name: "calendar_tokens",
                schema: "training");

            migrationBuilder.DropTable(
                name: "campaign_materials",
                schema: "training");

            migrationBuilder.DropTable(
                name: "campaign_participants",
                schema: "training");

            migrationBuilder.DropTable(
                name: "campaign_reach_reports",
                schema: "training");

            migrationBuilder.DropTable(
                name: "certificates",
                schema: "training");

            migrationBuilder.DropTable(
                name: "course_steps",
                schema: "training");

            migrationBuilder.DropTable(
                name: "partner_members",
                schema: "training");

            migrationBuilder.DropTable(
                name: "sessions",
                schema: "training");

            migrationBuilder.DropTable(
                name: "campaigns",
                schema: "training");

            migrationBuilder.DropTable(
                name: "enrolments",
                schema: "training");

            migrationBuilder.DropTable(
                name: "instructors",
                schema: "training");

            migrationBuilder.DropTable(
                name: "courses",
                schema: "training");

            migrationBuilder.DropTable(
                name: "partner_agencies",
                schema: "training");
        }
    }
}

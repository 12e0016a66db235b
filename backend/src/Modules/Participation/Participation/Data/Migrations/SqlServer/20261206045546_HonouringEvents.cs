using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Participation.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class HonouringEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "honouring_events",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Venue = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    IssuingUnitName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_honouring_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "honour_certificates",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    VerificationCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ProposalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    NomineeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    OfficialId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    NomineeUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    HolderName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: true),
                    FormCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FormName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    DecisionNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuingUnitName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RevocationReason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    RevokedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_honour_certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_honour_certificates_honouring_events_EventId",
                        column: x => x.EventId,
                        principalSchema: "participation",
                        principalTable: "honouring_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "honoured_decisions",
                schema: "participation",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FormCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FormName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    DecisionNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_honoured_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_honoured_decisions_honouring_events_EventId",
                        column: x => x.EventId,
                        principalSchema: "participation",
                        principalTable: "honouring_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_honour_certificates_Email",
                schema: "participation",
                table: "honour_certificates",
                column: "Email");

            migrationBuilder.CreateIndex(
                name: "IX_honour_certificates_EventId",
                schema: "participation",
                table: "honour_certificates",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_honour_certificates_VerificationCode",
                schema: "participation",
                table: "honour_certificates",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_honoured_decisions_EventId",
                schema: "participation",
                table: "honoured_decisions",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_honoured_decisions_ProposalId",
                schema: "participation",
                table: "honoured_decisions",
                column: "ProposalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_honouring_events_UnitId_HeldOn",
                schema: "participation",
                table: "honouring_events",
                columns: new[] { "UnitId", "HeldOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "honour_certificates",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "honoured_decisions",
                schema: "participation");

            migrationBuilder.DropTable(
                name: "honouring_events",
                schema: "participation");
        }
    }
}

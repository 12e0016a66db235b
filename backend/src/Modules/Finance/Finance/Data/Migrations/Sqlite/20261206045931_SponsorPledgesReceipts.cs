using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Finance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SponsorPledgesReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sponsor_pledges",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false),
                    PledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TransactionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sponsor_pledges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sponsor_receipts",
                schema: "finance",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 0, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VoucherNumber = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TransactionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReversesReceiptId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sponsor_receipts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sponsor_pledges_SourceId",
                schema: "finance",
                table: "sponsor_pledges",
                column: "SourceId");

            migrationBuilder.CreateIndex(
                name: "IX_sponsor_receipts_ReversesReceiptId",
                schema: "finance",
                table: "sponsor_receipts",
                column: "ReversesReceiptId",
                unique: true,
                filter: "[ReversesReceiptId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_sponsor_receipts_SourceId",
                schema: "finance",
                table: "sponsor_receipts",
                column: "SourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sponsor_pledges",
                schema: "finance");

            migrationBuilder.DropTable(
                name: "sponsor_receipts",
                schema: "finance");
        }
    }
}

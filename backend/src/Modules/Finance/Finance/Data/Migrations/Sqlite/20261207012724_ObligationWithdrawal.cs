using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Finance.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ObligationWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The obligations recorded so far are all still owed: Open.
            migrationBuilder.AddColumn<string>(
                name: "State",
                schema: "finance",
                table: "obligations",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Open");

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                schema: "finance",
                table: "obligations",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WithdrawnOn",
                schema: "finance",
                table: "obligations",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "State",
                schema: "finance",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                schema: "finance",
                table: "obligations");

            migrationBuilder.DropColumn(
                name: "WithdrawnOn",
                schema: "finance",
                table: "obligations");
        }
    }
}

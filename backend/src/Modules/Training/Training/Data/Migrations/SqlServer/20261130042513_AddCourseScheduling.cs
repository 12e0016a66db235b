using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Khcn.Training.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddCourseScheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AgreementContentType",
                schema: "training",
                table: "partner_agencies",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementFileName",
                schema: "training",
                table: "partner_agencies",
                type: "nvarchar(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AgreementFileSize",
                schema: "training",
                table: "partner_agencies",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgreementStorageKey",
                schema: "training",
                table: "partner_agencies",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AgreementUploadedAtUtc",
                schema: "training",
                table: "partner_agencies",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AgreementContentType",
                schema: "training",
                table: "partner_agencies");

            migrationBuilder.DropColumn(
                name: "AgreementFileName",
                schema: "training",
                table: "partner_agencies");

            migrationBuilder.DropColumn(
                name: "AgreementFileSize",
                schema: "training",
                table: "partner_agencies");

            migrationBuilder.DropColumn(
                name: "AgreementStorageKey",
                schema: "training",
                table: "partner_agencies");

            migrationBuilder.DropColumn(
                name: "AgreementUploadedAtUtc",
                schema: "training",
                table: "partner_agencies");
        }
    }
}

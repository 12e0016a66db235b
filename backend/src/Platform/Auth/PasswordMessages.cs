using Khcn.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Identity;

namespace Khcn.Platform.Auth;

/// <summary>The password rules' messages in the caller's language (ADR 0009); English stays ASP.NET Identity's own.</summary>
internal sealed class PasswordMessages : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        Vi(base.PasswordTooShort(length), $"Mật khẩu phải có ít nhất {length} ký tự.");

    public override IdentityError PasswordRequiresDigit() => Vi(base.PasswordRequiresDigit(), "Mật khẩu phải có ít nhất một chữ số (0-9).");

    public override IdentityError PasswordRequiresLower() => Vi(base.PasswordRequiresLower(), "Mật khẩu phải có ít nhất một chữ thường (a-z).");

    public override IdentityError PasswordRequiresUpper() => Vi(base.PasswordRequiresUpper(), "Mật khẩu phải có ít nhất một chữ hoa (A-Z).");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Vi(base.PasswordRequiresNonAlphanumeric(), "Mật khẩu phải có ít nhất một ký tự đặc biệt (không phải chữ hoặc số).");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Vi(base.PasswordRequiresUniqueChars(uniqueChars), $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau.");

    private static IdentityError Vi(IdentityError english, string vietnamese) =>
        new() { Code = english.Code, Description = Localized.Text(english.Description, vietnamese) };
}

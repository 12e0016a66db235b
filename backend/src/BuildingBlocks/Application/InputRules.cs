using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Khcn.BuildingBlocks.Domain;

namespace Khcn.BuildingBlocks.Application;

/// <summary>
/// The rules every request obeys, whatever its validator says, checked before the validators run:
/// <list type="bullet">
/// <item>a value the C# type declares non-nullable (a list, a nested object, a string) is present — JSON <c>null</c>,
/// or a missing member without a default, is a 400 naming the field instead of a 500 in the code that trusts it;</item>
/// <item>no text carries control characters (NUL, C0/C1 other than tab and line breaks) or bidirectional overrides
/// and isolates (RLO…), which make a name display other than it reads, and no text is made only of invisible
/// characters (zero-width spaces).</item>
/// </list>
/// The walk follows nested objects and list items of the message's own (Khcn.*) types.
/// </summary>
public static class InputRules
{
    public sealed record Failure(string Path, string Message);

    private sealed record Member(PropertyInfo Property, string JsonName, NullabilityInfo Nullability);

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    public static string MissingMessage(string field) =>
        Localized.Text($"'{field}' must not be empty.", "Không được để trống.");

    public static string HiddenCharactersMessage =>
        Localized.Text("Must not contain control characters or hidden direction marks.", "Không được chứa ký tự điều khiển hoặc ký tự đổi chiều văn bản ẩn.");

    public static string InvisibleOnlyMessage =>
        Localized.Text("Must contain visible characters.", "Phải có ký tự nhìn thấy được.");

    /// <summary>Null where the type says never (<paramref name="nulls"/>) and unsafe text (<paramref name="text"/>).</summary>
    public static void Check(object message, List<Failure> nulls, List<Failure> text) =>
        Walk(message, "", nulls, text, depth: 0);

    /// <summary>Why <paramref name="value"/> is unsafe text, or null when it is fine.</summary>
    public static string? TextProblem(string value)
    {
        var visible = false;
        var invisible = false;
        foreach (var c in value)
        {
            if (c is '\t' or '\n' or '\r') continue;
            if (char.IsControl(c) || IsDirectionOverride(c)) return HiddenCharactersMessage;
            if (char.IsWhiteSpace(c)) continue;
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) invisible = true;
            else visible = true;
        }
        return invisible && !visible ? InvisibleOnlyMessage : null;
    }

    /// <summary>Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the Arabic letter mark.</summary>
    private static bool IsDirectionOverride(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u061C';

    private static void Walk(object value, string prefix, List<Failure> nulls, List<Failure> text, int depth)
    {
        if (depth > 8) return;
        foreach (var member in MembersOf(value.GetType()))
        {
            var path = prefix.Length == 0 ? member.JsonName : $"{prefix}.{member.JsonName}";
            object? v;
            try { v = member.Property.GetValue(value); }
            catch (TargetInvocationException) { continue; }
            if (v is null)
            {
                if (member.Nullability.ReadState == NullabilityState.NotNull) nulls.Add(new Failure(path, MissingMessage(path)));
                continue;
            }
            Inspect(v, member.Nullability, path, nulls, text, depth);
        }
    }

    private static void Inspect(object v, NullabilityInfo nullability, string path, List<Failure> nulls, List<Failure> text, int depth)
    {
        switch (v)
        {
            case string s:
                if (TextProblem(s) is { } problem) text.Add(new Failure(path, problem));
                break;
            case IDictionary dictionary:
                var valueInfo = nullability.GenericTypeArguments.Length == 2 ? nullability.GenericTypeArguments[1] : null;
                foreach (DictionaryEntry entry in dictionary)
                {
                    var itemPath = $"{path}[{entry.Key}]";
                    if (entry.Key is string key && TextProblem(key) is { } keyProblem) text.Add(new Failure(itemPath, keyProblem));
                    if (entry.Value is null)
                    {
                        if (valueInfo?.ReadState == NullabilityState.NotNull) nulls.Add(new Failure(itemPath, MissingMessage(itemPath)));
                    }
                    else if (valueInfo is not null) Inspect(entry.Value, valueInfo, itemPath, nulls, text, depth + 1);
                }
                break;
            case IEnumerable items:
                var itemInfo = nullability.ElementType ?? (nullability.GenericTypeArguments.Length == 1 ? nullability.GenericTypeArguments[0] : null);
                var i = 0;
                foreach (var item in items)
                {
                    var itemPath = $"{path}[{i++}]";
                    if (item is null)
                    {
                        if (itemInfo?.ReadState == NullabilityState.NotNull) nulls.Add(new Failure(itemPath, MissingMessage(itemPath)));
                    }
                    else if (itemInfo is not null) Inspect(item, itemInfo, itemPath, nulls, text, depth + 1);
                    if (i > 10_000) break;
                }
                break;
            default:
                if (IsOwnType(v.GetType())) Walk(v, path, nulls, text, depth + 1);
                break;
        }
    }

    private static bool IsOwnType(Type type) =>
        type is { IsClass: true, IsArray: false } && type.Namespace?.StartsWith("Khcn.", StringComparison.Ordinal) == true;

    private static Member[] MembersOf(Type type) => Members.GetOrAdd(type, static t =>
    {
        if (!IsOwnType(t)) return [];
        var context = new NullabilityInfoContext();
        return t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.SetMethod is not null && p.GetIndexParameters().Length == 0
                        && p.GetCustomAttributes().All(a => a.GetType().Name is not ("JsonIgnoreAttribute" or "HideFromDocsAttribute")))
            .Select(p => new Member(p, JsonName(p.Name), context.Create(p)))
            .ToArray();
    });

    private static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

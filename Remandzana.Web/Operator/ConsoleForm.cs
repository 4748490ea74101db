namespace Remandzana.Web.Operator;

/// <summary>Reads a console form's fields strictly: a field sent twice counts as not sent, so a forged form cannot smuggle a second value past what the page shows.</summary>
public static class ConsoleForm
{
    public static string? One(this IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
}

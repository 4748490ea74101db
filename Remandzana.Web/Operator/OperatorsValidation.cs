using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Remandzana.Web.Options;

namespace Remandzana.Web.Operator;

/// <summary>Refuses to start with an operator whose name, hash or role cannot work, naming the setting to fix.</summary>
public sealed partial class OperatorsValidation : IValidateOptions<OperatorsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperatorsOptions options)
    {
        var failures = new List<string>();
        foreach (var (operatorName, settings) in options.ByName)
        {
            var key = $"{OperatorsOptions.Section}:{operatorName}";
            if (!NamePattern().IsMatch(operatorName))
            {
                failures.Add($"{key}: an operator's name is 1 to 64 letters, digits, '.', '_' or '-' (it is typed at the browser's login prompt).");
                continue;
            }

            if (!PasswordHashFormat.IsValid(settings.PasswordHash))
            {
                failures.Add($"{key}:PasswordHash is not a password hash made by `dotnet Remandzana.Web.dll --hash-password` (ASP.NET Core Identity's version 3 format).");
            }

            if (!OperatorRoles.IsKnown(settings.Role))
            {
                failures.Add($"{key}:Role is \"{settings.Role}\": it must be \"{OperatorRoles.Moderator}\" or \"{OperatorRoles.Admin}\".");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex NamePattern();
}

using System.Text;

namespace Remandzana.Web.Operator;

/// <summary>
/// `dotnet Remandzana.Web.dll --hash-password`: reads a password from standard input (its first
/// line; typed at a terminal it is not echoed), prints its hash for
/// <c>Remandzana:Operators:{name}:PasswordHash</c> and exits without starting the site.
/// </summary>
public static class HashPasswordCommand
{
    public const string Argument = "--hash-password";

    public static bool IsRequested(string[] args) => args.Contains(Argument);

    public static int Run(TextReader input, TextWriter output, TextWriter error, bool fromTerminal)
    {
        if (fromTerminal)
        {
            error.Write("Password (not shown): ");
        }

        var password = fromTerminal ? ReadHidden() : input.ReadLine();
        if (fromTerminal)
        {
            error.WriteLine();
        }

        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("No password was read from standard input; nothing to hash.");
            return 1;
        }

        output.WriteLine(OperatorPasswords.Hash(password));
        return 0;
    }

    public static int Run() => Run(Console.In, Console.Out, Console.Error, fromTerminal: !Console.IsInputRedirected);

    private static string ReadHidden()
    {
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}

using Microsoft.AspNetCore.Identity;
using Remandzana.Web.Operator;
using Remandzana.Web.Options;

namespace Remandzana.Tests.OperatorConsole;

/// <summary>`--hash-password`, and the check at start of what Remandzana:Operators holds.</summary>
[Category("Unit")]
public sealed class OperatorsAtStart
{
    [Test]
    public void TheHashPrintedForAPasswordReadFromStandardInputVerifiesIt()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = HashPasswordCommand.Run(new StringReader("pa:ss wörd\n"), output, error, fromTerminal: false);

        var hash = output.ToString().Trim();
        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero);
            Assert.That(output.ToString(), Does.Not.Contain("pa:ss"));
            Assert.That(PasswordHashFormat.IsValid(hash), Is.True);
            Assert.That(new PasswordHasher<OperatorAccount>().VerifyHashedPassword(null!, hash, "pa:ss wörd"), Is.EqualTo(PasswordVerificationResult.Success));
            Assert.That(new PasswordHasher<OperatorAccount>().VerifyHashedPassword(null!, hash, "pa:ss word"), Is.EqualTo(PasswordVerificationResult.Failed));
        });
    }

    [Test]
    public void NoPasswordOnStandardInputIsAnErrorAndNoHash()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.That(HashPasswordCommand.Run(new StringReader(""), output, error, fromTerminal: false), Is.EqualTo(1));
        Assert.That(output.ToString(), Is.Empty);
    }

    [Test]
    public async Task TheBuiltAppPrintsTheHashAndExitsWithoutStartingTheSite()
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Support.AppProcess.WebOutput(), "Remandzana.Web.dll"));
        start.ArgumentList.Add("--hash-password");
        using var process = System.Diagnostics.Process.Start(start)!;
        await process.StandardInput.WriteLineAsync("s3cret");
        process.StandardInput.Close();
        var printed = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(process.ExitCode, Is.Zero, await process.StandardError.ReadToEndAsync());
        Assert.That(new PasswordHasher<OperatorAccount>().VerifyHashedPassword(null!, printed.Trim(), "s3cret"), Is.EqualTo(PasswordVerificationResult.Success));
    }

    [TestCase("not base64!", "PasswordHash")]
    [TestCase("AQAAAA==", "PasswordHash")]
    [TestCase("", "PasswordHash")]
    [TestCase(null, "Role")]
    public void AnOperatorThatCannotSignInStopsTheStartNamingTheSetting(string? hash, string setting)
    {
        var options = new OperatorsOptions();
        options.ByName["eve"] = new OperatorSettings { PasswordHash = hash ?? OperatorPasswords.Hash("x"), Role = hash is null ? "Owner" : "Admin" };

        var result = new OperatorsValidation().Validate(null, options);

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain($"Remandzana:Operators:eve:{setting}"));
    }

    [Test]
    public void ANameTheLoginPromptCannotCarryIsRefused()
    {
        var options = new OperatorsOptions();
        options.ByName["a:b"] = new OperatorSettings { PasswordHash = OperatorPasswords.Hash("x") };

        Assert.That(new OperatorsValidation().Validate(null, options).FailureMessage, Does.Contain("Remandzana:Operators:a:b"));
    }

    [Test]
    public void AValidOperatorPassesAndTheRoleDefaultsToModerator()
    {
        var options = new OperatorsOptions();
        options.ByName["alice"] = new OperatorSettings { PasswordHash = OperatorPasswords.Hash("x") };

        Assert.That(new OperatorsValidation().Validate(null, options).Succeeded, Is.True);
        Assert.That(options.ByName["alice"].Role, Is.EqualTo(OperatorRoles.Moderator));
    }

    [Test]
    public void AnUnknownNameTakesAHashCheckToo()
    {
        var passwords = new OperatorPasswords(Microsoft.Extensions.Options.Options.Create(new OperatorsOptions { ByName = { ["alice"] = new OperatorSettings { PasswordHash = OperatorPasswords.Hash("right") } } }));

        Assert.Multiple(() =>
        {
            Assert.That(passwords.Check("alice", "right")?.Name, Is.EqualTo("alice"));
            Assert.That(passwords.Check("alice", "right")?.Name, Is.EqualTo("alice"), "remembered");
            Assert.That(passwords.Check("alice", "wrong"), Is.Null);
            Assert.That(passwords.Check("alice", "righ"), Is.Null);
            Assert.That(passwords.Check("bob", "right"), Is.Null);
        });
    }
}

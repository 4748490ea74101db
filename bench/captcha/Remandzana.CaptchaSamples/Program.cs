using System.Globalization;
using Remandzana.Domain.Captcha;
using Remandzana.Web.Captcha;

// Usage: Remandzana.CaptchaSamples OUTPUT PICTURES RECORDINGS [LANGUAGE] [DIGITS]
// Writes OUTPUT/pictures/NNNN.png and OUTPUT/recordings/NNNN.wav, each drawn as the site draws a
// challenge's (a fresh random seed each), and OUTPUT/pictures.tsv, OUTPUT/recordings.tsv: file, answer.
var output = args.Length > 0 ? args[0] : "captcha-samples";
var pictures = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
var recordings = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100;
var language = args.Length > 3 ? args[3] : "en";
var digits = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : SpokenCode.FewestDigits;

var random = new CryptoRandom();
Directory.CreateDirectory(Path.Combine(output, "pictures"));
Directory.CreateDirectory(Path.Combine(output, "recordings"));

using var picture = new CaptchaPicture();
using (var answers = new StreamWriter(Path.Combine(output, "pictures.tsv")))
{
    for (var i = 0; i < pictures; i++)
    {
        var challenge = Challenge.Draw(random, $"{i}", digits, language);
        var file = $"pictures/{i:D4}.png";
        await File.WriteAllBytesAsync(Path.Combine(output, file), picture.Draw(challenge.Code, challenge.Seed));
        await answers.WriteLineAsync($"{file}\t{challenge.Code}");
    }
}

var recording = new CaptchaRecording();
using (var answers = new StreamWriter(Path.Combine(output, "recordings.tsv")))
{
    for (var i = 0; i < recordings; i++)
    {
        var challenge = Challenge.Draw(random, $"{i}", digits, language);
        var file = $"recordings/{i:D4}.wav";
        await File.WriteAllBytesAsync(Path.Combine(output, file), recording.Speak(challenge.SpokenCode, challenge.Language, ~challenge.Seed));
        await answers.WriteLineAsync($"{file}\t{challenge.SpokenCode}");
    }
}

Console.WriteLine($"{pictures} pictures and {recordings} recordings ({language}, {digits} digits) in {Path.GetFullPath(output)}");

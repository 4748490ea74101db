using Remandzana.Web.Grains;
using SkiaSharp;

namespace Remandzana.Web.Captcha;

/// <summary>
/// Draws a challenge's code as a PNG: each character turned, shifted and scaled on its own, over
/// and under crossing curves and specks, in the font shipped with the app (no system fonts needed).
/// </summary>
public sealed class CaptchaPicture : IDisposable
{
    public const int Width = 280;
    public const int Height = 90;

    private readonly SKTypeface _typeface;

    public CaptchaPicture()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Captcha", "Fonts", "DejaVuSans-Bold.ttf");
        _typeface = SKTypeface.FromFile(path) ?? throw new InvalidOperationException($"The captcha font could not be loaded from {path}.");
    }

    /// <param name="seed">Chooses the distortion: a secret of the challenge, so its picture is the same whenever it is drawn.</param>
    public byte[] Draw(string code, int seed)
    {
        var random = new Random(seed);
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xF4, 0xF1, 0xE8));

        using var noise = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke };
        Curves(canvas, random, noise, count: 4, width: 2);
        Specks(canvas, random, count: 220);

        using var font = new SKFont(_typeface, 44);
        using var ink = new SKPaint { IsAntialias = true };
        var step = (Width - 30f) / code.Length;
        for (var i = 0; i < code.Length; i++)
        {
            ink.Color = Dark(random);
            font.Size = Between(random, 38, 50);
            font.SkewX = Between(random, -0.25f, 0.25f);
            canvas.Save();
            canvas.Translate(18 + (i * step) + Between(random, -4, 4), (Height / 2f) + 16 + Between(random, -8, 8));
            canvas.RotateDegrees(Between(random, -20, 20));
            canvas.DrawText(code[i].ToString(), 0, 0, SKTextAlign.Left, font, ink);
            canvas.Restore();
        }

        Curves(canvas, random, noise, count: 3, width: 3);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void Curves(SKCanvas canvas, Random random, SKPaint paint, int count, float width)
    {
        for (var i = 0; i < count; i++)
        {
            paint.Color = Dark(random).WithAlpha(170);
            paint.StrokeWidth = width;
            using var builder = new SKPathBuilder();
            builder.MoveTo(0, Between(random, 0, Height));
            builder.CubicTo(Between(random, 0, Width), Between(random, -Height, 2 * Height), Between(random, 0, Width), Between(random, -Height, 2 * Height), Width, Between(random, 0, Height));
            using var path = builder.Detach();
            canvas.DrawPath(path, paint);
        }
    }

    private static void Specks(SKCanvas canvas, Random random, int count)
    {
        using var paint = new SKPaint { IsAntialias = true };
        for (var i = 0; i < count; i++)
        {
            paint.Color = Dark(random).WithAlpha(120);
            canvas.DrawCircle(Between(random, 0, Width), Between(random, 0, Height), Between(random, 0.5f, 2f), paint);
        }
    }

    private static SKColor Dark(Random random) => SKColor.FromHsl(Between(random, 0, 360), Between(random, 40, 80), Between(random, 15, 35));

    private static float Between(Random random, float low, float high) => low + ((high - low) * random.NextSingle());

    public void Dispose() => _typeface.Dispose();
}

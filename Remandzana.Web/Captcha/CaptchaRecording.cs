using NAudio.Dsp;
using NAudio.Wave;
using NAudio.Wave.SampleProviders;
using Remandzana.Web.Grains;

namespace Remandzana.Web.Captcha;

/// <summary>
/// Speaks a challenge's digits as a WAV (16 kHz mono 16-bit PCM), mixed in-process from the
/// per-digit clips shipped with the app (<c>Captcha/Voices/{culture}/{digit}-{voice}.wav</c>, made
/// once by <c>tools/captcha-voices/make-clips.sh</c>): each digit in a voice picked at random, its
/// speed and pitch drifting within the digit, two bands of it raised or lowered, over reversed and quiet digits of other voices
/// (babble) and noise. The clips are public, so nothing in the mix is a clip as shipped, and the
/// length of the whole is drawn before the digits are placed: it says nothing about which digits
/// are spoken. A person hears one clear voice in front of a murmur.
/// </summary>
public sealed class CaptchaRecording
{
    public const int SampleRate = 16_000;
    public const string Fallback = "en";

    private const float SlowestRate = 0.8f;
    private const float FastestRate = 1.25f;
    private const int ShortestGap = SampleRate / 5;
    private const int ShortestEdge = SampleRate / 4;

    private static readonly WaveFormat Mono = WaveFormat.CreateIeeeFloatWaveFormat(SampleRate, 1);

    private readonly Dictionary<string, Voices> _voices;

    public CaptchaRecording()
        : this(Path.Combine(AppContext.BaseDirectory, "Captcha", "Voices"))
    {
    }

    public CaptchaRecording(string folder)
    {
        _voices = Directory.Exists(folder)
            ? Directory.GetDirectories(folder).ToDictionary(language => Path.GetFileName(language), Voices.Load, StringComparer.OrdinalIgnoreCase)
            : [];
        if (!_voices.ContainsKey(Fallback))
        {
            throw new InvalidOperationException($"The audio captcha's English clips could not be loaded from {Path.Combine(folder, Fallback)}.");
        }
    }

    /// <summary>The cultures the recording speaks; any other is spoken in English.</summary>
    public IReadOnlyCollection<string> Languages => _voices.Keys;

    /// <param name="digits">What is said, 0-9 only.</param>
    /// <param name="language">A culture (see <see cref="Languages"/>).</param>
    /// <param name="seed">Chooses every variation: the same arguments give the same bytes.</param>
    public byte[] Speak(string digits, string language, int seed)
    {
        var voices = _voices.GetValueOrDefault(language) ?? _voices[Fallback];
        var random = new Random(seed);

        var spoken = digits.Select(digit => Colour(Stretch(voices.Pick(digit - '0', random), random, SlowestRate, FastestRate), random)).ToList();

        // The whole length first, from what the longest digits could take, then the silence shared out:
        // the file's size and duration are the same whichever digits are said.
        var longest = (int)(voices.LongestClip / SlowestRate) + 2;
        var length = (digits.Length * longest) + ((digits.Length - 1) * ShortestGap) + (2 * ShortestEdge) + random.Next(SampleRate * 3 / 2);
        var slack = length - spoken.Sum(clip => clip.Length) - ((digits.Length - 1) * ShortestGap) - (2 * ShortestEdge);
        var shares = Enumerable.Range(0, digits.Length + 1).Select(_ => 0.2 - Math.Log(1 - random.NextDouble())).ToArray();
        var total = shares.Sum();

        var mixer = new MixingSampleProvider(Mono) { ReadFully = false };
        mixer.AddMixerInput(new Noise(length, random));
        var at = ShortestEdge;
        for (var i = 0; i < spoken.Count; i++)
        {
            at += (int)(slack * shares[i] / total);
            mixer.AddMixerInput(Placed(spoken[i], at, Between(random, 0.6f, 0.8f)));
            at += spoken[i].Length + ShortestGap;
        }

        // Babble: twice as many digits as are said, most played backwards, all quieter, anywhere.
        for (var i = 0; i < 2 * digits.Length; i++)
        {
            var backwards = random.NextDouble() < 0.65;
            var clip = Stretch(voices.Pick(random.Next(10), random), random, 0.7f, 1.45f);
            if (backwards)
            {
                Array.Reverse(clip);
            }

            var loudness = backwards ? Between(random, 0.15f, 0.3f) : Between(random, 0.08f, 0.16f);
            mixer.AddMixerInput(Placed(clip, random.Next(Math.Max(1, length - clip.Length)), loudness));
        }

        using var wav = new MemoryStream();
        WaveFileWriter.WriteWavFileToStream(wav, new SampleToWaveProvider16(new OffsetSampleProvider(mixer) { TakeSamples = length }));
        return wav.ToArray();
    }

    private static OffsetSampleProvider Placed(float[] clip, int at, float loudness) =>
        new(new VolumeSampleProvider(new Clip(clip)) { Volume = loudness }) { DelayBySamples = at };

    /// <summary>
    /// Plays a clip at a rate that drifts from one random value to another across it (as a tape
    /// that speeds up or slows down): pitch and speed change together, and never the same way twice.
    /// </summary>
    private static float[] Stretch(float[] clip, Random random, float slowest, float fastest)
    {
        var from = Between(random, slowest, fastest);
        var to = Between(random, slowest, fastest);
        var output = new List<float>((int)(clip.Length / Math.Min(from, to)) + 1);
        for (double position = 0; position < clip.Length - 1;)
        {
            var index = (int)position;
            var fraction = (float)(position - index);
            output.Add(clip[index] + ((clip[index + 1] - clip[index]) * fraction));
            position += from + ((to - from) * (position / clip.Length));
        }

        return [.. output];
    }

    /// <summary>
    /// Two random bands of the voice raised or lowered (as a different room or microphone would), the
    /// loudest sample kept where it was: the timbre of each digit differs from the shipped clip's.
    /// </summary>
    private static float[] Colour(float[] clip, Random random)
    {
        var low = BiQuadFilter.PeakingEQ(SampleRate, Between(random, 250, 900), Between(random, 0.7f, 2f), Between(random, -8, 5));
        var high = BiQuadFilter.PeakingEQ(SampleRate, Between(random, 1_200, 3_500), Between(random, 0.7f, 2f), Between(random, -8, 5));
        var before = 0f;
        var after = 0f;
        var coloured = new float[clip.Length];
        for (var i = 0; i < clip.Length; i++)
        {
            coloured[i] = high.Transform(low.Transform(clip[i]));
            before = Math.Max(before, Math.Abs(clip[i]));
            after = Math.Max(after, Math.Abs(coloured[i]));
        }

        if (after > 0)
        {
            var scale = before / after;
            for (var i = 0; i < coloured.Length; i++)
            {
                coloured[i] *= scale;
            }
        }

        return coloured;
    }

    private static float Between(Random random, float low, float high) => low + ((high - low) * random.NextSingle());

    /// <summary>Each digit's clips in one language, as samples.</summary>
    private sealed class Voices
    {
        private readonly float[][][] _clips;

        private Voices(float[][][] clips)
        {
            _clips = clips;
            LongestClip = clips.SelectMany(digit => digit).Max(clip => clip.Length);
        }

        public int LongestClip { get; }

        public float[] Pick(int digit, Random random) => _clips[digit][random.Next(_clips[digit].Length)];

        public static Voices Load(string folder)
        {
            var clips = new float[10][][];
            for (var digit = 0; digit < 10; digit++)
            {
                var files = Directory.GetFiles(folder, $"{digit}-*.wav").Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0)
                {
                    throw new InvalidOperationException($"The audio captcha has no clip for {digit} in {folder}.");
                }

                clips[digit] = [.. files.Select(Read)];
            }

            return new Voices(clips);
        }

        private static float[] Read(string file)
        {
            using var reader = new WaveFileReader(file);
            if (reader.WaveFormat.SampleRate != SampleRate || reader.WaveFormat.Channels != 1)
            {
                throw new InvalidOperationException($"The audio captcha's clip {file} is not {SampleRate} Hz mono.");
            }

            var provider = reader.ToSampleProvider();
            var samples = new float[reader.SampleCount];
            var read = 0;
            int count;
            while (read < samples.Length && (count = provider.Read(samples.AsSpan(read))) > 0)
            {
                read += count;
            }

            return samples[..read];
        }
    }

    /// <summary>A clip as a sample provider, for the mixer.</summary>
    private sealed class Clip(float[] samples) : ISampleProvider
    {
        private int _at;

        public WaveFormat WaveFormat => Mono;

        public int Read(Span<float> buffer)
        {
            var count = Math.Min(buffer.Length, samples.Length - _at);
            samples.AsSpan(_at, count).CopyTo(buffer);
            _at += count;
            return count;
        }
    }

    /// <summary>Hiss and rumble whose loudness wanders, for the whole recording.</summary>
    private sealed class Noise(int length, Random random) : ISampleProvider
    {
        private readonly float _hiss = Between(random, 0.02f, 0.05f);
        private readonly float _rumble = Between(random, 0.04f, 0.09f);
        private readonly double _wander = Between(random, 0.3f, 1.2f) * 2 * Math.PI / SampleRate;
        private float _low;
        private int _at;

        public WaveFormat WaveFormat => Mono;

        public int Read(Span<float> buffer)
        {
            var count = Math.Min(buffer.Length, length - _at);
            for (var i = 0; i < count; i++, _at++)
            {
                var white = (random.NextSingle() * 2) - 1;
                _low = (0.97f * _low) + (0.03f * white);
                var swell = 0.75f + (0.25f * (float)Math.Sin(_wander * _at));
                buffer[i] = swell * ((_hiss * white) + (_rumble * 8 * _low));
            }

            return count;
        }
    }
}

package io.realtime.media.transcription.service;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Set;

import io.realtime.media.transcription.domain.AudioInput;
import io.realtime.media.transcription.domain.UnsupportedAudioException;

/**
 * Reads the audio the offline recognizer takes: WAV (16-bit PCM, any sample rate and channel count) and raw 16-bit
 * little-endian PCM with a declared rate, converted to 16 kHz mono. Containers it cannot read (webm/opus, ogg, mp3,
 * mp4) are named in a clear {@link UnsupportedAudioException}.
 */
public final class AudioDecoder {

    /** What the recognizer takes. */
    public static final int TARGET_RATE = 16000;

    private static final Set<String> PCM_NAMES = Set.of("pcm", "pcm16", "pcm_s16le", "s16le", "raw", "audio/pcm",
            "audio/l16", "linear16");

    /** 16-bit PCM's shape inside a WAV file. */
    record Wav(int rate, int channels, int dataOffset, int dataLength) {
    }

    private AudioDecoder() {
    }

    public static boolean isWav(byte[] bytes) {
        return bytes.length >= 12 && ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WAVE");
    }

    /** Raw PCM: declared as one of the PCM names, or with a sample rate and no format. */
    public static boolean isRawPcm(AudioInput audio) {
        if (isWav(audio.bytes())) {
            return false;
        }
        String format = audio.format() == null ? null : audio.format().toLowerCase(Locale.ROOT);
        return format == null ? audio.sampleRate() != null : PCM_NAMES.contains(format);
    }

    /** WAV or raw PCM: what the offline recognizer and the live captions take. */
    public static boolean isReadable(AudioInput audio) {
        return isWav(audio.bytes()) || isRawPcm(audio);
    }

    /**
     * How long the audio lasts: exact for WAV and raw PCM ({@code defaultRate} mono when it declares no rate), else
     * estimated from its size at {@code assumedBytesPerSecond}.
     */
    public static double seconds(AudioInput audio, int defaultRate, int assumedBytesPerSecond) {
        if (isWav(audio.bytes())) {
            try {
                Wav wav = wav(audio.bytes());
                return (double) wav.dataLength() / (2.0 * wav.channels() * wav.rate());
            } catch (UnsupportedAudioException e) {
                return (double) audio.bytes().length / assumedBytesPerSecond;
            }
        }
        if (isRawPcm(audio)) {
            int rate = positive(audio.sampleRate(), defaultRate);
            int channels = positive(audio.channels(), 1);
            return audio.bytes().length / (2.0 * channels * rate);
        }
        return (double) audio.bytes().length / assumedBytesPerSecond;
    }

    /** The audio as 16 kHz mono 16-bit little-endian PCM; fails with the reason it cannot. */
    public static byte[] toMono16k(AudioInput audio, int defaultRate) {
        byte[] bytes = audio.bytes();
        if (isWav(bytes)) {
            Wav wav = wav(bytes);
            return convert(bytes, wav.dataOffset(), wav.dataLength(), wav.rate(), wav.channels());
        }
        if (isRawPcm(audio)) {
            int channels = positive(audio.channels(), 1);
            if (channels > 32) {
                throw new UnsupportedAudioException("Unsupported channel count: " + channels);
            }
            int rate = positive(audio.sampleRate(), defaultRate);
            if (rate < 1000 || rate > 384000) {
                throw new UnsupportedAudioException("Unsupported sample rate: " + rate);
            }
            return convert(bytes, 0, bytes.length, rate, channels);
        }
        throw unsupported(audio);
    }

    /** Why audio that is neither WAV nor raw PCM cannot be read offline, naming its container when known. */
    public static UnsupportedAudioException unsupported(AudioInput audio) {
        return new UnsupportedAudioException("Unsupported audio format" + container(audio)
                + ": offline transcription takes WAV (16-bit PCM) or raw 16-bit PCM (format \"pcm16\" with"
                + " sample_rate); other formats need the OpenAI-compatible transcription API");
    }

    static Wav wav(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int position = 12;
        Integer rate = null;
        int channels = 0;
        while (position + 8 <= bytes.length) {
            String id = new String(bytes, position, 4, java.nio.charset.StandardCharsets.US_ASCII);
            long size = buffer.getInt(position + 4) & 0xFFFFFFFFL;
            int body = position + 8;
            if (id.equals("fmt ") && size >= 16 && body + 16 <= bytes.length) {
                int tag = buffer.getShort(body) & 0xFFFF;
                channels = buffer.getShort(body + 2) & 0xFFFF;
                rate = buffer.getInt(body + 4);
                int bits = buffer.getShort(body + 14) & 0xFFFF;
                boolean pcm = tag == 1 || (tag == 0xFFFE && size >= 26 && body + 26 <= bytes.length
                        && (buffer.getShort(body + 24) & 0xFFFF) == 1);
                if (!pcm || bits != 16) {
                    throw new UnsupportedAudioException("Unsupported WAV encoding: only 16-bit PCM WAV is supported"
                            + " (this one has format tag " + tag + ", " + bits + " bits)");
                }
                if (channels < 1 || channels > 32 || rate < 1000 || rate > 384000) {
                    throw new UnsupportedAudioException("Unsupported WAV shape: " + channels + " channels at "
                            + rate + " Hz");
                }
            } else if (id.equals("data")) {
                if (rate == null) {
                    throw new UnsupportedAudioException("Invalid WAV file: no fmt chunk before the data");
                }
                int length = (int) Math.min(size, bytes.length - body);
                return new Wav(rate, channels, body, length - length % (2 * channels));
            }
            position = (int) Math.min(Integer.MAX_VALUE, body + size + (size & 1));
        }
        throw new UnsupportedAudioException("Invalid WAV file: no data chunk");
    }

    /** Down-mixes to mono (the channels' mean) and resamples linearly to {@link #TARGET_RATE}. */
    private static byte[] convert(byte[] bytes, int offset, int length, int rate, int channels) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN);
        int frames = length / (2 * channels);
        double[] mono = new double[frames];
        for (int frame = 0; frame < frames; frame++) {
            double sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                sum += in.getShort(offset + (frame * channels + channel) * 2);
            }
            mono[frame] = sum / channels;
        }
        int outFrames = rate == TARGET_RATE ? frames : (int) ((long) frames * TARGET_RATE / rate);
        ByteBuffer out = ByteBuffer.allocate(outFrames * 2).order(ByteOrder.LITTLE_ENDIAN);
        double step = (double) rate / TARGET_RATE;
        for (int i = 0; i < outFrames; i++) {
            double at = i * step;
            int left = (int) at;
            int right = Math.min(left + 1, frames - 1);
            double fraction = at - left;
            double value = mono[left] * (1 - fraction) + mono[right] * fraction;
            out.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value))));
        }
        return out.array();
    }

    private static String container(AudioInput audio) {
        byte[] b = audio.bytes();
        if (b.length >= 4 && (b[0] & 0xFF) == 0x1A && (b[1] & 0xFF) == 0x45 && (b[2] & 0xFF) == 0xDF
                && (b[3] & 0xFF) == 0xA3) {
            return " (webm/matroska)";
        }
        if (ascii(b, 0, "OggS")) {
            return " (ogg)";
        }
        if (ascii(b, 0, "ID3") || (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0)) {
            return " (mp3)";
        }
        if (ascii(b, 4, "ftyp")) {
            return " (mp4)";
        }
        return audio.format() == null || audio.format().length() > 32 || !audio.format().matches("[\\w./+-]+")
                ? "" : " (" + audio.format() + ")";
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        if (bytes.length < at + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (bytes[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int positive(Integer value, int fallback) {
        return value == null || value <= 0 ? fallback : value;
    }
}

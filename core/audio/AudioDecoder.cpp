#include "core/audio/AudioDecoder.h"

#include "core/audio/FfmpegSupport.h"
#include "core/common/Error.h"
#include "core/common/TextFormat.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/avstring.h>
#include <libavutil/opt.h>
#include <libswresample/swresample.h>
}

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <sys/stat.h>

namespace muze {
namespace {

struct FormatCloser {
    void operator()(AVFormatContext* context) const { avformat_close_input(&context); }
};
struct CodecFreer {
    void operator()(AVCodecContext* context) const { avcodec_free_context(&context); }
};
struct ResamplerFreer {
    void operator()(SwrContext* context) const { swr_free(&context); }
};
struct PacketFreer {
    void operator()(AVPacket* packet) const { av_packet_free(&packet); }
};
struct FrameFreer {
    void operator()(AVFrame* frame) const { av_frame_free(&frame); }
};
using FormatPtr = std::unique_ptr<AVFormatContext, FormatCloser>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecFreer>;
using ResamplerPtr = std::unique_ptr<SwrContext, ResamplerFreer>;
using PacketPtr = std::unique_ptr<AVPacket, PacketFreer>;
using FramePtr = std::unique_ptr<AVFrame, FrameFreer>;

// Demuxers for audio containers; anything else (playlists, images, subtitles, network manifests) is refused.
constexpr const char* kAudioDemuxers =
    "wav,w64,flac,mp3,ogg,mov,matroska,aiff,aac,caf,wv,ape,tta,au,asf,mpc,mpc8,dsf,ac3,eac3,dts";
// Most consecutive unreadable packets before the file is given up as unreadable.
constexpr int kMaxConsecutiveReadErrors = 1000;

std::string quoted(const std::filesystem::path& path)
{
    return "\"" + path.string() + "\"";
}

// Checks what the operating system can tell before FFmpeg sees the file, for clearer messages.
void checkReadableFile(const std::filesystem::path& path)
{
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        const int error = errno;
        if (error == ELOOP)
            throw Error(ErrorKind::NotFound, quoted(path) + " is a symbolic link that loops back on itself.");
        if (error == EACCES)
            throw Error(ErrorKind::PermissionDenied, quoted(path) + " cannot be reached: permission denied.");
        throw Error(ErrorKind::NotFound, quoted(path) + " does not exist.");
    }
    if (S_ISDIR(status.st_mode))
        throw Error(ErrorKind::InvalidArgument, quoted(path) + " is a folder, not an audio file.");
    if (!S_ISREG(status.st_mode))
        throw Error(ErrorKind::Unsupported, quoted(path) + " is not a regular file.");
    if (status.st_size == 0)
        throw Error(ErrorKind::Corrupt, quoted(path) + " is empty (0 bytes).");
}

bool isAudioDemuxer(const std::string& name)
{
    return av_match_list(name.c_str(), kAudioDemuxers, ',') > 0;
}

// FFmpeg's status codes say little about why a file would not open (EINVAL covers a refused
// format and an unreadable MP3 alike), so the message comes from what the file looks like.
[[noreturn]] void throwOpenError(const std::filesystem::path& path, int code)
{
    if (code == AVERROR(EACCES) || code == AVERROR(EPERM))
        throw Error(ErrorKind::PermissionDenied, quoted(path) + " cannot be read: permission denied.");
    if (code == AVERROR(ENOENT))
        throw Error(ErrorKind::NotFound, quoted(path) + " does not exist.");
    const std::string formats = " Muze opens WAV, FLAC, MP3, Ogg Vorbis, Opus, M4A/AAC and similar audio files.";
    const ProbedFormat probed = probeFormat(path);
    if (!probed.name.empty() && !isAudioDemuxer(probed.name))
        throw Error(ErrorKind::Unsupported, quoted(path) + " is not an audio file (it looks like " + probed.longName + ")." + formats);
    if (probed.score < AVPROBE_SCORE_RETRY)
        throw Error(ErrorKind::Unsupported, quoted(path) + " is not an audio file: its content matches no audio format." + formats);
    throw Error(ErrorKind::Corrupt, quoted(path) + " looks like " + probed.longName + " but could not be read (" + ffmpegErrorText(code) +
                                        "); it may be damaged or cut short.");
}

FormatPtr openContainer(const std::filesystem::path& path)
{
    checkReadableFile(path);
    AVDictionary* settings = nullptr;
    av_dict_set(&settings, "protocol_whitelist", "file", 0);
    av_dict_set(&settings, "format_whitelist", kAudioDemuxers, 0);
    AVFormatContext* raw = nullptr;
    // The "file:" prefix keeps a name with a colon in it from being read as a protocol.
    const std::string url = "file:" + std::filesystem::absolute(path).string();
    const int opened = avformat_open_input(&raw, url.c_str(), nullptr, &settings);
    av_dict_free(&settings);
    if (opened < 0)
        throwOpenError(path, opened);
    FormatPtr format(raw);
    const int found = avformat_find_stream_info(format.get(), nullptr);
    if (found < 0)
        throw Error(ErrorKind::Corrupt, quoted(path) + " could not be read: " + ffmpegErrorText(found) + ".");
    return format;
}

int findAudioStream(AVFormatContext* format, const std::filesystem::path& path)
{
    const int index = av_find_best_stream(format, AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (index == AVERROR_DECODER_NOT_FOUND)
        throw Error(ErrorKind::Unsupported, quoted(path) + " uses an audio codec this FFmpeg build cannot decode.");
    if (index < 0)
        throw Error(ErrorKind::Unsupported, quoted(path) + " contains no audio stream.");
    return index;
}

double containerDuration(const AVFormatContext* format, const AVStream* stream)
{
    if (format->duration != AV_NOPTS_VALUE && format->duration > 0)
        return static_cast<double>(format->duration) / AV_TIME_BASE;
    if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
        return static_cast<double>(stream->duration) * av_q2d(stream->time_base);
    return 0.0;
}

AudioFileInfo describe(const std::filesystem::path& path, const AVFormatContext* format, const AVStream* stream)
{
    AudioFileInfo info;
    info.path = path;
    info.container = format->iformat->name;
    info.codec = avcodec_get_name(stream->codecpar->codec_id);
    info.sampleRate = stream->codecpar->sample_rate;
    info.channels = stream->codecpar->ch_layout.nb_channels;
    info.durationSeconds = containerDuration(format, stream);
    info.bitRate = stream->codecpar->bit_rate > 0 ? stream->codecpar->bit_rate : format->bit_rate;
    info.tags = readTags(format->metadata, stream->metadata);
    return info;
}

void checkLimits(const AudioFileInfo& info, const DecodeLimits& limits)
{
    const std::string name = quoted(info.path);
    if (info.sampleRate <= 0)
        throw Error(ErrorKind::Corrupt, name + " does not state a valid sample rate.");
    if (info.channels <= 0)
        throw Error(ErrorKind::Corrupt, name + " does not state its number of channels.");
    if (info.sampleRate > limits.maxSampleRate)
        throw Error(ErrorKind::LimitExceeded, name + " has a sample rate of " + std::to_string(info.sampleRate) +
                                                  " Hz; the limit is " + std::to_string(limits.maxSampleRate) + " Hz.");
    if (info.channels > limits.maxChannels)
        throw Error(ErrorKind::LimitExceeded, name + " has " + std::to_string(info.channels) + " channels; the limit is " +
                                                  std::to_string(limits.maxChannels) + ".");
    if (info.durationSeconds > limits.maxDurationSeconds)
        throw Error(ErrorKind::LimitExceeded, name + " lasts " + formatClock(info.durationSeconds) +
                                                  "; the limit is " + formatClock(limits.maxDurationSeconds) +
                                                  " (it can be raised in the settings).");
}

// The layout the resampler produces, before this decoder maps it to the requested channel count:
// all source channels when averaging to mono (librosa's to_mono), stereo when FFmpeg must downmix.
int resamplerChannelsFor(ChannelMode mode, int sourceChannels)
{
    if (mode == ChannelMode::Mono || sourceChannels <= 2)
        return sourceChannels;
    return 2;
}

int outputChannelsFor(ChannelMode mode, int sourceChannels)
{
    switch (mode) {
    case ChannelMode::Mono:
        return 1;
    case ChannelMode::Stereo:
        return 2;
    case ChannelMode::UpToStereo:
        return sourceChannels == 1 ? 1 : 2;
    }
    return 1;
}

// Float files can hold NaN or infinity, which would poison every sum downstream: they become
// silence, and the count lets the caller refuse a file where they are many (it is not audio).
std::size_t silenceInvalidSamples(std::vector<float>& samples)
{
    std::size_t invalid = 0;
    for (float& sample : samples) {
        if (!std::isfinite(sample)) {
            sample = 0.0f;
            ++invalid;
        }
    }
    return invalid;
}

}  // namespace

struct AudioDecoder::State {
    DecodeOptions options;
    AudioFileInfo info;
    FormatPtr format;
    CodecPtr codec;
    ResamplerPtr resampler;
    PacketPtr packet{av_packet_alloc()};
    FramePtr frame{av_frame_alloc()};
    int streamIndex = -1;
    int outputRate = 0;
    int outputChannels = 0;

    // The input the resampler was configured for, as the decoder described it; a stream may change
    // format midway (chained Ogg, MP3), which needs a new resampler.
    AVChannelLayout resamplerInputLayout{};
    int resamplerInputRate = 0;
    int resamplerInputFormat = -1;
    int resamplerChannels = 0;
    std::vector<float> converted;

    std::int64_t packetsRead = 0;
    int corruptPackets = 0;
    int consecutiveReadErrors = 0;
    std::int64_t framesOut = 0;
    std::int64_t maxFramesOut = 0;
    bool endOfInput = false;
    bool finished = false;

    ~State() { av_channel_layout_uninit(&resamplerInputLayout); }

    std::size_t read(std::vector<float>& out, std::size_t wantedFrames);
    void feedDecoder();
    std::size_t consumeFrame(std::vector<float>& out);
    std::size_t drainResampler(std::vector<float>& out);
    void configureResampler(const AVFrame& source);
    std::size_t convert(const uint8_t** input, int inputFrames, std::vector<float>& out);
    void append(const float* converted, std::size_t frames, std::vector<float>& out) const;
    void noteCorruptPacket();
};

AudioDecoder::AudioDecoder(const std::filesystem::path& path, const DecodeOptions& options)
    : m_state(std::make_unique<State>())
{
    State& s = *m_state;
    if (!s.packet || !s.frame)
        throw Error(ErrorKind::Io, "Out of memory while opening " + quoted(path) + ".");
    if (options.sampleRate < 0 || options.sampleRate > options.limits.maxSampleRate)
        throw Error(ErrorKind::InvalidArgument, "Output sample rate " + std::to_string(options.sampleRate) + " Hz is not valid.");
    silenceFfmpegLog();
    s.options = options;
    s.format = openContainer(path);
    s.streamIndex = findAudioStream(s.format.get(), path);
    AVStream* stream = s.format->streams[s.streamIndex];
    s.info = describe(path, s.format.get(), stream);
    checkLimits(s.info, options.limits);

    // Only the chosen stream is demuxed: video (cover art) and other streams are dropped unread.
    for (unsigned i = 0; i < s.format->nb_streams; ++i)
        s.format->streams[i]->discard = static_cast<int>(i) == s.streamIndex ? AVDISCARD_DEFAULT : AVDISCARD_ALL;

    const AVCodec* decoder = avcodec_find_decoder(stream->codecpar->codec_id);
    if (decoder == nullptr)
        throw Error(ErrorKind::Unsupported, quoted(path) + " uses the " + s.info.codec + " codec, which this FFmpeg build cannot decode.");
    s.codec.reset(avcodec_alloc_context3(decoder));
    if (!s.codec || avcodec_parameters_to_context(s.codec.get(), stream->codecpar) < 0)
        throw Error(ErrorKind::Io, "Out of memory while opening " + quoted(path) + ".");
    s.codec->pkt_timebase = stream->time_base;
    const int opened = avcodec_open2(s.codec.get(), decoder, nullptr);
    if (opened < 0)
        throw Error(ErrorKind::Unsupported, quoted(path) + ": the " + s.info.codec + " decoder refused the stream: " + ffmpegErrorText(opened) + ".");

    s.outputRate = options.sampleRate > 0 ? options.sampleRate : s.info.sampleRate;
    s.outputChannels = outputChannelsFor(options.channels, s.info.channels);
    // A little slack past the limit, for containers whose stated duration is slightly short.
    s.maxFramesOut = static_cast<std::int64_t>((options.limits.maxDurationSeconds + 1.0) * s.outputRate);
}

AudioDecoder::~AudioDecoder() = default;

const AudioFileInfo& AudioDecoder::info() const { return m_state->info; }
int AudioDecoder::outputSampleRate() const { return m_state->outputRate; }
int AudioDecoder::outputChannels() const { return m_state->outputChannels; }
int AudioDecoder::corruptPackets() const { return m_state->corruptPackets; }

double AudioDecoder::fractionRead() const
{
    if (m_state->finished)
        return 1.0;
    AVIOContext* io = m_state->format->pb;
    const std::int64_t size = io != nullptr ? avio_size(io) : 0;
    if (size <= 0)
        return 0.0;
    return std::clamp(static_cast<double>(avio_tell(io)) / static_cast<double>(size), 0.0, 1.0);
}

std::size_t AudioDecoder::read(std::vector<float>& out, std::size_t wantedFrames)
{
    return m_state->read(out, wantedFrames);
}

std::size_t AudioDecoder::State::read(std::vector<float>& out, std::size_t wantedFrames)
{
    std::size_t appended = 0;
    while (appended < wantedFrames && !finished) {
        const int received = avcodec_receive_frame(codec.get(), frame.get());
        if (received == 0) {
            appended += consumeFrame(out);
            av_frame_unref(frame.get());
        } else if (received == AVERROR(EAGAIN)) {
            feedDecoder();
        } else if (received == AVERROR_EOF) {
            appended += drainResampler(out);
            finished = true;
        } else if (received == AVERROR_INVALIDDATA) {
            noteCorruptPacket();
        } else {
            throw Error(ErrorKind::Corrupt, quoted(info.path) + " could not be decoded: " + ffmpegErrorText(received) + ".");
        }
    }
    return appended;
}

void AudioDecoder::State::feedDecoder()
{
    if (endOfInput) {
        // The decoder was already told the input ended; it will answer EOF next.
        avcodec_send_packet(codec.get(), nullptr);
        return;
    }
    const int status = av_read_frame(format.get(), packet.get());
    if (status == AVERROR_EOF || (status < 0 && format->pb != nullptr && avio_feof(format->pb))) {
        endOfInput = true;
        avcodec_send_packet(codec.get(), nullptr);
        return;
    }
    if (status < 0) {
        if (++consecutiveReadErrors > kMaxConsecutiveReadErrors)
            throw Error(ErrorKind::Corrupt, quoted(info.path) + " could not be read past a damaged region: " + ffmpegErrorText(status) + ".");
        if (status == AVERROR_INVALIDDATA)
            noteCorruptPacket();
        return;
    }
    consecutiveReadErrors = 0;
    if (packet->stream_index != streamIndex) {
        av_packet_unref(packet.get());
        return;
    }
    ++packetsRead;
    const bool damaged = (packet->flags & AV_PKT_FLAG_CORRUPT) != 0;
    const int sent = damaged ? AVERROR_INVALIDDATA : avcodec_send_packet(codec.get(), packet.get());
    av_packet_unref(packet.get());
    if (sent == AVERROR_INVALIDDATA)
        noteCorruptPacket();
    else if (sent < 0 && sent != AVERROR(EAGAIN))
        throw Error(ErrorKind::Corrupt, quoted(info.path) + " could not be decoded: " + ffmpegErrorText(sent) + ".");
}

void AudioDecoder::State::noteCorruptPacket()
{
    ++corruptPackets;
    const double share = static_cast<double>(corruptPackets) / static_cast<double>(std::max<std::int64_t>(packetsRead, 1));
    if (corruptPackets > options.limits.corruptPacketAllowance && share > options.limits.maxCorruptShare)
        throw Error(ErrorKind::Corrupt, quoted(info.path) + " is too damaged to use: " + std::to_string(corruptPackets) + " of " +
                                            std::to_string(packetsRead) + " packets read so far could not be decoded.");
}

std::size_t AudioDecoder::State::consumeFrame(std::vector<float>& out)
{
    if (frame->decode_error_flags != 0 || (frame->flags & AV_FRAME_FLAG_CORRUPT) != 0) {
        noteCorruptPacket();
        return 0;
    }
    const bool sameInput = resampler && frame->sample_rate == resamplerInputRate && frame->format == resamplerInputFormat &&
                           av_channel_layout_compare(&frame->ch_layout, &resamplerInputLayout) == 0;
    std::size_t appended = 0;
    if (!sameInput) {
        appended += drainResampler(out);
        configureResampler(*frame);
    }
    appended += convert(const_cast<const uint8_t**>(frame->extended_data), frame->nb_samples, out);
    return appended;
}

void AudioDecoder::State::configureResampler(const AVFrame& source)
{
    if (source.ch_layout.nb_channels > options.limits.maxChannels || source.sample_rate <= 0 ||
        source.sample_rate > options.limits.maxSampleRate)
        throw Error(ErrorKind::LimitExceeded, quoted(info.path) + " changes to " + std::to_string(source.ch_layout.nb_channels) +
                                                  " channels at " + std::to_string(source.sample_rate) + " Hz midway, past the limits.");
    av_channel_layout_uninit(&resamplerInputLayout);
    av_channel_layout_copy(&resamplerInputLayout, &source.ch_layout);
    resamplerInputRate = source.sample_rate;
    resamplerInputFormat = source.format;
    resamplerChannels = resamplerChannelsFor(options.channels, source.ch_layout.nb_channels);

    // Files that do not name their channels (a plain WAV) get FFmpeg's usual layout for the count.
    AVChannelLayout inputLayout{};
    if (source.ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
        av_channel_layout_default(&inputLayout, source.ch_layout.nb_channels);
    else
        av_channel_layout_copy(&inputLayout, &source.ch_layout);
    AVChannelLayout outputLayout{};
    if (resamplerChannels == source.ch_layout.nb_channels)
        av_channel_layout_copy(&outputLayout, &inputLayout);
    else
        av_channel_layout_default(&outputLayout, resamplerChannels);

    SwrContext* raw = nullptr;
    int status = swr_alloc_set_opts2(&raw, &outputLayout, AV_SAMPLE_FMT_FLT, outputRate, &inputLayout,
                                     static_cast<AVSampleFormat>(source.format), source.sample_rate, 0, nullptr);
    av_channel_layout_uninit(&outputLayout);
    av_channel_layout_uninit(&inputLayout);
    resampler.reset(raw);
    if (status >= 0)
        status = av_opt_set_int(raw, "resampler", SWR_ENGINE_SOXR, 0);
    if (status >= 0)
        status = swr_init(raw);
    if (status < 0)
        throw Error(ErrorKind::Unsupported, quoted(info.path) + ": cannot convert its audio to " + std::to_string(outputRate) +
                                                " Hz: " + ffmpegErrorText(status) + ".");
}

std::size_t AudioDecoder::State::drainResampler(std::vector<float>& out)
{
    if (!resampler)
        return 0;
    // Flush until the resampler has nothing left of its delay line.
    std::size_t appended = 0;
    for (std::size_t produced; (produced = convert(nullptr, 0, out)) > 0;)
        appended += produced;
    return appended;
}

std::size_t AudioDecoder::State::convert(const uint8_t** input, int inputFrames, std::vector<float>& out)
{
    const int capacity = swr_get_out_samples(resampler.get(), inputFrames) + 64;
    converted.resize(static_cast<std::size_t>(capacity) * resamplerChannels);
    auto* destination = reinterpret_cast<uint8_t*>(converted.data());
    const int produced = swr_convert(resampler.get(), &destination, capacity, input, inputFrames);
    if (produced < 0)
        throw Error(ErrorKind::Corrupt, quoted(info.path) + ": resampling failed: " + ffmpegErrorText(produced) + ".");
    append(converted.data(), static_cast<std::size_t>(produced), out);
    framesOut += produced;
    if (framesOut > maxFramesOut)
        throw Error(ErrorKind::LimitExceeded, quoted(info.path) + " decodes to more than " + formatClock(options.limits.maxDurationSeconds) +
                                                  " of audio, past the limit (it can be raised in the settings).");
    return static_cast<std::size_t>(produced);
}

void AudioDecoder::State::append(const float* source, std::size_t frames, std::vector<float>& out) const
{
    const std::size_t from = static_cast<std::size_t>(resamplerChannels);
    const std::size_t to = static_cast<std::size_t>(outputChannels);
    const std::size_t start = out.size();
    out.resize(start + frames * to);
    float* target = out.data() + start;
    if (from == to) {
        std::copy(source, source + frames * to, target);
    } else if (to == 1) {
        const float scale = 1.0f / static_cast<float>(from);
        for (std::size_t f = 0; f < frames; ++f) {
            float sum = 0.0f;
            for (std::size_t c = 0; c < from; ++c)
                sum += source[f * from + c];
            target[f] = sum * scale;
        }
    } else {  // mono to stereo: the same signal on both sides, at full level
        for (std::size_t f = 0; f < frames; ++f)
            target[2 * f] = target[2 * f + 1] = source[f];
    }
}

AudioFileInfo probeAudioFile(const std::filesystem::path& path, const DecodeLimits& limits)
{
    silenceFfmpegLog();
    FormatPtr format = openContainer(path);
    const int index = findAudioStream(format.get(), path);
    AudioFileInfo info = describe(path, format.get(), format->streams[index]);
    checkLimits(info, limits);
    return info;
}

DecodeSummary decodeAudioFileInBlocks(const std::filesystem::path& path, const DecodeOptions& options, const AudioBlockSink& sink,
                                      const JobControl& control)
{
    AudioDecoder decoder(path, options);
    DecodeSummary summary;
    summary.info = decoder.info();
    summary.sampleRate = decoder.outputSampleRate();
    summary.channels = decoder.outputChannels();
    AudioBuffer block{summary.sampleRate, summary.channels, {}};
    constexpr std::size_t kBlockFrames = 1 << 16;
    control.report("decoding", 0.0);
    while (decoder.read(block.samples, kBlockFrames) > 0) {
        const std::size_t invalid = silenceInvalidSamples(block.samples);
        sink(block, summary);
        summary.frames += block.frames();
        summary.invalidSamples += invalid;
        block.samples.clear();
        control.throwIfCancelled();
        control.report("decoding", decoder.fractionRead());
    }
    if (summary.frames == 0)
        throw Error(ErrorKind::Corrupt, quoted(path) + " contains no decodable audio.");
    const double share = static_cast<double>(summary.invalidSamples) / static_cast<double>(summary.frames * summary.channels);
    if (share > options.limits.maxCorruptShare)
        throw Error(ErrorKind::Corrupt, quoted(path) + " is not usable audio: " + std::to_string(static_cast<int>(std::round(share * 100))) +
                                            "% of its samples are not numbers (NaN or infinite).");
    summary.corruptPackets = decoder.corruptPackets();
    control.report("decoding", 1.0);
    return summary;
}

DecodedAudio decodeAudioFile(const std::filesystem::path& path, const DecodeOptions& options, const JobControl& control)
{
    DecodedAudio result;
    std::vector<float>& samples = result.audio.samples;
    const DecodeSummary summary = decodeAudioFileInBlocks(path, options, [&](const AudioBuffer& block, const DecodeSummary& before) {
        if (before.frames == 0)
            samples.reserve(static_cast<std::size_t>(std::max(0.0, before.info.durationSeconds) * block.sampleRate * 1.01 + 4096) * block.channels);
        samples.insert(samples.end(), block.samples.begin(), block.samples.end());
    }, control);
    if (samples.capacity() > samples.size() * 5 / 4)
        samples.shrink_to_fit();
    result.audio.sampleRate = summary.sampleRate;
    result.audio.channels = summary.channels;
    result.info = summary.info;
    result.corruptPackets = summary.corruptPackets;
    result.invalidSamples = summary.invalidSamples;
    return result;
}

}  // namespace muze

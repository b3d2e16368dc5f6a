#include "app/cli/ArgumentParser.h"
#include "app/cli/Commands.h"
#include "app/cli/Terminal.h"
#include "core/audio/AudioDecoder.h"
#include "core/audio/AudioWriter.h"
#include "core/common/Error.h"

#include <iostream>

namespace muze::cli {
namespace {

SampleFormat sampleFormatNamed(const std::string& name)
{
    if (name == "pcm16")
        return SampleFormat::Pcm16;
    if (name == "pcm24")
        return SampleFormat::Pcm24;
    if (name == "float")
        return SampleFormat::Float32;
    throw UsageError("--format takes pcm16, pcm24 or float, not \"" + name + "\"");
}

}  // namespace

int runDecode(const std::vector<std::string>& arguments)
{
    ArgumentParser parser("muze decode FILE -o OUT.wav [--sr 32000] [--mono]",
                          "Decode any audio file (WAV, FLAC, MP3, Ogg Vorbis, Opus, M4A/AAC, ...) to WAV or FLAC.");
    parser.positional("FILE", "the audio file to decode")
        .option("-o,--output", "OUT", "where to write: a .wav or .flac file")
        .option("--sr", "HZ", "output sample rate in Hz; 0 keeps the file's rate", "32000")
        .flag("--mono", "mix all channels to one (their mean); otherwise mono stays mono and the rest becomes stereo")
        .option("--format", "FORMAT", "sample format: pcm16, pcm24 or float (WAV only)", "pcm16")
        .option("--max_duration", "SECONDS", "refuse files longer than this", "1800");
    const auto args = parser.parse(arguments);
    if (args.helpRequested) {
        std::cout << parser.help();
        return 0;
    }
    if (!args.has("output"))
        throw UsageError("say where to write with -o OUT.wav");
    const std::filesystem::path output = args.text("output");
    AudioWriteOptions writeOptions;
    try {
        writeOptions = {audioFileTypeFor(output), sampleFormatNamed(args.text("format"))};
    } catch (const Error& error) {
        throw UsageError(error.what());
    }

    DecodeOptions options;
    options.sampleRate = args.integer("sr", 0, kMaxSampleRate);
    options.channels = args.has("mono") ? ChannelMode::Mono : ChannelMode::UpToStereo;
    options.limits.maxDurationSeconds = args.number("max_duration", 1, kMaxDurationLimitSeconds);

    ProgressLine progress;
    const DecodedAudio decoded = decodeAudioFile(args.positionals[0], options, progress.control());
    writeAudioFile(output, decoded.audio, writeOptions);
    if (decoded.corruptPackets > 0)
        std::cerr << "muze: skipped " << decoded.corruptPackets << " damaged packets in " << args.positionals[0] << "\n";
    return 0;
}

}  // namespace muze::cli

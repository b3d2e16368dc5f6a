#include "app/cli/ArgumentParser.h"
#include "app/cli/Commands.h"
#include "app/cli/Terminal.h"
#include "core/audio/AudioDecoder.h"
#include "core/audio/AudioWriter.h"
#include "core/common/ApiKeys.h"
#include "core/common/AtomicFile.h"
#include "core/common/Error.h"
#include "core/common/TextFormat.h"
#include "core/dataset/FolderScan.h"
#include "core/generation/DemoModel.h"
#include "core/generation/PlanProposal.h"
#include "core/generation/SongFiles.h"
#include "core/generation/SongGenerator.h"
#include "core/generation/SongSinging.h"
#include "core/generation/StructureTemplates.h"
#include "core/text/Phonemes.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <limits>
#include <sstream>

namespace muze::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string templateList()
{
    std::string list;
    for (const std::string& name : templateNames())
        list += (list.empty() ? "" : ", ") + name;
    return list;
}

// Whether generation takes the demo model: no models named, and none trained in ./checkpoints.
bool usesDemoModel(const ArgumentParser::Result& args)
{
    if (args.wasGiven("models") || args.has("vae_checkpoint") || args.has("ldm_checkpoint"))
        return false;
    return !holdsTrainedModel(args.text("models")) && !demoModelFolder().empty();
}

void sayDemoModelIsUsed()
{
    std::cerr << "muze: no --models given and none trained in ./checkpoints: using the demo model (" << demoModelFolder().string() << "). ";
    try {
        std::cerr << demoModelNotice(demoModelFacts(demoModelFolder()));
    } catch (const Error& error) {
        std::cerr << error.what();  // the weights are there; what is said of them is not
    }
    std::cerr << " A model of your own songs: `muze build-dataset`, then `muze train`.\n";
}

// The checkpoint of one part: the flag's file, or the best of that part's run under --models (or
// in the demo model).
std::filesystem::path checkpointOf(const ArgumentParser::Result& args, const std::string& flag, const std::string& part)
{
    if (args.has(flag))
        return args.text(flag);
    const std::filesystem::path models = usesDemoModel(args) ? demoModelFolder() : std::filesystem::path(args.text("models"));
    return models / part / "checkpoints/best.safetensors";
}

bool choosesGriffinLim(const ArgumentParser::Result& args)
{
    return args.has("vocoder") && args.text("vocoder") == "griffin-lim";
}

ModelFiles modelFilesOf(const ArgumentParser::Result& args)
{
    ModelFiles files{checkpointOf(args, "vae_checkpoint", "vae"), checkpointOf(args, "ldm_checkpoint", "ldm"), {}};
    for (const auto& [path, what] : {std::pair{files.vae, "VAE"}, std::pair{files.ldm, "latent diffusion model"}})
        if (!std::filesystem::exists(path))
            throw Error(ErrorKind::NotFound, std::string("There is no ") + what + " checkpoint at " + path.string() +
                                                 ": train it with `muze train` into --models, or name the file with --vae_checkpoint / --ldm_checkpoint.");
    if (choosesGriffinLim(args))
        return files;
    const std::filesystem::path vocoder = checkpointOf(args, "vocoder", "vocoder");
    if (std::filesystem::exists(vocoder))
        files.vocoder = vocoder;
    else if (args.has("vocoder"))
        throw Error(ErrorKind::NotFound, "There is no vocoder checkpoint at " + vocoder.string() + ".");
    return files;
}

TemplateRequest templateRequestOf(const ArgumentParser::Result& args)
{
    TemplateRequest request;
    request.prompt = args.text("prompt");
    request.duration = args.number("duration", 1.0, kMaxSongSeconds);
    request.tempo = args.number("tempo", kMinPlanTempo, kMaxPlanTempo);
    request.key = args.text("key");
    request.timeSignature = args.text("time_signature");
    return request;
}

// The plan file; else the planner's proposal when one is trained and no --template was asked for;
// else the template. The command says which.
SongPlan planOf(const ArgumentParser::Result& args)
{
    if (args.has("plan")) {
        SongPlan plan = loadPlan(args.text("plan"));
        if (args.wasGiven("prompt"))
            plan.prompt = args.text("prompt");
        return plan;
    }
    const TemplateRequest request = templateRequestOf(args);
    const std::filesystem::path planner = checkpointOf(args, "planner", "planner");
    if (args.has("planner") && !std::filesystem::exists(planner))
        throw Error(ErrorKind::NotFound, "There is no planner checkpoint at " + planner.string() + ".");
    if (!args.wasGiven("template") && std::filesystem::exists(planner)) {
        if (std::optional<SongPlan> proposed = proposePlan(planner, request)) {
            std::cerr << "muze: the sections are the planner's proposal (" << planner.string() << ").\n";
            return *proposed;
        }
        std::cerr << "muze: the planner proposed no sections; ";
    } else if (!args.wasGiven("template")) {
        std::cerr << "muze: no trained planner; ";
    } else {
        std::cerr << "muze: ";
    }
    std::cerr << "the sections follow the template \"" << args.text("template") << "\".\n";
    return planFromTemplate(args.text("template"), request);
}

GenerateOptions generateOptionsOf(const ArgumentParser::Result& args)
{
    GenerateOptions options;
    options.cfgScale = args.number("cfg_scale", 0.0, 100.0);
    options.steps = args.integer("num_steps", 1, 1000);
    const std::optional<SamplerKind> sampler = samplerNamed(args.text("sampler"));
    if (!sampler)
        throw UsageError("--sampler takes ddpm, ddim or dpmpp, not \"" + args.text("sampler") + "\"");
    options.sampler = *sampler;
    if (options.sampler == SamplerKind::Ddpm && !args.wasGiven("num_steps"))
        options.steps = 1000;  // the reference's DDPM
    options.eta = args.number("eta", 0.0, 1.0);
    options.guidanceRescale = args.number("cfg_rescale", 0.0, 1.0);
    options.beatGuidance = args.number("beat_guidance", 0.0, 100.0);
    options.seed = static_cast<std::uint64_t>(args.integer("seed", 0, std::numeric_limits<int>::max()));
    return options;
}

// --style_of: a recording when the file is there, otherwise an artist of --annotations' dataset.
VoiceStyle styleOf(const ArgumentParser::Result& args)
{
    const std::string wanted = args.text("style_of");
    if (std::filesystem::is_regular_file(wanted)) {
        const RecordingStyle recording = recordingStyle(wanted);
        std::cerr << "muze: the voice is " << wanted
                  << (recording.singingFound ? "'s singing.\n" : " as a whole: no singing was found in it, so the embedding is of all of it.\n");
        return recording.style;
    }
    if (!args.has("annotations"))
        throw UsageError("--style_of \"" + wanted + "\" is not a file; as an artist's name it needs the dataset that knows the artist: --annotations data.json");
    return artistStyle(artistEmbeddingsOf(args.text("annotations")), wanted);
}

// `muze generate --plan OUTPUT.json --regenerate N --seed S`: section N of that song made anew.
GeneratedSong regenerateSection(const ArgumentParser::Result& args, const SongGenerator& generator, const SongPlan& plan,
                                GenerateOptions& options, const JobControl& control)
{
    if (!args.has("plan") || !args.wasGiven("seed"))
        throw UsageError("--regenerate N takes the earlier song's OUTPUT.json as --plan and the section's new --seed");
    const std::filesystem::path earlier = args.text("plan");
    Json description;
    try {
        description = Json::parse(std::ifstream(earlier));
        options = optionsFromParameters(description.at("parameters"));
    } catch (const std::exception&) {
        throw Error(ErrorKind::InvalidArgument, earlier.string() + " is not the OUTPUT.json of a generated song: --regenerate needs one.");
    }
    if (description.contains("vocals") && !description["vocals"].contains("error"))
        throw Error(ErrorKind::InvalidArgument, "The song in " + earlier.string() + " has vocals mixed in; --regenerate needs the instrumental as the "
                                                "models made it. Make the song without --sing_lyrics, regenerate its sections, and add "
                                                "--sing_lyrics to the last --regenerate.");
    // The neighbours are rendered again for the joins: with other models they would change.
    const Json earlierModels = description.value("models", Json());
    if (decodedByGriffinLim(description) && generator.hasVocoder())
        throw Error(ErrorKind::InvalidArgument, "The song in " + earlier.string() + " was made audible by Griffin-Lim: regenerate it with --vocoder griffin-lim.");
    if (!sameModels(earlierModels, generator.describe()))
        throw Error(ErrorKind::InvalidArgument, "The song in " + earlier.string() + " was made with other models (" + earlierModels.dump() +
                                                    "); --regenerate needs the same ones.");
    const int section = args.integer("regenerate", 1, static_cast<int>(plan.sections.size())) - 1;
    options.sectionSeeds[static_cast<std::size_t>(section)] = static_cast<std::uint64_t>(args.integer("seed", 0, std::numeric_limits<int>::max()));
    const std::filesystem::path audio = earlier.parent_path() / description.value("audio", std::string());
    if (description.value("sample_rate", 0) != kModelSampleRate || description.value("channels", 0) != 1)
        throw Error(ErrorKind::InvalidArgument, "--regenerate keeps the rest of a song sample for sample, so it needs the song as the models made it: "
                                                "32 kHz mono, without --sample_rate 44100 or --stereo.");
    const AudioBuffer previous = decodeAudioFile(audio, {}).audio;
    return generator.regenerate(plan, options, static_cast<std::size_t>(section), previous, control);
}

// --lyrics: the words themselves, or a text file of them.
std::string lyricsOf(const ArgumentParser::Result& args)
{
    constexpr std::uintmax_t kLongestLyricsFile = 1 << 20;
    if (!args.has("lyrics"))
        return "";
    const std::string lyrics = args.text("lyrics");
    if (!std::filesystem::is_regular_file(lyrics))
        return lyrics;
    if (std::filesystem::file_size(lyrics) > kLongestLyricsFile)
        throw UsageError("--lyrics " + lyrics + " is over 1 MiB: that is not a song's words");
    std::ostringstream text;
    text << std::ifstream(lyrics).rdbuf();
    return text.str();
}

// The recording whose voice is cloned: --singing_voice_ref, or the first audio file of
// --voice_clone_samples (a file or a folder).
std::filesystem::path voiceReferenceOf(const ArgumentParser::Result& args)
{
    if (args.has("singing_voice_ref"))
        return args.text("singing_voice_ref");
    if (!args.has("voice_clone_samples"))
        return {};
    const std::filesystem::path samples = args.text("voice_clone_samples");
    if (!std::filesystem::is_directory(samples))
        return samples;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(samples))
        if (entry.is_regular_file() && isAudioFileName(entry.path()))
            files.push_back(entry.path());
    if (files.empty())
        throw UsageError("--voice_clone_samples " + samples.string() + " holds no audio file");
    return *std::min_element(files.begin(), files.end());
}

RemoteVoice serverOf(const ArgumentParser::Result& args, VoiceServer server, const std::filesystem::path& reference)
{
    RemoteVoice voice;
    voice.server = server;
    voice.language = args.text("language");
    voice.reference = reference;
    voice.timeout = args.number("voice_server_timeout", 1.0, 3600.0);
    voice.url = defaultVoiceServerUrl(server);
    switch (server) {
    case VoiceServer::GptSovits: voice.url = args.text("gpt_sovits_url"); break;
    case VoiceServer::Coqui: voice.url = args.text("coqui_url"); break;
    case VoiceServer::FishSpeech:
        voice.apiKey = args.has("fish_speech_api_key") ? args.text("fish_speech_api_key") : apiKeyFor(ApiService::FishAudio);
        voice.url = args.has("fish_speech_url") ? args.text("fish_speech_url") : voice.apiKey.empty() ? voice.url : "https://api.fish.audio";
        break;
    case VoiceServer::ElevenLabs:
        voice.apiKey = apiKeyFor(ApiService::ElevenLabs);
        if (voice.apiKey.empty())
            throw UsageError("ElevenLabs needs an API key: set ELEVENLABS_API_KEY, or save it in the studio's Preferences");
        if (!args.has("elevenlabs_voice"))
            throw UsageError("name the ElevenLabs voice that sings with --elevenlabs_voice (its voice ID, from its Voices page)");
        voice.voiceId = args.text("elevenlabs_voice");
        voice.model = args.text("elevenlabs_model");
        if (args.has("elevenlabs_url"))
            voice.url = args.text("elevenlabs_url");
        break;
    }
    if (!reference.empty()) {
        if (!std::filesystem::is_regular_file(reference))
            throw UsageError("the voice recording " + reference.string() + " is not a file");
        voice.referenceText = heardText(reference);
        std::cerr << "muze: the voice recording says, as heard: \"" << voice.referenceText << "\"\n";
    }
    return voice;
}

// RVC's conversion, with --singing_backend rvc (the built-in singer's voice converted) or
// --rvc_model beside any other backend.
std::optional<VoiceConversion> conversionOf(const ArgumentParser::Result& args, const std::string& backend)
{
    if (backend != "rvc" && !args.has("rvc_model"))
        return std::nullopt;
    if (!args.has("rvc_model"))
        throw UsageError("--singing_backend rvc converts the voice to one of the RVC server's models: name it with --rvc_model");
    VoiceConversion conversion;
    conversion.url = args.text("rvc_url");
    conversion.model = args.text("rvc_model");
    conversion.pitchShift = args.integer("rvc_pitch", -24, 24);
    conversion.timeout = args.number("voice_server_timeout", 1.0, 3600.0) * 5.0;
    return conversion;
}

SingingRequest singingOf(const ArgumentParser::Result& args, const SongPlan& plan)
{
    if (args.has("strip_ldm_vocals") && args.has("no_strip_ldm_vocals"))
        throw UsageError("--strip_ldm_vocals and --no_strip_ldm_vocals ask for opposite things: give one");
    SingingRequest singing = singingRequestFor(plan, lyricsOf(args));
    singing.singer.language = args.text("language");
    toPhonemes("", singing.singer.language);  // an unknown language is refused now, not after the instrumental
    singing.mix = {args.number("mix_vocals", 0.0, 4.0), !args.has("no_strip_ldm_vocals")};
    const std::string backend = singing.backend = args.text("singing_backend");
    const std::optional<VoiceServer> server = voiceServerNamed(backend);
    if (!server && backend != "builtin" && backend != "rvc")
        throw UsageError("--singing_backend takes builtin, gpt_sovits, fish_speech, coqui, elevenlabs or rvc, not \"" + backend + "\"");
    const std::filesystem::path reference = voiceReferenceOf(args);
    if (args.has("voice_clone") && reference.empty())
        throw UsageError("--voice_clone \"" + args.text("voice_clone") + "\" needs recordings of the voice: --voice_clone_samples FILE|FOLDER");
    if (!reference.empty()) {
        if (!server || !clonesFromRecording(*server))
            throw UsageError("the built-in singer and ElevenLabs sing in voices of their own; a voice to clone from a recording needs "
                             "--singing_backend gpt_sovits, fish_speech or coqui");
        if (!args.has("i_have_consent"))
            throw UsageError(std::string(kVoiceConsentNotice) + " If it is, say so with --i_have_consent.");
        std::cerr << "muze: " << kVoiceConsentNotice << "\n";
    }
    if (server)
        singing.server = serverOf(args, *server, reference);
    singing.conversion = conversionOf(args, backend);
    singing.cloned = args.has("voice_clone") ? args.text("voice_clone") : "";
    return singing;
}

// The lyrics sung into the instrumental, saying on the terminal where and by whom.
SungSong singWithProgress(const SongPlan& plan, const SingingRequest& singing, const AudioBuffer& instrumental, std::uint64_t seed)
{
    if (singing.regions.empty())
        std::cerr << "muze: no section of the plan has has_vocals set; listening for bars of moderate energy to sing over.\n";
    if (singing.server)
        std::cerr << "muze: the lyrics are said by " << serverName(singing.server->server) << " at " << singing.server->url << ".\n";
    else
        std::cerr << "muze: singing the lyrics with the built-in singer (espeak-ng, " << singing.singer.language << ").\n";
    if (singing.conversion)
        std::cerr << "muze: RVC at " << singing.conversion->url << " turns the vocals into the voice of \"" << singing.conversion->model << "\".\n";
    SungSong sung;
    {
        ProgressLine progress;
        sung = singInto(plan, singing, instrumental, seed, progress.control());
    }
    if (sung.regionsHeard)
        for (const VocalRegion& region : sung.vocals.regions)
            std::cerr << "muze: the voice sings from " << formatClock(region.start) << " to " << formatClock(region.end) << ".\n";
    if (sung.mixed.loudness) {
        char loudness[32];
        std::snprintf(loudness, sizeof loudness, "%.1f", *sung.mixed.loudness);
        std::cerr << "muze: the mix's loudness is " << loudness << " LUFS.\n";
    }
    return sung;
}

// --output, with the extension --format asks for.
std::filesystem::path outputOf(const ArgumentParser::Result& args)
{
    std::filesystem::path output = args.text("output");
    if (!args.has("format"))
        return output;
    const std::string format = args.text("format");
    if (format != "wav" && format != "flac")
        throw UsageError("--format takes wav or flac, not \"" + format + "\"");
    return output.replace_extension("." + format);
}

}  // namespace

int runGenerate(const std::vector<std::string>& arguments)
{
    ArgumentParser parser("muze generate --prompt TEXT --output song.wav [--template verse_chorus] [--duration 30] [options]",
                          "Generate a song section by section from a plan: a template laid over --duration at --tempo and --key,\n"
                          "or a plan file. Writes the audio and, beside it, OUTPUT.json with the plan, every parameter and the\n"
                          "models' identities. The same seed, parameters and models give the same file.");
    parser.option("--prompt", "TEXT", "what the song should sound like", "")
        .option("--output", "PATH", "the .wav or .flac file to write", "./output/generated.wav")
        .option("--format", "FORMAT", "wav or flac (16-bit), replacing --output's extension")
        .option("--sample_rate", "HZ", "32000 (the models') or 44100 (the reference's)", "32000")
        .flag("--stereo", "two channels (the models make mono: the same signal in both)")
        .option("--duration", "SECONDS", "the song's length, with a template", "30")
        .option("--template", "NAME", "the song's form: " + templateList(), "verse_chorus")
        .option("--tempo", "BPM", "with a template", "120")
        .option("--key", "KEY", "with a template, as \"A minor\" or \"Eb major\"", "C major")
        .option("--time_signature", "N/M", "with a template", "4/4")
        .option("--plan", "FILE", "a plan JSON (or an earlier OUTPUT.json) instead of a template")
        .option("--cfg_scale", "SCALE", "classifier-free guidance: how strongly the conditions are followed", "7.5")
        .option("--num_steps", "N", "sampler steps per section", "50")
        .option("--sampler", "NAME", "ddpm (1000 steps unless --num_steps), ddim, or dpmpp (DPM-Solver++ 2M, for 10-25 steps)", "ddim")
        .option("--eta", "ETA", "DDIM's fresh noise per step: 0 deterministic, 1 as much as DDPM", "0")
        .option("--cfg_rescale", "PHI", "0-1: bring guided outputs' spread back towards the conditional's (0.7 is typical at high scales)", "0")
        .option("--beat_guidance", "SCALE", "guidance towards the plan's beat grid, which keeps the tempo; 0: none (one model call fewer per step)", "40")
        .option("--seed", "N", "the noise; the same seed gives the same song", "0")
        .option("--models", "DIR", "a `muze train --out_dir`: its vae/, ldm/ and vocoder/ best checkpoints are used (without it, and\n"
                                   "with no model in ./checkpoints: the demo model that comes with the studio)", "./checkpoints")
        .option("--vae_checkpoint", "FILE", "the VAE (default: MODELS/vae/checkpoints/best.safetensors)")
        .option("--ldm_checkpoint", "FILE", "the latent diffusion model (default: MODELS/ldm/checkpoints/best.safetensors)")
        .option("--planner", "FILE", "the phase-2 planner that proposes the sections when no --template is given (default: MODELS/planner/checkpoints/best.safetensors, when there is one)")
        .option("--vocoder", "FILE", "the vocoder (default: MODELS/vocoder/checkpoints/best.safetensors; Griffin-Lim when there is none),\n"
                "or griffin-lim to make the sound by Griffin-Lim even when there is one")
        .option("--style_of", "NAME|FILE", "sound like this voice: an artist of --annotations' dataset, or a recording (.wav, .mp3, ...)")
        .option("--annotations", "FILE", "the dataset whose artists --style_of names (its .artist_embeddings.json)")
        .option("--regenerate", "N", "with --plan OUTPUT.json and --seed: make section N (from 1) of that song anew, keeping the rest")
        .option("--lyrics", "TEXT|FILE", "the words to sing, one line a line (or a text file of them); a plan's sections can have their own")
        .flag("--sing_lyrics", "sing the lyrics in the sections with vocals: the built-in singer, offline")
        .option("--language", "LANG", "the lyrics' language, as espeak-ng names its voices (en, de, pl, es, ...)", "en")
        .option("--mix_vocals", "LEVEL", "the vocals' level against the instrumental: 1 as loud as it", "0.7")
        .flag("--strip_ldm_vocals", "take voice-like sound out of the instrumental where the voice sings (the default)")
        .flag("--no_strip_ldm_vocals", "keep the instrumental as the models made it")
        .option("--singing_backend", "NAME", "builtin (offline); gpt_sovits, fish_speech or coqui (a server that says the lyrics in a cloned\n"
                                             "voice); elevenlabs (its API, in one of its voices); rvc (the built-in singer, converted by RVC)", "builtin")
        .option("--gpt_sovits_url", "URL", "GPT-SoVITS's api_v2 server", "http://127.0.0.1:9880")
        .option("--fish_speech_url", "URL", "a Fish Speech server (default http://127.0.0.1:8080, or Fish Audio's with an API key)")
        .option("--fish_speech_api_key", "KEY", "for Fish Audio's cloud or a server started with a key (or FISH_AUDIO_API_KEY, or\n"
                                                "Preferences); never written out")
        .option("--coqui_url", "URL", "a Coqui TTS server running XTTS v2 (tts-server)", "http://127.0.0.1:5002")
        .option("--elevenlabs_voice", "ID", "the ElevenLabs voice that sings; its API key comes from ELEVENLABS_API_KEY or Preferences")
        .option("--elevenlabs_model", "NAME", "the ElevenLabs model", kDefaultElevenLabsModel)
        .option("--elevenlabs_url", "URL", "ElevenLabs' API", "https://api.elevenlabs.io")
        .option("--rvc_model", "NAME", "turn the vocals, whoever sings them, into this voice model of an RVC server")
        .option("--rvc_url", "URL", "the RVC server (rvc-python's API)", "http://127.0.0.1:5050")
        .option("--rvc_pitch", "SEMITONES", "RVC's pitch shift, for a voice model higher or lower than the singer", "0")
        .option("--voice_server_timeout", "SECONDS", "how long a voice server may take to say one line", "120")
        .option("--singing_voice_ref", "FILE", "a recording of the voice to clone (needs --i_have_consent)")
        .option("--voice_clone", "NAME", "whose voice --voice_clone_samples holds, kept in OUTPUT.json")
        .option("--voice_clone_samples", "FILE|FOLDER", "recordings of that voice; the first audio file is the reference")
        .flag("--i_have_consent", "the voice to clone is yours, or its owner agreed")
        .option("--device", "DEVICE", "cpu", "cpu");
    const auto args = parser.parse(arguments);
    if (args.helpRequested) {
        std::cout << parser.help();
        return 0;
    }
    if (args.text("device") != "cpu")
        throw UsageError("--device takes cpu: generation runs on the CPU in this build");
    const std::filesystem::path output = outputOf(args);
    const AudioWriteOptions writeOptions{audioFileTypeFor(output), SampleFormat::Pcm16};
    const int sampleRate = args.integer("sample_rate", kModelSampleRate, 44100);
    if (sampleRate != kModelSampleRate && sampleRate != 44100)
        throw UsageError("--sample_rate takes 32000 or 44100");
    GenerateOptions options = generateOptionsOf(args);
    if (args.has("style_of")) {
        if (args.has("regenerate"))
            throw UsageError("--regenerate keeps the earlier song's voice (its OUTPUT.json has it): leave out --style_of");
        options.style = styleOf(args);
    }
    if (usesDemoModel(args))
        sayDemoModelIsUsed();
    const SongPlan plan = planOf(args);
    if (args.has("lyrics") && !args.has("sing_lyrics"))
        std::cerr << "muze: the lyrics are sung only with --sing_lyrics.\n";
    const std::optional<SingingRequest> singing = args.has("sing_lyrics") ? std::optional<SingingRequest>(singingOf(args, plan)) : std::nullopt;
    const SongGenerator generator(modelFilesOf(args));
    generator.check(plan);
    if (!generator.hasVocoder() && !choosesGriffinLim(args))
        std::cerr << "muze: no trained vocoder; the sound is made by Griffin-Lim, the fallback, and will sound phasey.\n";

    GeneratedSong song;
    {
        ProgressLine progress;
        song = args.has("regenerate") ? regenerateSection(args, generator, plan, options, progress.control())
                                      : generator.generate(plan, options, progress.control());
    }
    // A failure to sing loses nothing: the instrumental is written, and then the error is raised.
    std::optional<SungSong> sung;
    std::optional<Error> singingFailure;
    if (singing) {
        try {
            sung = singWithProgress(plan, *singing, song.audio, options.seed);
        } catch (const Error& error) {
            singingFailure = error;
        }
    }
    if (!output.parent_path().empty())
        std::filesystem::create_directories(output.parent_path());
    const int channels = args.has("stereo") ? 2 : 1;
    if (sung)
        writeVocalFiles(output, *sung, sampleRate, channels, writeOptions);
    Json extra = Json::object();
    if (sung)
        extra["vocals"] = describeVocals(*sung, *singing);
    else if (singingFailure)
        extra["vocals"] = {{"backend", singing->backend}, {"error", singingFailure->what()}};
    const Json description = writeSong({output, sampleRate, channels}, sung ? sung->mixed.song : song.audio, plan, options, generator.describe(),
                                       song.griffinLim, extra);
    std::cerr << "muze: wrote " << output.string() << " (" << description["duration"].get<double>() << " s) and "
              << descriptionPath(output).string() << "\n";
    if (singingFailure)
        throw Error(singingFailure->kind(), "The vocals could not be made, so " + output.string() + " is the instrumental alone. " + singingFailure->what());
    return 0;
}

}  // namespace muze::cli

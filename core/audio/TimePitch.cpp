#include "core/audio/TimePitch.h"

#include "core/common/Error.h"

#include <rubberband/RubberBandStretcher.h>

#include <algorithm>

namespace muze {
namespace {

constexpr std::size_t kBlock = 4096;  // samples given to Rubber Band at a time

}  // namespace

std::vector<float> stretchAndShift(const std::vector<float>& input, int sampleRate, std::size_t outputLength, double pitchScale,
                                   const std::map<std::size_t, std::size_t>& keyFrames)
{
    if (input.empty() || outputLength == 0)
        return std::vector<float>(outputLength, 0.0f);
    if (!(pitchScale > 0.0))
        throw Error(ErrorKind::InvalidArgument, "A pitch scale must be more than 0.");
    using Stretcher = RubberBand::RubberBandStretcher;
    Stretcher stretcher(static_cast<std::size_t>(sampleRate), 1,
                        Stretcher::OptionProcessOffline | Stretcher::OptionEngineFiner | Stretcher::OptionFormantPreserved,
                        static_cast<double>(outputLength) / static_cast<double>(input.size()), pitchScale);
    stretcher.setExpectedInputDuration(input.size());
    stretcher.setMaxProcessSize(kBlock);
    const float* in = input.data();
    stretcher.study(&in, input.size(), true);
    if (!keyFrames.empty())
        stretcher.setKeyFrameMap(keyFrames);
    // A process() call makes only part of what its input gives: the rest comes out over later calls,
    // so the input goes in by blocks and what is ready is taken after each.
    std::vector<float> output;
    output.reserve(outputLength);
    const auto takeWhatIsReady = [&] {
        for (int ready = stretcher.available(); ready > 0; ready = stretcher.available()) {
            const std::size_t from = output.size();
            output.resize(from + static_cast<std::size_t>(ready));
            float* out = output.data() + from;
            stretcher.retrieve(&out, static_cast<std::size_t>(ready));
        }
    };
    for (std::size_t offset = 0; offset < input.size(); offset += kBlock) {
        const std::size_t count = std::min(kBlock, input.size() - offset);
        const float* block = input.data() + offset;
        stretcher.process(&block, count, offset + count == input.size());
        takeWhatIsReady();
    }
    takeWhatIsReady();
    output.resize(outputLength, 0.0f);
    return output;
}

}  // namespace muze

#include "core/audio/TimePitch.h"

#include "core/common/Error.h"

#include <rubberband/RubberBandStretcher.h>

#include <algorithm>

namespace muze {

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
    stretcher.setMaxProcessSize(input.size());  // the whole input goes in one call
    const float* in = input.data();
    stretcher.study(&in, input.size(), true);
    if (!keyFrames.empty())
        stretcher.setKeyFrameMap(keyFrames);
    stretcher.process(&in, input.size(), true);
    std::vector<float> output(static_cast<std::size_t>(std::max(0, stretcher.available())));
    float* out = output.data();
    stretcher.retrieve(&out, output.size());
    output.resize(outputLength, 0.0f);
    return output;
}

}  // namespace muze

#include "core/training/VocoderLoss.h"

#include <torch/torch.h>

namespace muze {

VocoderLoss vocoderLoss(Vocoder& model, const TorchLogMel& logMel, const torch::Tensor& mel, const torch::Tensor& audio)
{
    const VocoderSpectrum spectrum = model->spectrum(mel);
    const VocoderSpectrum target = model->analyse(audio);
    const torch::Tensor predicted = model->synthesize(spectrum);
    return {multiResolutionStftDistance(predicted, audio), (logMel(predicted) - logMel(audio)).abs().mean(),
            phaseDistance(spectrum.phase, target.phase, target.magnitude)};
}

}  // namespace muze

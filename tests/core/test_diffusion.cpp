// Noise schedules, objectives and the DDIM sampler, checked against closed forms: on a Gaussian data
// distribution the exact denoiser is known, so a correct sampler turns noise into that distribution.

// LibTorch before Qt: Qt's `slots` macro would break LibTorch's headers.
#include <torch/torch.h>

#include "core/common/Error.h"
#include "core/diffusion/Samplers.h"

#include <QtTest>

using namespace muze;

namespace {

constexpr double kDataMean = 1.5;
constexpr double kDataStd = 0.5;

// The exact network output for data ~ N(kDataMean, kDataStd²) elementwise. With a = √ᾱ, b = √(1 − ᾱ):
// E[x0 | x_t] = μ + a·s² / (a²·s² + b²) · (x_t − a·μ); ε and v follow from x_t = a·x0 + b·ε.
Denoiser gaussianDenoiser(const NoiseSchedule& schedule, Prediction prediction)
{
    return [&schedule, prediction](const torch::Tensor& xt, const torch::Tensor& t) {
        const torch::Tensor alphaBar = schedule.alphaBars(t).to(torch::kFloat64).view({-1, 1});
        const torch::Tensor a = alphaBar.sqrt();
        const torch::Tensor b = (1 - alphaBar).sqrt();
        const double s2 = kDataStd * kDataStd;
        const torch::Tensor x0 = kDataMean + a * s2 / (alphaBar * s2 + b * b) * (xt - a * kDataMean);
        // ε from x_t and x0 where b > 0; at ᾱ = 1 nothing was added
        const torch::Tensor eps = torch::where(b > 0, (xt - a * x0) / b.clamp_min(1e-12), torch::zeros_like(xt));
        return prediction == Prediction::Epsilon ? eps : a * eps - b * x0;
    };
}

torch::Tensor sampleGaussian(const NoiseSchedule& schedule, Prediction prediction, int steps, double eta, int count)
{
    at::Generator generator = at::detail::createCPUGenerator(7);
    const torch::Tensor noise = torch::randn({count, 1}, generator, torch::kFloat64);
    return sampleDdim(gaussianDenoiser(schedule, prediction), schedule, prediction, noise, {steps, eta}, generator);
}

std::pair<double, double> meanAndStd(const torch::Tensor& x)
{
    return {x.mean().item<double>(), x.std().item<double>()};
}

}  // namespace

class DiffusionTest : public QObject {
    Q_OBJECT

private slots:
    void linearScheduleIsDdpms()
    {
        // DDPM's betas (1e-4 to 0.02 over 1000 steps) leave ᾱ_999 ≈ 4.04e-5, as diffusers computes.
        const NoiseSchedule ddpm({ScheduleKind::Linear, 1000, 1e-4, 0.02, false});
        QVERIFY(std::abs(ddpm.alphaBar(0) - (1 - 1e-4)) < 1e-12);
        QVERIFY2(std::abs(ddpm.alphaBar(999) - 4.0358e-5) < 1e-8, qPrintable(QString::number(ddpm.alphaBar(999))));
    }

    void schedulesFallFromSignalToNoise()
    {
        for (const ScheduleKind kind : {ScheduleKind::Linear, ScheduleKind::Cosine}) {
            for (const bool zeroTerminal : {false, true}) {
                const NoiseSchedule schedule({kind, 1000, 1e-4, 0.02, zeroTerminal});
                for (int t = 1; t < 1000; ++t)
                    QVERIFY(schedule.alphaBar(t) < schedule.alphaBar(t - 1));
                QVERIFY(schedule.alphaBar(0) > 0.999);
                if (zeroTerminal)
                    QCOMPARE(schedule.alphaBar(999), 0.0);
                else
                    QVERIFY(schedule.alphaBar(999) > 0.0);
            }
        }
        const NoiseSchedule cosine({ScheduleKind::Cosine, 1000, 1e-4, 0.02, false});
        QVERIFY(std::abs(cosine.alphaBar(499) - 0.5) < 0.03);  // the cosine's half-way point sits near the middle
    }

    void samplingStepsTrailFromTheNoisiest()
    {
        const NoiseSchedule schedule;
        QCOMPARE(schedule.samplingSteps(4), (std::vector<int>{999, 749, 499, 249}));
        QCOMPARE(schedule.samplingSteps(1), (std::vector<int>{999}));
        QVERIFY_THROWS_EXCEPTION(Error, schedule.samplingSteps(0));
        QVERIFY_THROWS_EXCEPTION(Error, schedule.samplingSteps(1001));
    }

    void targetsReadBackAsWhatMadeThem()
    {
        torch::manual_seed(3);
        const torch::Tensor x0 = torch::randn({6, 4, 10}, torch::kFloat64);
        const torch::Tensor noise = torch::randn({6, 4, 10}, torch::kFloat64);
        const torch::Tensor alphaBar = torch::tensor({0.999, 0.9, 0.5, 0.1, 0.01, 0.3}, torch::kFloat64);
        const torch::Tensor xt = addNoise(x0, noise, alphaBar);
        for (const Prediction prediction : {Prediction::Epsilon, Prediction::V}) {
            const Denoised d = interpretOutput(prediction, trainingTarget(prediction, x0, noise, alphaBar), xt, alphaBar);
            QVERIFY(torch::allclose(d.x0, x0, 1e-9, 1e-9));
            QVERIFY(torch::allclose(d.eps, noise, 1e-9, 1e-9));
        }
    }

    void ddimTurnsNoiseIntoTheDataDistribution()
    {
        // With every training timestep as a sampling step, DDIM follows the exact process closely.
        const std::pair<NoiseSchedule, Prediction> cases[] = {
            {NoiseSchedule({ScheduleKind::Cosine, 1000, 1e-4, 0.02, true}), Prediction::V},
            {NoiseSchedule({ScheduleKind::Cosine, 1000, 1e-4, 0.02, false}), Prediction::V},
            {NoiseSchedule({ScheduleKind::Linear, 1000, 1e-4, 0.02, false}), Prediction::Epsilon},
        };
        for (const auto& [schedule, prediction] : cases) {
            for (const double eta : {0.0, 1.0}) {
                const auto [mean, std] = meanAndStd(sampleGaussian(schedule, prediction, 1000, eta, 20000));
                // 20,000 samples: the standard error of the mean is 0.0035, of the std about 0.5%.
                QVERIFY2(std::abs(mean - kDataMean) < 0.015, qPrintable(QString("mean %1, eta %2").arg(mean).arg(eta)));
                QVERIFY2(std::abs(std / kDataStd - 1) < 0.02, qPrintable(QString("std %1, eta %2").arg(std).arg(eta)));
            }
        }
    }

    void fewerStepsErrMoreButConverge()
    {
        // A DDIM step shrinks a Gaussian's spread a little (Cauchy-Schwarz: equality only between equal
        // noise levels), so the error falls as the steps shorten: the discretisation, not a bias.
        const NoiseSchedule schedule;
        double previous = 1.0;
        for (const int steps : {5, 20, 100, 1000}) {
            const double error = std::abs(meanAndStd(sampleGaussian(schedule, Prediction::V, steps, 0.0, 20000)).second / kDataStd - 1);
            qInfo("%4d steps: std off by %.4f", steps, error);
            QVERIFY(error < previous);
            previous = error;
        }
        QVERIFY(previous < 0.01);
    }

    void aDeterministicSamplerKeepsEachSamplesPlace()
    {
        // η = 0 is an ODE: the map from noise to data is monotonic, so the order of samples survives;
        // for Gaussian data the exact map from pure noise is affine, z → μ + s·z.
        const NoiseSchedule schedule;
        const torch::Tensor noise = torch::linspace(-3, 3, 61, torch::kFloat64).view({-1, 1});
        const torch::Tensor x = sampleDdim(gaussianDenoiser(schedule, Prediction::V), schedule, Prediction::V, noise, {1000, 0.0},
                                           at::detail::createCPUGenerator(1));
        QVERIFY((x.slice(0, 1) > x.slice(0, 0, -1)).all().item<bool>());
        const double worst = (x - kDataMean - kDataStd * noise).abs().max().item<double>();
        QVERIFY2(worst < 0.01, qPrintable(QString::number(worst)));
    }

    void seedsReproduceAndCancelStops()
    {
        const NoiseSchedule schedule;
        const auto run = [&](std::uint64_t seed) {
            at::Generator generator = at::detail::createCPUGenerator(seed);
            const torch::Tensor noise = torch::randn({8, 3}, generator, torch::kFloat64);
            return sampleDdim(gaussianDenoiser(schedule, Prediction::V), schedule, Prediction::V, noise, {10, 1.0}, generator);
        };
        QVERIFY(torch::equal(run(5), run(5)));
        QVERIFY(!torch::equal(run(5), run(6)));

        CancelToken cancel;
        int reports = 0;
        const JobControl control{[&](const std::string&, double) {
                                     if (++reports == 3)
                                         cancel.cancel();
                                 },
                                 &cancel};
        QVERIFY_THROWS_EXCEPTION(Error, sampleDdim(gaussianDenoiser(schedule, Prediction::V), schedule, Prediction::V,
                                                   torch::zeros({2, 2}, torch::kFloat64), {10, 0.0}, at::detail::createCPUGenerator(1), control));
        QCOMPARE(reports, 3);
    }

    void dpmSolverReachesTheDataInFewSteps()
    {
        // Second order: at 15-25 steps it lands much nearer the exact map z → μ + s·z than DDIM does
        // (here 7×, 25× and 230× nearer).
        const NoiseSchedule schedule;
        const torch::Tensor noise = torch::linspace(-3, 3, 61, torch::kFloat64).view({-1, 1});
        const Denoiser exact = gaussianDenoiser(schedule, Prediction::V);
        for (const int steps : {15, 20, 25}) {
            const torch::Tensor dpm = sampleDpmSolver2M(exact, schedule, Prediction::V, noise, steps);
            const torch::Tensor ddim = sampleDdim(exact, schedule, Prediction::V, noise, {steps, 0.0}, at::detail::createCPUGenerator(1));
            const double dpmError = (dpm - kDataMean - kDataStd * noise).abs().max().item<double>();
            const double ddimError = (ddim - kDataMean - kDataStd * noise).abs().max().item<double>();
            qInfo("%2d steps: worst error DPM-Solver++ %.5f, DDIM %.5f", steps, dpmError, ddimError);
            QVERIFY(dpmError < ddimError / 5);
            QVERIFY(steps < 20 || dpmError < 0.01);
        }
        const NoiseSchedule linear({ScheduleKind::Linear, 1000, 1e-4, 0.02, false});
        const Denoiser epsilon = gaussianDenoiser(linear, Prediction::Epsilon);
        const double epsDpm = (sampleDpmSolver2M(epsilon, linear, Prediction::Epsilon, noise, 20) - kDataMean - kDataStd * noise).abs().max().item<double>();
        const double epsDdim = (sampleDdim(epsilon, linear, Prediction::Epsilon, noise, {20, 0.0}, at::detail::createCPUGenerator(1)) - kDataMean -
                                kDataStd * noise).abs().max().item<double>();
        qInfo("ε-prediction, linear schedule, 20 steps: worst error DPM-Solver++ %.5f, DDIM %.5f", epsDpm, epsDdim);
        QVERIFY(epsDpm < epsDdim / 2);

        CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Error, sampleDpmSolver2M(exact, schedule, Prediction::V, noise, 10, {nullptr, &cancel}));
    }

    void epsilonCannotStartFromPureNoise()
    {
        const NoiseSchedule schedule;  // zero terminal SNR
        QVERIFY_THROWS_EXCEPTION(Error, sampleDdim(gaussianDenoiser(schedule, Prediction::Epsilon), schedule, Prediction::Epsilon,
                                                   torch::zeros({1, 1}), {10, 0.0}, at::detail::createCPUGenerator(1)));
    }
};

QTEST_GUILESS_MAIN(DiffusionTest)
#include "test_diffusion.moc"

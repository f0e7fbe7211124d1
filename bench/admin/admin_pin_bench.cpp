// Verifying an entered admin PIN against its stored PBKDF2 hash, at the iteration count the kiosk stores.
#include <benchmark/benchmark.h>

#include "app/admin_pin.h"

namespace {

void BM_VerifyAdminPin(benchmark::State& state) {
    const std::string stored = ck::kiosk::HashPin("97531").value();
    for (auto _ : state) benchmark::DoNotOptimize(ck::kiosk::VerifyPin("97530", stored));
    state.SetLabel(std::to_string(ck::kiosk::kPinIterations) + " iterations");
}
BENCHMARK(BM_VerifyAdminPin)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();

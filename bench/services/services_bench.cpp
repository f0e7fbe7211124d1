// Prints: search latency (p50, p99, max) over random prefixes and typo queries on the whole catalogue, on
// one thread; the time to parse and import the catalogue into a store; the memory the loaded catalogue and
// its index take (RSS before and after loading, measured in this process).
//   bench_services --csv servicedescriptions-ars-000000000000.csv [--queries N] [--seed S] [--dir D]
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "offline_cache/database.h"
#include "services/catalogue_store.h"
#include "services/search.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) {
    return std::chrono::duration<double, std::milli>(d).count();
}

// CPU time of this thread: on a machine shared with other work, wall-clock percentiles measure the
// scheduler as much as the search; both are printed.
double ThreadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

long RssKiB() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
    return -1;
}

double Percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

// What a visitor has typed so far: a prefix of a word of a service name (3+ letters), sometimes two words,
// and in every second query one typo (a letter dropped, doubled, swapped or replaced).
std::vector<std::string> Queries(const std::vector<ck::svc::Service>& services, int n, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::string> words;
    for (const auto& s : services) {
        std::istringstream in(s.Title());
        for (std::string w; in >> w;)
            if (w.size() >= 4) words.push_back(w);
    }
    std::vector<std::string> out;
    auto pick = [&](std::size_t k) { return std::uniform_int_distribution<std::size_t>(0, k - 1)(rng); };
    for (int i = 0; i < n; ++i) {
        std::string w = words[pick(words.size())];
        w = w.substr(0, 3 + pick(w.size() - 2));
        if (i % 2 == 1 && w.size() >= 5) {
            const std::size_t at = 1 + pick(w.size() - 2);
            switch (pick(4)) {
                case 0:
                    w.erase(at, 1);
                    break;
                case 1:
                    w.insert(at, 1, w[at]);
                    break;
                case 2:
                    std::swap(w[at], w[at - 1]);
                    break;
                default:
                    w[at] = static_cast<char>('a' + pick(26));
                    break;
            }
        }
        if (pick(4) == 0) w = words[pick(words.size())] + " " + w;
        out.push_back(w);
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::string csv_path, dir = fs::temp_directory_path().string();
    int n = 1000;
    unsigned seed = 10;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--csv")) csv_path = argv[i + 1];
        if (!std::strcmp(argv[i], "--queries")) n = std::atoi(argv[i + 1]);
        if (!std::strcmp(argv[i], "--seed")) seed = static_cast<unsigned>(std::atoi(argv[i + 1]));
        if (!std::strcmp(argv[i], "--dir")) dir = argv[i + 1];
    }
    std::ifstream in(csv_path, std::ios::binary);
    if (csv_path.empty() || !in) {
        std::fprintf(stderr, "usage: bench_services --csv FILE [--queries N] [--seed S] [--dir D]\n");
        return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();
    const std::string csv = text.str();

    // Import: parse + one transaction into a fresh store (best of 3).
    double best_import = 1e9;
    const std::string db_path =
        (fs::path(dir) / ("bench-services-" + std::to_string(getpid()) + ".db")).string();
    for (int run = 0; run < 3; ++run) {
        auto db = ck::cache::Database::Open(db_path);
        if (!db) return 1;
        const auto t0 = Clock::now();
        auto report = ck::svc::ImportFiles(*db, "059160000000", csv, {});
        best_import = std::min(best_import, Ms(Clock::now() - t0));
        if (!report) return 1;
    }

    // Load: rows from the store and the index, as the kiosk does at start.
    const long rss_before = RssKiB();
    auto db = ck::cache::Database::Open(db_path);
    const auto t0 = Clock::now();
    auto services = ck::svc::LoadCatalogue(*db, "059160000000");
    if (!services) return 1;
    const auto loaded = std::make_unique<ck::svc::SearchIndex>(ck::svc::BuildSearchIndex(*services));
    const double load_ms = Ms(Clock::now() - t0);
    const long rss_after = RssKiB();

    const auto queries = Queries(loaded->services, n, seed);
    std::vector<double> times, cpu_times;
    std::size_t hits = 0;
    for (const auto& q : queries) {
        const auto t = Clock::now();
        const double c = ThreadCpuMs();
        hits += ck::svc::Search(*loaded, q, 50).size();
        cpu_times.push_back(ThreadCpuMs() - c);
        times.push_back(Ms(Clock::now() - t));
    }
    std::printf("catalogue: %zu services, %zu distinct words\n", loaded->services.size(),
                loaded->vocabulary.size());
    std::printf(
        "search latency over %d queries (prefixes, every second with a typo): p50 %.3f ms, p99 %.3f ms, max "
        "%.3f ms (%.1f hits per query)\n",
        n, Percentile(times, 0.5), Percentile(times, 0.99), *std::max_element(times.begin(), times.end()),
        static_cast<double>(hits) / n);
    std::printf("search CPU time per query (this thread only): p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
                Percentile(cpu_times, 0.5), Percentile(cpu_times, 0.99),
                *std::max_element(cpu_times.begin(), cpu_times.end()));
    std::printf("import (parse + one transaction), best of 3: %.1f ms\n", best_import);
    std::printf("load from the store and build the index: %.1f ms\n", load_ms);
    std::printf("memory of the loaded catalogue and index (RSS growth): %.1f MiB\n",
                (rss_after - rss_before) / 1024.0);
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path + suffix);
    return 0;
}

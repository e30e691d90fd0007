// The replay driver of the checked build (GCC, ASan + UBSan, no libFuzzer): a main() for every
// fuzz target that feeds LLVMFuzzerTestOneInput each file of the corpora named on the command
// line, then N inputs mutated from them with a seeded generator (byte flips, inserts, deletions,
// repeats and splices of two corpus files), so that `make test` runs each target on a few
// thousand inputs without clang. The same seed gives the same inputs. Coverage-guided fuzzing
// stays with libFuzzer (`make fuzz`, clang). When a sanitizer or a crash ends the run, the last
// corpus file named on stderr is the culprit, or else the mutated input kept at the artifact
// prefix (<prefix>mutant-seed<S>); replay one input with  fuzz_<target> FILE
// Usage: fuzz_<target> [-runs=N] [-seed=S] [-artifact_prefix=P] (DIR | FILE)...
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

using Input = std::vector<std::uint8_t>;

std::vector<std::string> Files(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const auto& path : paths) {
    if (!fs::is_directory(path)) {
      files.push_back(path);
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(path))
      if (entry.is_regular_file()) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Input Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return Input(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// One to four edits of a copy of one corpus input; `other` is a second one, for splices.
Input Mutate(Input input, const Input& other, std::mt19937_64& random) {
  auto below = [&](std::size_t n) { return n == 0 ? 0 : random() % n; };
  const int edits = 1 + static_cast<int>(below(4));
  for (int i = 0; i < edits; ++i) {
    const std::size_t at = below(input.size() + 1);
    switch (below(6)) {
      case 0:  // flip a bit
        if (at < input.size()) input[at] ^= static_cast<std::uint8_t>(1u << below(8));
        break;
      case 1:  // an interesting byte
        if (at < input.size()) {
          static constexpr std::uint8_t kBytes[] = {0,   0xff, 0x7f, 0x80, '"', '\\', '<', '>',
                                                    '&', '\n', '\r', ',',  ';', '{',  '[', '%'};
          input[at] = kBytes[below(sizeof kBytes)];
        }
        break;
      case 2:  // insert a random byte
        input.insert(input.begin() + at, static_cast<std::uint8_t>(below(256)));
        break;
      case 3:  // delete a range
        input.erase(input.begin() + at, input.begin() + std::min(input.size(), at + 1 + below(16)));
        break;
      case 4: {  // repeat a range
        const std::size_t length = std::min(input.size() - at, 1 + below(32));
        Input range(input.begin() + at, input.begin() + at + length);
        for (std::size_t times = 1 + below(8); times > 0; --times)
          input.insert(input.begin() + at, range.begin(), range.end());
        break;
      }
      default: {  // splice in a piece of another input
        const std::size_t from = below(other.size() + 1);
        const std::size_t length = std::min(other.size() - from, below(64));
        input.insert(input.begin() + at, other.begin() + from, other.begin() + from + length);
      }
    }
  }
  return input;
}

// Keeps the input in `path` before it runs: a sanitizer that ends the process (ASan and UBSan
// have a death callback each in GCC's runtimes, and UBSan exits without a signal) leaves it there.
void Keep(const std::string& path, const Input& input) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(input.data()),
            static_cast<std::streamsize>(input.size()));
}

}  // namespace

int main(int argc, char** argv) {
  long runs = 0;
  unsigned long long seed = 1;
  std::string prefix = "replay-";
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.rfind("-runs=", 0) == 0) {
      runs = std::atol(arg.c_str() + 6);
    } else if (arg.rfind("-seed=", 0) == 0) {
      seed = std::strtoull(arg.c_str() + 6, nullptr, 10);
    } else if (arg.rfind("-artifact_prefix=", 0) == 0) {
      prefix = arg.substr(17);
    } else if (!arg.empty() && arg[0] == '-') {
      std::fprintf(stderr, "replay: unknown option %s\n", arg.c_str());
      return 2;
    } else {
      paths.push_back(arg);
    }
  }
  std::vector<Input> corpus;
  for (const auto& file : Files(paths)) {
    std::fprintf(stderr, "replay: %s\n", file.c_str());
    corpus.push_back(Read(file));
    LLVMFuzzerTestOneInput(corpus.back().data(), corpus.back().size());
  }
  if (corpus.empty()) {
    std::fprintf(stderr, "replay: no corpus files in the paths given\n");
    return 2;
  }
  const std::string kept = prefix + "mutant-seed" + std::to_string(seed);
  std::fprintf(stderr, "replay: %ld mutated inputs, each kept in %s while it runs\n", runs,
               kept.c_str());
  std::mt19937_64 random(seed);
  for (long i = 0; i < runs; ++i) {
    const Input& base = corpus[random() % corpus.size()];
    const Input& other = corpus[random() % corpus.size()];
    const Input input = Mutate(base, other, random);
    Keep(kept, input);
    LLVMFuzzerTestOneInput(input.data(), input.size());
  }
  std::filesystem::remove(kept);
  std::printf("replay: %zu corpus files and %ld mutated inputs, no failure\n", corpus.size(), runs);
  return 0;
}

#include "importers/xlsform.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

extern char** environ;

namespace mobilise::importers {
namespace {

namespace fs = std::filesystem;

// A directory of our own in $TMPDIR, removed with everything in it when this goes.
class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::string pattern = (fs::temp_directory_path() / "mobilise-xlsform-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

enum class Ended { kExited, kFailed, kTimedOut };

// Runs `args` in its own process group, standard output to `out_path`, and waits at most
// `limit`; past it the whole group is killed.
Ended Run(const std::vector<std::string>& args, const std::string& out_path,
          std::chrono::milliseconds limit) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_path.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (spawned != 0) return Ended::kFailed;
  const auto deadline = std::chrono::steady_clock::now() + limit;
  auto pause = std::chrono::milliseconds(5);
  for (;;) {
    int status = 0;
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return WIFEXITED(status) ? Ended::kExited : Ended::kFailed;
    if (done < 0) return Ended::kFailed;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      return Ended::kTimedOut;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }
}

}  // namespace

std::string XlsFormErrorField(std::string_view message) {
  constexpr std::string_view kRow = "[row : ";
  const auto at = message.find(kRow);
  if (at == std::string_view::npos) return "xlsform";
  std::string digits;
  for (std::size_t i = at + kRow.size(); i < message.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(message[i]))) break;
    digits += message[i];
  }
  return digits.empty() ? "xlsform" : "xlsform.row_" + digits;
}

Result<std::string> ConvertXlsForm(std::string_view xlsx, const XlsFormConverter& converter) {
  if (converter.command.empty()) return Fail(Error::Internal("no XLSForm converter configured"));
  const TemporaryDirectory dir;
  if (dir.path().empty()) return Fail(Error::Internal("cannot create a temporary directory"));
  const std::string in = dir.path() + "/form.xlsx", out = dir.path() + "/form.xml",
                    answer = dir.path() + "/answer.json";
  {
    std::ofstream file(in, std::ios::binary | std::ios::trunc);
    file.write(xlsx.data(), static_cast<std::streamsize>(xlsx.size()));
    if (!file) return Fail(Error::Internal("cannot write the XLSForm to a temporary file"));
  }
  const auto ended = Run({converter.command, "--json", in, out}, answer, converter.limit);
  if (ended == Ended::kTimedOut)
    return Fail(Error::Field("xlsform", problem::Unreadable("the conversion took too long")));
  if (ended == Ended::kFailed) return Fail(Error::Internal("the XLSForm converter did not run"));
  boost::system::error_code ec;
  const auto json = boost::json::parse(Slurp(answer), ec);
  const auto* object = json.if_object();
  if (ec || object == nullptr || !object->contains("code"))
    return Fail(Error::Internal("the XLSForm converter gave no answer"));
  const auto& code = object->at("code");
  if (!(code.is_int64() && code.as_int64() == 100)) {
    const auto* message = object->if_contains("message");
    const std::string text = message != nullptr && message->is_string()
                                 ? std::string(message->as_string())
                                 : "the XLSForm could not be converted";
    return Fail(Error::Field(XlsFormErrorField(text), problem::Unreadable(text)));
  }
  std::string xml = Slurp(out);
  if (xml.empty()) return Fail(Error::Internal("the XLSForm converter wrote no XForm"));
  return xml;
}

}  // namespace mobilise::importers

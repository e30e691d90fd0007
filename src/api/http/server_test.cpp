// Real-socket tests of the HTTP server: Serve runs on an ephemeral port in a thread; a plain
// POSIX-socket client speaks HTTP/1.1 to it (no Beast here, to keep this file quick to build).
#include "api/http/server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <thread>
#include <vector>

#include "api/http/metrics.hpp"

namespace mobilise::http {
namespace {

namespace fs = std::filesystem;

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

class Client {
 public:
  explicit Client(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval tv{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  }
  ~Client() { ::close(fd_); }

  void Send(const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      const auto n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;  // the server may close early (413)
      sent += static_cast<std::size_t>(n);
    }
  }

  // Reads one response; status 0 if the connection closed first.
  Reply Read(bool head = false) {
    Reply r;
    std::size_t end;
    while ((end = buf_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return r;
    }
    const std::string header = buf_.substr(0, end);
    buf_.erase(0, end + 4);
    std::size_t pos = header.find("\r\n");
    r.status = std::stoi(header.substr(9, 3));
    while (pos != std::string::npos) {
      const auto next = header.find("\r\n", pos + 2);
      const std::string line = header.substr(pos + 2, next - pos - 2);
      const auto colon = line.find(':');
      std::string name = line.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(c));
      r.headers[name] = line.substr(colon + 2);
      pos = next;
    }
    const std::size_t length = head ? 0 : std::stoul(r.headers["content-length"]);
    while (buf_.size() < length) {
      if (!Fill()) return Reply{};
    }
    r.body = buf_.substr(0, length);
    buf_.erase(0, length);
    return r;
  }

  // True if the server closed the connection (EOF or reset) with nothing more to read.
  bool Closed() { return buf_.empty() && !Fill(); }
  // Closed() that tells a close from the client's own 5 s receive timeout (false then).
  bool ServerClosed() {
    if (!buf_.empty()) return false;
    char chunk[4096];
    const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
  }

 private:
  bool Fill() {
    char chunk[4096];
    const auto n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) return false;
    buf_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }

  int fd_;
  std::string buf_;
};

// Echoes what the app saw; "/api/throw" throws; "/api/slow" sleeps.
Response EchoApp(Request& req) {
  if (req.path == "/api/throw") throw std::runtime_error("boom");
  if (req.path == "/api/slow") std::this_thread::sleep_for(std::chrono::milliseconds(400));
  req.route = req.method + " " + req.path;
  Response r;
  if (req.path == "/api/file" || req.path == "/api/tempfile") {  // the body streamed from big.bin
    r.content_type = "application/octet-stream";
    r.body_file = (fs::temp_directory_path() /
                   ("mobilise_http_test_" + std::to_string(::getpid())) / "big.bin")
                      .string();
    r.remove_body_file = req.path == "/api/tempfile";
    return r;
  }
  r.content_type = "text/plain";
  r.body = req.method + "|" + req.path + "|" + req.Query("q").value_or("-") + "|" + req.remote_ip +
           "|" + req.body;
  if (req.path == "/api/cookie") r.SetHeader("Set-Cookie", "a=1; HttpOnly");
  if (req.path == "/api/inject") r.SetHeader("X-Ok", "1\r\nX-Evil: 1");
  return r;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("mobilise_http_test_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "web" / "assets");
    std::ofstream(root_ / "web" / "index.html") << "<!doctype html><title>app</title>";
    std::ofstream(root_ / "web" / "assets" / "app-1234.js") << "console.log(1)";
    std::ofstream(root_ / "web" / "manifest.webmanifest") << "{}";
    std::ofstream(root_ / "secret.txt") << "secret";
    fs::create_symlink(root_ / "secret.txt", root_ / "web" / "link.txt");
  }

  void TearDown() override {
    if (thread_.joinable()) {
      control_.Stop();
      thread_.join();
    }
    fs::remove_all(root_);
  }

  void Start(ServerOptions options = {}, AppHandler app = EchoApp) {
    options.address = "127.0.0.1";
    options.port = 0;
    options.control = &control_;
    if (options.static_root.empty()) options.static_root = (root_ / "web").string();
    std::promise<unsigned short> listening;
    auto port = listening.get_future();
    thread_ = std::thread([this, options, app, &listening] {
      try {
        Serve(options, app, metrics_, [&](unsigned short p) { listening.set_value(p); });
      } catch (...) {
        listening.set_exception(std::current_exception());
      }
    });
    port_ = port.get();
  }

  Reply Get(const std::string& target, const std::string& extra = "") {
    Client c(port_);
    c.Send("GET " + target + " HTTP/1.1\r\nHost: x\r\n" + extra + "\r\n");
    return c.Read();
  }

  fs::path root_;
  Metrics metrics_;
  ServerControl control_;
  std::thread thread_;
  unsigned short port_ = 0;
};

void ExpectSecurityHeaders(const Reply& r) {
  EXPECT_EQ(r.headers.at("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.headers.at("x-frame-options"), "DENY");
  EXPECT_EQ(r.headers.at("referrer-policy"), "no-referrer");
  const std::string& csp = r.headers.at("content-security-policy");
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos);
}

TEST_F(ServerTest, GetReachesTheAppWithDecodedPathAndQuery) {
  Start();
  const Reply r = Get("/api/v1/a%20b?q=x+y");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "GET|/api/v1/a b|x y|127.0.0.1|");
  EXPECT_EQ(r.headers.at("content-type"), "text/plain");
  EXPECT_EQ(r.headers.at("cache-control"), "no-store");
  ExpectSecurityHeaders(r);
  EXPECT_NE(metrics_.Render("").find(
                R"(mobilise_http_requests_total{route="GET /api/v1/a b",status="200"} 1)"),
            std::string::npos);
}

TEST_F(ServerTest, PostWithBodyAndExtraHeaders) {
  Start();
  Client c(port_);
  c.Send("POST /api/cookie HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world");
  const Reply r = c.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "POST|/api/cookie|-|127.0.0.1|hello world");
  EXPECT_EQ(r.headers.at("set-cookie"), "a=1; HttpOnly");
}

TEST_F(ServerTest, ExpectContinueIsHonoured) {
  Start();
  Client c(port_);
  c.Send("POST /api/x HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(c.Read(/*head=*/true).status, 100);
  c.Send("abc");
  EXPECT_EQ(c.Read().body, "POST|/api/x|-|127.0.0.1|abc");
}

TEST_F(ServerTest, OversizeBodyGets413AndClose) {
  ServerOptions o;
  o.body_limit = 1024;
  Start(o);
  Client c(port_);
  c.Send("POST /api/x HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" +
         std::string(5000, 'a'));
  const Reply r = c.Read();
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(
      r.body,
      R"({"error":{"code":"too_large","message":"request body exceeds 1024 bytes","fields":{},"field_codes":{}}})");
  EXPECT_EQ(r.headers.at("connection"), "close");
  ExpectSecurityHeaders(r);
  EXPECT_TRUE(c.Closed());
}

TEST_F(ServerTest, OversizeChunkedBodyGets413) {
  ServerOptions o;
  o.body_limit = 10;
  Start(o);
  Client c(port_);
  c.Send(
      "POST /api/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "8\r\n12345678\r\n8\r\n12345678\r\n0\r\n\r\n");
  EXPECT_EQ(c.Read().status, 413);
}

TEST_F(ServerTest, HugeHeadersGet431) {
  Start();
  EXPECT_EQ(Get("/api/x", "X-Big: " + std::string(20000, 'b') + "\r\n").status, 431);
}

TEST_F(ServerTest, KeepAliveAndPipelining) {
  Start();
  Client c(port_);
  c.Send(
      "GET /api/one HTTP/1.1\r\nHost: x\r\n\r\nPOST /api/two HTTP/1.1\r\nHost: x\r\n"
      "Content-Length: 2\r\n\r\nhi");
  EXPECT_EQ(c.Read().body, "GET|/api/one|-|127.0.0.1|");
  EXPECT_EQ(c.Read().body, "POST|/api/two|-|127.0.0.1|hi");
  c.Send("GET /api/three HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const Reply r = c.Read();
  EXPECT_EQ(r.body, "GET|/api/three|-|127.0.0.1|");
  EXPECT_EQ(r.headers.at("connection"), "close");
  EXPECT_TRUE(c.Closed());
}

TEST_F(ServerTest, InvalidTargetsGet400WithoutTheApp) {
  Start();
  for (const char* target : {"/api/%FF", "/api/x?q=%C0%AF", "/api/%00", "/%FF.js", "*"}) {
    const Reply r = Get(target);
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_NE(r.body.find(R"("code":"validation")"), std::string::npos) << target;
    ExpectSecurityHeaders(r);
  }
  EXPECT_EQ(metrics_.Render("").find("route=\"GET"), std::string::npos);
}

TEST_F(ServerTest, HandlerExceptionGives500) {
  Start();
  const Reply r = Get("/api/throw");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(
      r.body,
      R"({"error":{"code":"internal","message":"internal error","fields":{},"field_codes":{}}})");
  EXPECT_NE(metrics_.Render("").find(R"(route="unmatched",status="500"} 1)"), std::string::npos);
}

TEST_F(ServerTest, StaticFilesAndSpaFallback) {
  Start();
  Reply r = Get("/assets/app-1234.js");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "console.log(1)");
  EXPECT_EQ(r.headers.at("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(r.headers.at("cache-control"), "public, max-age=31536000, immutable");
  ExpectSecurityHeaders(r);

  r = Get("/manifest.webmanifest");
  EXPECT_EQ(r.headers.at("content-type"), "application/manifest+json");
  EXPECT_EQ(r.headers.at("cache-control"), "no-cache");

  for (const char* spa : {"/", "/areas/01HX/edit", "/assets"}) {
    r = Get(spa);
    EXPECT_EQ(r.status, 200) << spa;
    EXPECT_EQ(r.body, "<!doctype html><title>app</title>") << spa;
    EXPECT_EQ(r.headers.at("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(r.headers.at("cache-control"), "no-cache");
  }
  EXPECT_EQ(Get("/missing.png").status, 404);
  EXPECT_EQ(Get("/assets/missing.js").status, 404);

  Client c(port_);
  c.Send("HEAD /assets/app-1234.js HTTP/1.1\r\nHost: x\r\n\r\n");
  r = c.Read(/*head=*/true);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers.at("content-length"), "14");
  c.Send("POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
  EXPECT_EQ(c.Read().status, 405);
  EXPECT_NE(metrics_.Render("").find(R"(route="static",status="200"})"), std::string::npos);
}

TEST_F(ServerTest, PathTraversalIsRefused) {
  Start();
  for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt",
                             "/assets/%2E%2E/%2E%2E/secret.txt", "/link.txt"}) {
    const Reply r = Get(target);
    EXPECT_NE(r.status, 200) << target;
    EXPECT_EQ(r.body.find("secret"), std::string::npos) << target;
  }
}

TEST_F(ServerTest, StopFinishesInFlightRequestsAndReturns) {
  Start();
  Client idle(port_);
  idle.Send("GET /api/a HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(idle.Read().status, 200);
  Client busy(port_);
  busy.Send("GET /api/slow HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  control_.Stop();
  const Reply r = busy.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers.at("connection"), "close");
  EXPECT_TRUE(idle.Closed());
  thread_.join();  // Serve returned
}

TEST_F(ServerTest, SlowClientsTimeOut) {
  ServerOptions o;
  o.idle_timeout_seconds = 1;
  Start(o);
  Client c(port_);
  c.Send("GET /api/x HTTP/1.1\r\nHost: x\r\n");  // never finished
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(c.Closed());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST_F(ServerTest, UnsafeAppHeadersAreDropped) {
  Start();
  const Reply r = Get("/api/inject");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers.count("x-evil"), 0u);
}

TEST_F(ServerTest, FileBodiesAreStreamedWholeAndTemporaryOnesRemoved) {
  std::string content(3 * 1024 * 1024 + 17, '\0');
  for (std::size_t i = 0; i < content.size(); ++i) content[i] = static_cast<char>(i * 7919 % 251);
  std::ofstream(root_ / "big.bin", std::ios::binary) << content;
  Start();
  Client c(port_);
  c.Send("HEAD /api/file HTTP/1.1\r\nHost: x\r\n\r\n");
  const Reply head = c.Read(/*head=*/true);
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.headers.at("content-length"), std::to_string(content.size()));
  c.Send("GET /api/file HTTP/1.1\r\nHost: x\r\n\r\n");  // the same connection goes on
  const Reply r = c.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers.at("content-type"), "application/octet-stream");
  EXPECT_EQ(r.body.size(), content.size());
  EXPECT_TRUE(r.body == content);
  ExpectSecurityHeaders(r);
  EXPECT_TRUE(fs::exists(root_ / "big.bin"));

  const Reply t = Get("/api/tempfile");
  EXPECT_EQ(t.status, 200);
  EXPECT_TRUE(t.body == content);
  EXPECT_FALSE(fs::exists(root_ / "big.bin"));  // removed with its response

  const Reply gone = Get("/api/file");  // a body file that cannot be opened: 500, no crash
  EXPECT_EQ(gone.status, 500);
  EXPECT_NE(gone.body.find("internal"), std::string::npos);
}

TEST_F(ServerTest, SigtermStopsServe) {
  Start();
  EXPECT_EQ(Get("/api/x").status, 200);
  std::raise(SIGTERM);  // handled by Serve's signal_set, which exists while it runs
  thread_.join();
}

// Overload and framing (issue 15).

TEST_F(ServerTest, TheScreenAnswersAndLimitsFromTheHeadersBeforeTheBody) {
  ServerOptions o;
  o.upload_body_limit = 100 << 20;
  o.screen = [](Request& head) {
    Admission a;
    if (head.path == "/api/nope/import")
      a.reject = Response{404, "text/plain", "no", {}, "", false};
    if (head.path == "/api/files") a.body_limit = 100;
    return a;
  };
  Start(o);
  Client c(port_);  // 50 MiB announced, none sent: answered without waiting for it
  c.Send("POST /api/nope/import HTTP/1.1\r\nHost: x\r\nContent-Length: 52428800\r\n\r\n");
  const Reply r = c.Read();
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, "no");
  EXPECT_EQ(r.headers.at("connection"), "close");
  Client over(port_);  // the route's own limit, from Content-Length
  over.Send("POST /api/files HTTP/1.1\r\nHost: x\r\nContent-Length: 101\r\n\r\n");
  EXPECT_EQ(over.Read().status, 413);
  Client within(port_);
  within.Send("POST /api/files HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" +
              std::string(100, 'f'));
  EXPECT_EQ(within.Read().status, 200);
}

TEST_F(ServerTest, ASteadyTrickleCompletesAnIdleOneIsClosed) {
  ServerOptions o;
  o.idle_timeout_seconds = 2;
  Start(o);
  Client slow(port_);  // 25 bytes over about 5 s: never 2 s without a byte
  slow.Send("POST /api/x HTTP/1.1\r\nHost: x\r\nContent-Length: 25\r\n\r\n");
  for (int i = 0; i < 25; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    slow.Send("a");
  }
  const Reply r = slow.Read();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "POST|/api/x|-|127.0.0.1|" + std::string(25, 'a'));
  Client idle(port_);  // stops half-way: closed after 2 s idle, before the client's 5 s
  idle.Send("POST /api/x HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
  EXPECT_TRUE(idle.ServerClosed());
}

TEST_F(ServerTest, ABodyLongerThanTheTotalCapIsClosed) {
  ServerOptions o;
  o.idle_timeout_seconds = 2;
  o.body_timeout_seconds = 1;
  Start(o);
  Client slow(port_);  // steady, but 25 bytes over 5 s against a 1 s cap
  slow.Send("POST /api/x HTTP/1.1\r\nHost: x\r\nContent-Length: 25\r\n\r\n");
  for (int i = 0; i < 25; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    slow.Send("a");
  }
  EXPECT_EQ(slow.Read().status, 0);
}

TEST_F(ServerTest, TransferEncodingOtherThanALoneChunkedIs400AndClose) {
  Start();
  for (const std::string framing :
       {"Transfer-Encoding: gzip, chunked\r\n", "Transfer-Encoding: identity\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 10\r\n",
        "Content-Length: 10\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"}) {
    Client c(port_);
    c.Send("POST /api/x HTTP/1.1\r\nHost: x\r\n" + framing + "\r\n5\r\nhello\r\n0\r\n\r\n");
    const Reply r = c.Read();
    EXPECT_EQ(r.status, 400) << framing;
    EXPECT_EQ(r.headers.count("connection") ? r.headers.at("connection") : "", "close") << framing;
    EXPECT_TRUE(c.ServerClosed()) << framing;
  }
  Client ok(port_);
  ok.Send(
      "POST /api/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked "
      "\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
  EXPECT_EQ(ok.Read().body, "POST|/api/x|-|127.0.0.1|hello");
}

TEST_F(ServerTest, IdleSocketsAtTheCapMakeRoomForANewClient) {
  ServerOptions o;
  o.max_connections = 4;
  o.idle_timeout_seconds = 60;
  Start(o);
  std::vector<std::unique_ptr<Client>> idle;
  for (int i = 0; i < 12; ++i) idle.push_back(std::make_unique<Client>(port_));
  EXPECT_EQ(Get("/api/x").status, 200);
  EXPECT_TRUE(idle.front()->ServerClosed());  // the longest idle went first
}

TEST_F(ServerTest, ConnectionsBeyondThePerAddressCapAreRefused) {
  ServerOptions o;
  o.max_connections_per_address = 2;
  Start(o);
  Client a(port_), b(port_);
  for (Client* c : {&a, &b}) {  // both in use (keep-alive)
    c->Send("GET /api/x HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(c->Read().status, 200);
  }
  Client third(port_);
  third.Send("GET /api/x HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(third.Read().status, 0);
  a.Send("GET /api/x HTTP/1.1\r\nHost: x\r\n\r\n");  // the first two still served
  EXPECT_EQ(a.Read().status, 200);
}

TEST_F(ServerTest, ABlockingHandlerHoldsNoIoThread) {
  std::promise<void> entered, release;
  auto released = release.get_future().share();
  ServerOptions o;
  o.threads = 1;
  o.handler_threads = 2;
  Start(o, [&entered, released](Request& req) {
    if (req.path == "/api/block") {
      entered.set_value();
      released.wait();
    }
    return EchoApp(req);
  });
  Client blocked(port_);
  blocked.Send("GET /api/block HTTP/1.1\r\nHost: x\r\n\r\n");
  entered.get_future().wait();
  EXPECT_EQ(Get("/api/x").status, 200);  // inline on the one I/O thread, this would wait
  release.set_value();
  EXPECT_EQ(blocked.Read().status, 200);
}

TEST(Serve, StopBeforeListeningReturnsAndBindFailureThrows) {
  Metrics metrics;
  ServerControl control;
  control.Stop();
  ServerOptions o;
  o.port = 0;
  o.control = &control;
  unsigned short port = 0;
  Serve(o, EchoApp, metrics, [&](unsigned short p) { port = p; });
  EXPECT_NE(port, 0);
  o.address = "203.0.113.1";  // not a local address
  EXPECT_THROW(Serve(o, EchoApp, metrics, nullptr), std::runtime_error);
}

}  // namespace
}  // namespace mobilise::http

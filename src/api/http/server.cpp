// The only translation unit that includes Beast/Asio (it takes ~30 s to compile).
#include "api/http/server.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <csignal>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include "api/http/connections.hpp"
#include "api/http/error_body.hpp"
#include "api/http/exchange.hpp"
#include "api/http/metrics.hpp"

namespace mobilise::http {

namespace {

namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr auto kLingerTime = std::chrono::seconds(2);
const std::string kUnmatched = "unmatched";

class Session;

// State shared by all connections of one Serve call.
struct Shared {
  const ServerOptions& options;
  Responder responder;
  Metrics& metrics;
  ConnectionBook book;
  net::thread_pool& workers;
  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::unordered_map<std::uint64_t, Session*> sessions;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  // `id` is booked in shared.book (by the listener); the session removes it when it ends.
  Session(tcp::socket&& socket, Shared& shared, std::uint64_t id, std::string remote_ip)
      : stream_(std::move(socket)), shared_(shared), id_(id), remote_ip_(std::move(remote_ip)) {
    beast::error_code ec;
    stream_.socket().set_option(tcp::no_delay(true), ec);
    std::lock_guard lock(shared_.sessions_mutex);
    shared_.sessions[id_] = this;
  }

  ~Session() {
    shared_.book.Remove(id_);
    std::lock_guard lock(shared_.sessions_mutex);
    shared_.sessions.erase(id_);
  }

  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->DoRead(); });
  }

  // Called (on any thread) when the server stops: closes the connection if it waits for a new
  // request; one that is mid-request finishes it and closes after the response.
  // Also used to make room for a new connection (Listener::Accept).
  void StopIfIdle() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->parser_) return self->DoClose();  // before its first read
      if (self->reading_ && !self->parser_->got_some() && self->buffer_.size() == 0) {
        self->stream_.cancel();
      }
    });
  }

 private:
  std::chrono::seconds Timeout() const {
    return std::chrono::seconds(std::max(1, shared_.options.idle_timeout_seconds));
  }

  void DoRead() {
    if (shared_.stopping) return DoClose();
    parser_.emplace();
    // No body until the screener has set the limit (OnHeader).
    limit_ = 0;
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    parser_->header_limit(static_cast<std::uint32_t>(shared_.options.header_limit));
    reading_ = true;
    shared_.book.SetWaiting(id_, true);
    const bool near_cap = shared_.book.NearCap();
    stream_.expires_after(
        near_cap ? std::chrono::seconds(std::max(1, shared_.options.near_cap_idle_seconds))
                 : Timeout());
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, std::size_t) {
    shared_.book.SetWaiting(id_, false);
    if (ec) return OnReadError(ec);
    started_ = Clock::now();
    const auto& fields = parser_->get();
    if (RefusedFraming(fields.count(bhttp::field::transfer_encoding),
                       fields.count(bhttp::field::content_length) > 0,
                       fields[bhttp::field::transfer_encoding])) {
      reading_ = false;
      return SendError(400, "validation", "unsupported Transfer-Encoding or framing");
    }
    Request head = ToRequest(parser_->get());
    Admission admission = shared_.responder.Screen(head);
    limit_ = admission.body_limit;
    if (admission.reject && !parser_->is_done()) {
      reading_ = false;
      unread_input_ = true;
      return Send(std::move(*admission.reject), true, false, false, kUnmatched);
    }
    if (const auto length = parser_->content_length(); length && *length > limit_)
      return OnReadError(bhttp::error::body_limit);
    parser_->body_limit(limit_);
    if (parser_->is_done()) return Handle();
    const auto expect = parser_->get()[bhttp::field::expect];
    if (beast::iequals(expect, "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared_from_this()](beast::error_code ec, std::size_t) {
                         if (ec) return self->DoClose();
                         self->ReadBody();
                       });
      return;
    }
    ReadBody();
  }

  // The body a piece at a time: each piece must come within the idle timeout, the whole body
  // within body_timeout_seconds of its headers.
  void ReadBody() {
    body_deadline_ = started_ + std::chrono::seconds(shared_.options.body_timeout_seconds);
    ReadBodyPiece();
  }

  void ReadBodyPiece() {
    stream_.expires_at(std::min(Clock::now() + Timeout(), body_deadline_));
    bhttp::async_read_some(stream_, buffer_, *parser_,
                           [self = shared_from_this()](beast::error_code ec, std::size_t) {
                             if (ec) return self->OnReadError(ec);
                             if (!self->parser_->is_done()) return self->ReadBodyPiece();
                             self->Handle();
                           });
  }

  void OnReadError(beast::error_code ec) {
    reading_ = false;
    started_ = Clock::now();
    if (ec == bhttp::error::body_limit) {
      return SendError(413, "too_large",
                       "request body exceeds " + std::to_string(limit_) + " bytes");
    }
    if (ec == bhttp::error::header_limit) {
      return SendError(431, "too_large", "request headers too large");
    }
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
        ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message &&
        ec != bhttp::error::need_more) {
      return SendError(400, "validation", "malformed HTTP request");
    }
    DoClose();  // end of stream, timeout, reset, stop
  }

  void SendError(int status, std::string_view code, const std::string& message) {
    Response resp = ErrorResponse(status, code, message);
    unread_input_ = true;  // e.g. the rest of an oversize body
    Send(std::move(resp), /*api=*/true, /*head=*/false, /*keep_alive=*/false, kUnmatched);
  }

  // The app runs on the worker pool; the answer is sent from the connection's strand.
  void Handle() {
    reading_ = false;
    bhttp::request<bhttp::string_body> breq = parser_->release();
    Request req = ToRequest(breq);
    req.body = std::move(breq.body());
    const bool head = breq.method() == bhttp::verb::head;
    const bool keep_alive = breq.keep_alive();
    auto strand = stream_.get_executor();
    net::post(shared_.workers, [self = shared_from_this(), req = std::move(req), head, keep_alive,
                                strand, work = net::make_work_guard(strand)]() mutable {
      auto answer = std::make_shared<Answer>(self->shared_.responder.Respond(req));
      net::post(strand, [self, answer, head, keep_alive] {
        self->Send(std::move(answer->response), answer->api, head,
                   keep_alive && !self->shared_.stopping, answer->route);
      });
    });
  }

  Request ToRequest(const bhttp::request<bhttp::string_body>& breq) const {
    Request req;
    req.method = breq.method_string();
    req.target = breq.target();
    req.remote_ip = remote_ip_;
    for (const auto& field : breq) req.AddHeader(field.name_string(), field.value());
    return req;
  }

  // The headers every response carries, then the app's own (exchange.hpp).
  template <class Message>
  void SetHeaders(Message& res, const Response& resp, bool api, bool keep_alive) {
    res.version(11);
    res.result(static_cast<unsigned>(resp.status));
    for (const auto& [name, value] : HeaderFields(resp, api, shared_.options.hsts))
      res.insert(name, value);
    res.keep_alive(keep_alive);
  }

  void Send(Response&& resp, bool api, bool head, bool keep_alive, const std::string& route) {
    if (resp.status < 100 || resp.status > 599) resp.status = 500;
    std::optional<bhttp::file_body::value_type> file;
    if (!resp.body_file.empty()) {
      beast::error_code ec;
      file.emplace();
      file->open(resp.body_file.c_str(), beast::file_mode::scan, ec);
      if (resp.remove_body_file) ::unlink(resp.body_file.c_str());
      if (ec) {
        spdlog::error("cannot open a response body file: {}", ec.message());
        file.reset();
        resp = ErrorResponse(500, "internal", "internal error");
      }
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    shared_.metrics.Record(route, resp.status, seconds);
    if (file && !head) return SendFile(std::move(*file), resp, api, keep_alive);

    res_ = {};
    SetHeaders(res_, resp, api, keep_alive);
    if (resp.status == 204 || resp.status == 304 || resp.status < 200) resp.body.clear();
    if (head) {
      res_.content_length(file ? file->size() : resp.body.size());
    } else {
      res_.body() = std::move(resp.body);
      res_.prepare_payload();
    }
    stream_.expires_after(Timeout());
    bhttp::async_write(stream_, res_,
                       [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
                         if (ec) return self->DoClose();
                         self->AfterWrite(keep_alive);
                       });
  }

  // A file body goes out a chunk at a time; the timeout restarts with each chunk, so a slow
  // but live phone gets a large export while a stalled one is dropped.
  void SendFile(bhttp::file_body::value_type&& file, const Response& resp, bool api,
                bool keep_alive) {
    file_res_.emplace();
    SetHeaders(*file_res_, resp, api, keep_alive);
    file_res_->body() = std::move(file);
    file_res_->prepare_payload();
    serializer_.emplace(*file_res_);
    WriteFileChunk(keep_alive);
  }

  void WriteFileChunk(bool keep_alive) {
    stream_.expires_after(Timeout());
    bhttp::async_write_some(
        stream_, *serializer_,
        [self = shared_from_this(), keep_alive](beast::error_code ec, std::size_t) {
          if (ec) {
            self->serializer_.reset();
            self->file_res_.reset();
            return self->DoClose();
          }
          if (!self->serializer_->is_done()) return self->WriteFileChunk(keep_alive);
          self->serializer_.reset();
          self->file_res_.reset();
          self->AfterWrite(keep_alive);
        });
  }

  void AfterWrite(bool keep_alive) {
    if (!keep_alive) {
      if (unread_input_ || buffer_.size() > 0) return DoLingeringClose();
      return DoClose();
    }
    DoRead();
  }

  // After a "Connection: close" response when the client may still be sending (the rest of an
  // oversize body, pipelined requests): send FIN, then read and drop its input for a short
  // while, so that closing with unread data does not reset the connection (RST) before the
  // client has read our response.
  void DoLingeringClose() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return DoClose();
    buffer_.clear();
    linger_until_ = Clock::now() + kLingerTime;
    Drain();
  }

  void Drain() {
    stream_.expires_at(linger_until_);
    stream_.async_read_some(buffer_.prepare(16 * 1024),
                            [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->DoClose();
                              self->Drain();
                            });
  }

  void DoClose() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  Shared& shared_;
  const std::uint64_t id_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bhttp::response<bhttp::string_body> res_;
  std::optional<bhttp::response<bhttp::file_body>> file_res_;
  std::optional<bhttp::response_serializer<bhttp::file_body>> serializer_;
  std::string remote_ip_;
  Clock::time_point started_;
  Clock::time_point linger_until_;
  Clock::time_point body_deadline_;
  bool reading_ = false;
  std::size_t limit_ = 0;  // body limit of the request being read
  bool unread_input_ = false;
};

class Listener {
 public:
  Listener(net::io_context& ioc, Shared& shared)
      : ioc_(ioc),
        shared_(shared),
        strand_(net::make_strand(ioc)),
        acceptor_(strand_),
        retry_(strand_),
        signals_(strand_, SIGINT, SIGTERM) {}

  void WatchSignals() {
    signals_.async_wait([this](beast::error_code ec, int signal) {
      if (ec) return;
      spdlog::info("signal {} received: stopping", signal);
      Stop();
    });
  }

  unsigned short Bind(const std::string& address, unsigned short port) {
    beast::error_code ec;
    tcp::resolver resolver(ioc_);
    auto results = resolver.resolve(address, std::to_string(port), ec);
    if (ec || results.empty()) {
      throw std::runtime_error("cannot resolve listen address " + address + ": " + ec.message());
    }
    const tcp::endpoint endpoint = results.begin()->endpoint();
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
      throw std::runtime_error("cannot listen on " + address + ":" + std::to_string(port) + ": " +
                               ec.message());
    }
    return acceptor_.local_endpoint().port();
  }

  void Accept() {
    acceptor_.async_accept(net::make_strand(ioc_), [this](beast::error_code ec, tcp::socket s) {
      if (ec == net::error::operation_aborted || shared_.stopping) return;
      if (ec) {
        spdlog::warn("accept failed: {}", ec.message());  // e.g. out of file descriptors
        retry_.expires_after(std::chrono::milliseconds(50));
        retry_.async_wait([this](beast::error_code ec) {
          if (!ec && !shared_.stopping) Accept();
        });
        return;
      }
      Admit(std::move(s));
      Accept();
    });
  }

  // Books the connection (connections.hpp): refused beyond the caps, or admitted after closing
  // the connection that has waited longest for a request.
  void Admit(tcp::socket&& socket) {
    beast::error_code ec;
    const auto endpoint = socket.remote_endpoint(ec);
    std::string ip = ec ? std::string() : endpoint.address().to_string();
    const std::uint64_t id = ++next_id_;
    const auto admission = shared_.book.Admit(id, ip);
    if (!admission.admitted) {
      spdlog::warn("connection from {} refused: too many connections", ip);
      socket.close(ec);
      return;
    }
    if (admission.evict != 0) {
      std::shared_ptr<Session> idle;
      {
        std::lock_guard lock(shared_.sessions_mutex);
        auto it = shared_.sessions.find(admission.evict);
        if (it != shared_.sessions.end()) idle = it->second->weak_from_this().lock();
      }
      if (idle) idle->StopIfIdle();
    }
    std::make_shared<Session>(std::move(socket), shared_, id, std::move(ip))->Start();
  }

  // Graceful stop; safe to call from any thread, more than once.
  void Stop() {
    net::post(strand_, [this] {
      if (shared_.stopping.exchange(true)) return;
      beast::error_code ec;
      acceptor_.close(ec);
      retry_.cancel();
      signals_.cancel();
      std::vector<std::shared_ptr<Session>> live;
      {
        std::lock_guard lock(shared_.sessions_mutex);
        for (auto& [id, s] : shared_.sessions) {
          if (auto p = s->weak_from_this().lock()) live.push_back(std::move(p));
        }
      }
      for (auto& s : live) s->StopIfIdle();
    });
  }

 private:
  net::io_context& ioc_;
  Shared& shared_;
  net::strand<net::io_context::executor_type> strand_;
  tcp::acceptor acceptor_;
  net::steady_timer retry_;
  net::signal_set signals_;
  std::uint64_t next_id_ = 0;  // on the strand
};

void RunLoop(net::io_context& ioc) {
  for (;;) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {
      spdlog::error("unexpected exception in the HTTP server loop: {}", e.what());
    }
  }
}

}  // namespace

void Serve(const ServerOptions& options, AppHandler app, Metrics& metrics,
           std::function<void(unsigned short port)> on_listening) {
  const int threads = std::max(1, options.threads);
  net::io_context ioc(threads);
  net::thread_pool workers(static_cast<std::size_t>(std::max(1, options.handler_threads)));
  Shared shared{
      options,
      Responder(std::move(app), options.static_root, options.screen, options.body_limit,
                options.upload_body_limit),
      metrics,
      ConnectionBook(ConnectionCap(options.max_connections), options.max_connections_per_address),
      workers,
      {},
      {},
      {}};

  Listener listener(ioc, shared);
  const unsigned short port = listener.Bind(options.address, options.port);
  if (on_listening) on_listening(port);

  listener.WatchSignals();
  if (options.control) options.control->Attach([&listener] { listener.Stop(); });

  listener.Accept();
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (int i = 1; i < threads; ++i) pool.emplace_back([&ioc] { RunLoop(ioc); });
  RunLoop(ioc);
  for (auto& t : pool) t.join();
  workers.join();
  if (options.control) options.control->Detach();
}

}  // namespace mobilise::http

#include <mutex>

#include "api/http/server.hpp"

namespace mobilise::http {

void ServerControl::Stop() {
  std::lock_guard lock(mutex_);
  stop_requested_ = true;
  if (stopper_) stopper_();
}

void ServerControl::Attach(std::function<void()> stopper) {
  std::lock_guard lock(mutex_);
  stopper_ = std::move(stopper);
  if (stop_requested_) stopper_();
}

void ServerControl::Detach() {
  std::lock_guard lock(mutex_);
  stopper_ = nullptr;
}

}  // namespace mobilise::http

// `mobilise serve`: opens and migrates the database, wires services and API, and serves HTTP
// until SIGINT/SIGTERM.
#pragma once

#include "app/config.hpp"

namespace mobilise::app {

int RunServer(const Config& config, const std::string& version);

}  // namespace mobilise::app

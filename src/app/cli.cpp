#include "app/cli.hpp"

namespace mobilise::app {
int RunCli(int, char**, const char*) { return 0; }
}  // namespace mobilise::app

// The command line: serve | migrate | demo | user ... | backup | restore | --version | --help.
#pragma once

namespace mobilise::app {

// Returns the process exit code. Catches every exception and reports it without personal data.
int RunCli(int argc, char** argv, const char* version);

}  // namespace mobilise::app

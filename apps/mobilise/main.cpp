// The `mobilise` command: thin; everything happens in app/.
#include "app/cli.hpp"

int main(int argc, char** argv) { return mobilise::app::RunCli(argc, argv, MOBILISE_VERSION); }

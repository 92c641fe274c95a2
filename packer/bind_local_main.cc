// jspack-bind-local LIBRARY EXECUTABLE OUTPUT: a build tool that writes the
// pre-resolved copy of LIBRARY for EXECUTABLE (see bind_local.h).
#include <cstdio>

#include "packer/bind_local.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: jspack-bind-local LIBRARY EXECUTABLE OUTPUT\n");
    return 2;
  }
  jspack::packer::BindLocalStats stats;
  jspack::packer::Status status =
      jspack::packer::BindLocal(argv[1], argv[2], argv[3], &stats);
  if (!status.ok()) {
    fprintf(stderr, "jspack-bind-local: error: %s\n", status.Message().c_str());
    return 1;
  }
  printf("%s: %zu relocations pre-resolved, %zu left to the dynamic linker\n",
         argv[3], stats.converted, stats.kept);
  return 0;
}

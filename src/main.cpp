// factory-assess: the command-line entry point. Everything happens in cli/.
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return fa::RunCommandLine(args, std::cout, std::cerr);
}

// `chorus eval summarize`: placeholder until the dataset readers land.
#include <iostream>

#include "commands.h"

namespace chorus::cli {

Runner add_eval_summarize_command(CLI::App& eval) {
  eval.add_subcommand("summarize", "Run chorus on a dataset and score it with ROUGE");
  return []() {
    std::cerr << "chorus: eval summarize is not built yet\n";
    return int{kExitFailure};
  };
}

}  // namespace chorus::cli

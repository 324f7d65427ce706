#pragma once
#include "data/source/Dataset.h"

#include <string>

namespace ulmfit {

/// A small text table of files per split and label (plus empty files), for the CLI and logs:
///   split      neg     pos   total
///   train    12500   12500   25000
std::string describeDataset(const DatasetIndex& index);

} // namespace ulmfit

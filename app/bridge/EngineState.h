#pragma once
// Internal to app/bridge .cpp files: engine types held between jobs on the dataset worker.
#include "data/corpus/Corpus.h"
#include "data/source/Dataset.h"
#include "ui/types/DatasetInfo.h"
#include "ui/types/ShownBatch.h"

#include <memory>
#include <optional>

struct EngineState {
    std::optional<ulmfit::DatasetIndex> index;
    std::shared_ptr<const ulmfit::Corpus> corpus; // built on the first batch request
    int draws = 0;                                // "another batch" counter, seeds the next draw
};

/// Copies a scan result into the UI's value type (split/label strings shared between entries).
ulmfit::ui::DatasetInfo toDatasetInfo(const ulmfit::DatasetIndex& index);

/// fastai's show_batch over a fresh draw of the LM or classifier data loader; `draw` picks the
/// epoch and batch so each "Another batch" differs but is reproducible.
ulmfit::ui::ShownBatch drawBatch(const ulmfit::Corpus& corpus, ulmfit::ui::BatchKind kind, int rows,
                                 int draw);

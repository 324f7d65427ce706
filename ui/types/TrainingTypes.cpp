#include "types/TrainingTypes.h"

namespace ulmfit::ui {

void registerTrainingMetaTypes() {
    qRegisterMetaType<BatchPoint>();
    qRegisterMetaType<QVector<BatchPoint>>();
    qRegisterMetaType<EpochRow>();
    qRegisterMetaType<StageInfo>();
    qRegisterMetaType<RunPlan>();
    qRegisterMetaType<LrFinderCurve>();
}

} // namespace ulmfit::ui

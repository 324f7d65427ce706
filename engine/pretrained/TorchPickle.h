#pragma once
#include "pretrained/PickleReader.h"

#include <functional>
#include <string>

namespace ulmfit::pickle {

/// What a storage reference in a torch.save pickle names: its key (the zip record data/<key>
/// or the legacy file's storage key), element type and length.
struct StorageRef {
    std::string key;
    at::ScalarType dtype = at::kFloat;
    std::int64_t numel = 0;
};

/// Returns the flat tensor over the whole storage `ref` names (the same tensor for the same key,
/// so tensors that share storage in the file share it in memory).
using StorageLoader = std::function<torch::Tensor(const StorageRef& ref)>;

/// The hooks of a restricted torch.load: the handful of globals a state dict pickle names
/// (collections.OrderedDict, torch._utils._rebuild_tensor_v2 / _rebuild_tensor /
/// _rebuild_parameter, torch.<Type>Storage, torch.jit._pickle.restore_type_tag) are interpreted
/// here, never imported; any other global, and BUILD on anything but an OrderedDict, is refused
/// with ulmfit::Error naming it. Storage ids go to `loadStorage`.
Hooks torchStateDictHooks(const std::string& source, StorageLoader loadStorage);

} // namespace ulmfit::pickle

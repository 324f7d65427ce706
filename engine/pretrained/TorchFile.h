#pragma once
#include "pretrained/StateDict.h"

#include <filesystem>

namespace ulmfit {

/// Reads a state dict saved by Python's torch.save, in either format: the zip format (PyTorch
/// >= 1.6; the container is read with LibTorch's own PyTorchStreamReader) or the legacy one
/// (magic number, protocol, sys_info, the pickled object, storage keys, raw storages). LibTorch
/// cannot read the latter at all, and its unpickler (torch::jit::pickle_load) stops at the
/// BUILD opcode a Module.state_dict() pickle carries for its _metadata, so both pickles go
/// through the restricted unpickler of TorchPickle.h: nothing is ever executed.
/// fastai's learn.save(with_opt=True) files ({"model": ..., "opt": ...}) give the "model" part.
/// Throws ulmfit::Error with one line for a missing, truncated or damaged file, a zip without a
/// record it needs, an object that is not a state dict, or a refused Python object.
StateDict readTorchStateDict(const std::filesystem::path& path);

/// Writes `stateDict` in torch.save's zip format with LibTorch's torch::jit::pickle_save, so
/// Python's torch.load reads it (as a dict, keys in this order; tensors that share storage here
/// share it there). Tensors are saved from the CPU. Written atomically.
void writeTorchStateDict(const std::filesystem::path& path, const StateDict& stateDict);

} // namespace ulmfit

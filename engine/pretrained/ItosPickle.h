#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ulmfit {

/// fastai's vocabulary file (itos_wt103.pkl, itos.pkl): a pickle of a list of str. Read with a
/// strict reader: pickle protocols 2 to 5, a list whose items are all str, and nothing else; a
/// pickle that would import or call anything (GLOBAL, STACK_GLOBAL, REDUCE, BUILD, INST, OBJ,
/// ...) is refused with ulmfit::Error before anything could run. Tokens come back exactly as
/// listed (order and duplicates kept).
std::vector<std::string> readItosPickle(const std::filesystem::path& path);
/// The same from bytes; `source` names them in errors.
std::vector<std::string> parseItosPickle(std::string_view bytes, const std::string& source);

/// Writes `itos` as Python's pickle.dump(list_of_str, protocol=2) would: readable by
/// pickle.load and fastai's load_pickle. Written atomically.
void writeItosPickle(const std::filesystem::path& path, const std::vector<std::string>& itos);
std::string itosPickleBytes(const std::vector<std::string>& itos);

} // namespace ulmfit

#pragma once
#include <string>
#include <string_view>

// fastai's default pre-tokenization rules (defaults.text_proc_rules in fastai/text/core.py),
// each a hand-written scanner that reproduces the Python regex/str semantics exactly:
//
//   fix_html          sequential str.replace()s, then html.unescape()
//   replace_rep       (\S)(\1{2,})                           -> " xxrep N c "
//   replace_wrep      (?:\s|^)(\w+)\s+((?:\1\s+)+)\1(\s|\W|$) -> " xxwrep N w e"
//   spec_add_spaces   ([/#\\])                               -> " \1 "
//   rm_useless_spaces ' {2,}'                                -> ' '
//   replace_all_caps  (\s|^)([A-Z]+[^a-z\s]*)(?=(\s|$))      -> "xxup " + lower (if len > 1)
//   replace_maj       (\s|^)([A-Z][^A-Z\s]*)(?=(\s|$))       -> "xxmaj " + lower (if len > 1)
//   lowercase         "xxbos " + t.lower().strip()
//
// Every rule has a value-returning form and an `out`-parameter form that reuses the caller's
// buffer (`out` must not alias `text`).
namespace ulmfit::text {

std::string fixHtml(std::string_view text);
std::string replaceRep(std::string_view text);
std::string replaceWrep(std::string_view text);
std::string specAddSpaces(std::string_view text);
std::string rmUselessSpaces(std::string_view text);
std::string replaceAllCaps(std::string_view text);
std::string replaceMaj(std::string_view text);
std::string lowercase(std::string_view text);

void fixHtml(std::string_view text, std::string& out);
void replaceRep(std::string_view text, std::string& out);
void replaceWrep(std::string_view text, std::string& out);
void specAddSpaces(std::string_view text, std::string& out);
void rmUselessSpaces(std::string_view text, std::string& out);
void replaceAllCaps(std::string_view text, std::string& out);
void replaceMaj(std::string_view text, std::string& out);
void lowercase(std::string_view text, std::string& out);

/// replace_all_caps, replace_maj and lowercase in one pass (same result as the three in turn).
void applyCaseRules(std::string_view text, std::string& out);

/// spec_add_spaces then rm_useless_spaces in one pass (same result as the two in turn).
void addSpacesAroundSpecials(std::string_view text, std::string& out);

/// Python's html.unescape(): numeric references and the common named entities
/// (all of HTML's legacy Latin-1 set plus typographic ones; see HtmlUnescape.cpp).
std::string htmlUnescape(std::string_view text);
void htmlUnescape(std::string_view text, std::string& out);

/// The 8 rules in fastai's order.
std::string applyRules(std::string_view text);

/// Same, ping-ponging between `out` and `scratch` so repeated calls allocate nothing (`text`
/// must not alias `out`). A rule that changes nothing costs no copy.
void applyRules(std::string_view text, std::string& out, std::string& scratch);

} // namespace ulmfit::text

// The exception table is generated the way spaCy generates it (pronoun/verb contraction
// loops, title-case variants, the _exclude list), so it stays small and auditable here.
#include "data/text/SpecialCases.h"
#include "data/text/SpecialTokens.h"

#include <initializer_list>
#include <sstream>

namespace ulmfit::text {
namespace {

using Tokens = std::vector<std::string>;

std::string title(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z')
        s[0] = static_cast<char>(s[0] - 32);
    return s;
}

class Builder {
public:
    SpecialCaseTable table;

    void add(const Tokens& tokens) {
        std::string key;
        for (const auto& t : tokens)
            key += t;
        table[key] = tokens;
    }
    // Adds `word + pieces` for `word` and its title-case form.
    void withTitle(const std::string& word, const Tokens& pieces) {
        for (const std::string& w : {word, title(word)}) {
            Tokens tokens{w};
            tokens.insert(tokens.end(), pieces.begin(), pieces.end());
            add(tokens);
        }
    }
};

void addPronouns(Builder& b) {
    b.withTitle("i", {"'m"});
    b.withTitle("i", {"m"});
    b.withTitle("i", {"'m", "a"});
    b.withTitle("i", {"m", "a"});
    for (const char* pron : {"i", "you", "he", "she", "it", "we", "they"})
        for (const Tokens& t : {Tokens{"'ll"}, Tokens{"ll"}, Tokens{"'ll", "'ve"}, Tokens{"ll", "ve"}, Tokens{"'d"},
                                Tokens{"d"}, Tokens{"'d", "'ve"}, Tokens{"d", "ve"}})
            b.withTitle(pron, t);
    for (const char* pron : {"i", "you", "we", "they"})
        for (const Tokens& t : {Tokens{"'ve"}, Tokens{"ve"}})
            b.withTitle(pron, t);
    for (const char* pron : {"you", "we", "they"})
        for (const Tokens& t : {Tokens{"'re"}, Tokens{"re"}})
            b.withTitle(pron, t);
    for (const char* pron : {"he", "she", "it"})
        for (const Tokens& t : {Tokens{"'s"}, Tokens{"s"}})
            b.withTitle(pron, t);
}

void addWhWords(Builder& b) {
    for (const std::string word : {"who", "what", "when", "where", "why", "how", "there", "that", "this", "these", "those"}) {
        const bool isPlural = word == "these" || word == "those";
        const bool isSingular = word == "that" || word == "this";
        if (!isPlural)
            for (const Tokens& t : {Tokens{"'s"}, Tokens{"s"}})
                b.withTitle(word, t);
        for (const Tokens& t : {Tokens{"'ll"}, Tokens{"ll"}, Tokens{"'ll", "'ve"}, Tokens{"ll", "ve"}})
            b.withTitle(word, t);
        if (!isSingular)
            for (const Tokens& t : {Tokens{"'re"}, Tokens{"re"}, Tokens{"'ve"}, Tokens{"ve"}})
                b.withTitle(word, t);
        for (const Tokens& t : {Tokens{"'d"}, Tokens{"d"}, Tokens{"'d", "'ve"}, Tokens{"d", "ve"}})
            b.withTitle(word, t);
    }
}

void addVerbs(Builder& b) {
    for (const char* verb : {"ca", "could", "do", "does", "did", "had", "may", "might", "must", "need", "ought", "sha",
                             "should", "wo", "would"})
        for (const Tokens& t : {Tokens{"n't"}, Tokens{"nt"}, Tokens{"n't", "'ve"}, Tokens{"nt", "ve"}})
            b.withTitle(verb, t);
    for (const char* verb : {"could", "might", "must", "should", "would"})
        for (const Tokens& t : {Tokens{"'ve"}, Tokens{"ve"}})
            b.withTitle(verb, t);
    for (const char* verb : {"ai", "are", "is", "was", "were", "have", "has", "dare"})
        for (const Tokens& t : {Tokens{"n't"}, Tokens{"nt"}})
            b.withTitle(verb, t);
}

void addOtherContractions(Builder& b) {
    for (const std::string word : {"doin", "goin", "nothin", "nuthin", "ol", "somethin"})
        for (const std::string& w : {word, title(word)}) {
            b.add({w});
            b.add({w + "'"});
        }
    for (const std::string word : {"em", "ll", "nuff"}) {
        b.add({word});
        b.add({"'" + word});
    }
    for (int h = 1; h <= 12; ++h)
        for (const char* period : {"a.m.", "am", "p.m.", "pm"})
            b.add({std::to_string(h), period});
    for (const Tokens& t : {Tokens{"y'", "all"}, Tokens{"y", "all"}, Tokens{"how", "'d", "'y"},
                            Tokens{"How", "'d", "'y"}, Tokens{"not", "'ve"}, Tokens{"not", "ve"},
                            Tokens{"Not", "'ve"}, Tokens{"Not", "ve"}, Tokens{"can", "not"}, Tokens{"Can", "not"},
                            Tokens{"gon", "na"}, Tokens{"Gon", "na"}, Tokens{"got", "ta"}, Tokens{"Got", "ta"},
                            Tokens{"let", "'s"}, Tokens{"Let", "'s"}, Tokens{"c'm", "on"}, Tokens{"C'm", "on"}})
        b.add(t);
}

// Single-token exceptions (English abbreviations and spaCy's BASE_EXCEPTIONS).
const char* const kSingles =
    "'S 's \xE2\x80\x98S \xE2\x80\x98s and/or w/o 're 'Cause 'cause 'cos 'Cos 'coz 'Coz 'cuz 'Cuz 'bout ma'am Ma'am "
    "o'clock O'clock lovin' Lovin' lovin Lovin havin' Havin' havin Havin doin' Doin' doin Doin goin' Goin' goin Goin "
    "Mt. Ak. Ala. Apr. Ariz. Ark. Aug. Calif. Colo. Conn. Dec. Del. Feb. Fla. Ga. Ia. Id. Ill. Ind. Jan. Jul. Jun. "
    "Kan. Kans. Ky. La. Mar. Mass. Mich. Minn. Miss. N.C. N.D. N.H. N.J. N.M. N.Y. Neb. Nebr. Nev. Nov. Oct. Okla. "
    "Ore. Pa. S.C. Sep. Sept. Tenn. Va. Wash. Wis. 'd a.m. Adm. Bros. co. Co. Corp. D.C. Dr. e.g. E.g. E.G. Gen. "
    "Gov. i.e. I.e. I.E. Inc. Jr. Ltd. Md. Messrs. Mo. Mont. Mr. Mrs. Ms. p.m. Ph.D. Prof. Rep. Rev. Sen. St. vs. "
    "v.s. \\t \\n \xE2\x80\x94 ' \\\") <space> '' C++ a. b. c. d. e. f. g. h. i. j. k. l. m. n. o. p. q. r. s. t. u. "
    "v. w. x. y. z. \xC3\xA4. \xC3\xB6. \xC3\xBC.";

const char* const kEmoticons =
    ":) :-) :)) :-)) :))) :-))) (: (-: =) (= \") :] :-] [: [-: :o) (o: :} :-} 8) 8-) (-8 ;) ;-) (; (-; :( :-( :(( "
    ":-(( :((( :-((( ): )-: =( >:( :') :'-) :'( :'-( :/ :-/ =/ =| :| :-| :1 :P :-P :p :-p :O :-O :o :-o :0 :-0 :() "
    ">:o :* :-* :3 :-3 =3 :> :-> :X :-X :x :-x :D :-D ;D ;-D =D xD XD xDD XDD 8D 8-D ^_^ ^__^ ^___^ >.< >.> <.< ._. "
    ";_; -_- -__- v.v V.V v_v V_V o_o o_O O_o O_O 0_o o_0 0_0 o.O O.o O.O o.o 0.0 o.0 0.o @_@ <3 <33 <333 </3 (^_^) "
    "(-_-) (._.) (>_<) (*_*) (\xC2\xAC_\xC2\xAC) \xE0\xB2\xA0_\xE0\xB2\xA0 \xE0\xB2\xA0\xEF\xB8\xB5\xE0\xB2\xA0 "
    "(\xE0\xB2\xA0_\xE0\xB2\xA0) \xC2\xAF\\(\xE3\x83\x84)/\xC2\xAF ><(((*>";

void addWords(Builder& b, const char* words) {
    std::istringstream in(words);
    for (std::string word; in >> word;)
        b.add({word});
}

// spaCy's update_exc() finishes with expand_exc(exc, "'", "’").
void addCurlyApostrophes(SpecialCaseTable& table) {
    const auto curly = [](std::string s) {
        for (std::size_t i; (i = s.find('\'')) != std::string::npos;)
            s.replace(i, 1, "\xE2\x80\x99");
        return s;
    };
    SpecialCaseTable added;
    for (const auto& [key, tokens] : table) {
        if (key.find('\'') == std::string::npos)
            continue;
        Tokens curled;
        for (const auto& t : tokens)
            curled.push_back(curly(t));
        added[curly(key)] = curled;
    }
    table.insert(added.begin(), added.end());
}

SpecialCaseTable build() {
    Builder b;
    for (const char* ws : {" ", "\t", "\n", "\xC2\xA0"})
        b.add({ws});
    addWords(b, kSingles);
    addWords(b, kEmoticons);
    addPronouns(b);
    addWhWords(b);
    addVerbs(b);
    addOtherContractions(b);
    for (const char* excluded : {"Ill", "ill", "Its", "its", "Hell", "hell", "Shell", "shell", "Shed", "shed", "were",
                                 "Were", "Well", "well", "Whore", "whore"})
        b.table.erase(excluded);
    addCurlyApostrophes(b.table);
    for (const std::string& special : specialTokens()) // fastai's add_special_case for each
        b.table[special] = {special};
    return std::move(b.table);
}

} // namespace

const SpecialCaseTable& englishSpecialCases() {
    static const SpecialCaseTable table = build();
    return table;
}

} // namespace ulmfit::text

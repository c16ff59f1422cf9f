// Targets: goals, result targets and success criteria.
//
// A statement is a target when it is
//   - a list item right after a lead-in (a paragraph or heading holding a word
//     of rules/targets_leadins.txt that ends in ':' or is a heading or short:
//     "Der opstilles følgende resultatmål for indsatsen ...:"), or
//   - a sentence starting with a label "Målsætning 1 ..." (a lead-in word and a
//     number), or
//   - a sentence holding a trigger phrase ("målet er", "skal stige til",
//     "øges med"), or a weak one ("mindst", "senest") together with a modal
//     ("skal", "bør"); see rules/targets_phrases.txt.
//
// Its fields come from the figures already found in it and its phrases:
// value and unit from the first percentage, amount or count (after the
// direction phrase when there is one); `placeholder` for "X %" / "X pct.";
// the deadline from a date written "ultimo/primo/medio ..." or after a
// deadline phrase ("senest", "opgjort"); the baseline from "fra A til B"
// (A is the baseline) or a date or value beside "baseline"; the metric is
// the source's words naming what is measured: before the direction phrase
// ("Andelen af borgere ... øges med X %"), or after a leading value ("50% af
// deltagergruppen påbegynder uddannelse"), or after the label.
#include <algorithm>
#include <cstdlib>

#include "figures/scanner.h"

namespace referat::figures {
namespace {

// (The first word is the index key it was found under: only its dot is
// checked.)
bool Matches(const std::vector<Token>& toks, size_t i, const std::vector<std::string>& words) {
  if (i + words.size() > toks.size()) return false;
  if (words.size() > 1 && toks[i].dot_after) return false;
  for (size_t k = 1; k < words.size(); ++k) {
    const Token& t = toks[i + k];
    if (t.kind != TokKind::kWord || t.bare_key() != words[k]) return false;
    // A sentence-ending dot inside a phrase breaks it.
    if (t.dot_after && k + 1 < words.size()) return false;
  }
  return true;
}

bool IsPlainInt(const Token& t) {
  if (t.kind != TokKind::kNumber || t.key.empty()) return false;
  for (char c : t.key)
    if (c < '0' || c > '9') return false;
  return true;
}

// A number that can be a level: not a year alone ("i 2030" dates a goal,
// it does not make one).
bool IsLevelNumber(const Token& t) {
  if (t.kind != TokKind::kNumber) return false;
  auto year = [](std::string_view k) {
    return k.size() == 4 && std::all_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           (k.substr(0, 2) == "19" || k.substr(0, 2) == "20");
  };
  std::string_view k = t.key;
  // "i budgetårene 2025-2028": a span of years is no level either.
  size_t dash = k.find('-');
  if (dash != std::string_view::npos) return !(year(k.substr(0, dash)) && year(k.substr(dash + 1)));
  return !year(k);
}

bool IsValueType(const std::string& type) {
  return type == "percent" || type == "percentage_points" || type == "amount" || type == "count" ||
         type == "duration";
}
bool IsDateType(const std::string& type) {
  return type == "date" || type == "period" || type == "year";
}


struct Phrase {
  size_t begin = 0, end = 0;  // tokens
  const TargetPhrase* p = nullptr;
};

}  // namespace

// A weak trigger counts only right before the level or date it bounds:
// "mindst 50 %", "minimum 100 unge", "senest 1. juli 2018", "senest i 2020".
bool TargetFinder::LevelFollows(const std::vector<Token>& toks, size_t i) const {
  while (i < toks.size() && toks[i].IsWordIn(lex_.level_leads))
    ++i;
  if (i >= toks.size()) return false;
  const Token& t = toks[i];
  if (t.kind == TokKind::kNumber) return true;
  if (t.kind != TokKind::kWord) return false;
  std::string k(t.bare_key());
  bool dot;
  return k == "x" || k == "xx" || lex_.number_words.count(k) || lex_.Month(t, &dot) ||
         lex_.date_words.count(k) || lex_.ordinal_words.count(k);
}

TargetFinder::TargetFinder(const Document& doc, const Segmentation& seg, const Lexicon& lex,
                           int meeting_year)
    : doc_(doc), seg_(seg), lex_(lex), meeting_year_(meeting_year), flags_(seg.sentences.size()) {}

void TargetFinder::OnSentence(size_t s, const std::vector<Token>& toks) {
  Flags& fl = flags_[s];
  bool weak = false, modal = false, named = false, directed = false, met = false;
  // The token after the last modal of the current clause ("Samtidig skal
  // antallet af daglige rygere reduceres fra nu 18,5 procent til 13
  // procent"), or npos: a modal and a direction apart in one clause.
  size_t modal_end = std::string::npos;
  // The token after a direction of the current clause, or npos: "at
  // reducere CO2-udslippet mindst to procent om året" bounds the change
  // without a modal.
  size_t dir_end = std::string::npos;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& t = toks[i];
    if (t.kind != TokKind::kWord) {
      if ((modal_end != std::string::npos || dir_end != std::string::npos) &&
          (t.IsPunct(',') || t.IsPunct(':') || t.IsPunct(';')))
        modal_end = dir_end = std::string::npos;
      continue;
    }
    if (t.cls & kLeadinWord) fl.leadin = true;
    if (!(t.cls & kPhraseWord)) continue;
    auto it = lex_.target_phrase_index.find(t.bare_key());
    if (it == lex_.target_phrase_index.end()) continue;
    for (size_t idx : it->second) {
      const TargetPhrase& p = lex_.target_phrases[idx];
      if (!Matches(toks, i, p.words)) continue;
      // A direction a few words after a modal of its clause, a level after
      // it: "skal antallet af daglige rygere reduceres fra ... til 13
      // procent", "Vi vil reducere CO2-udledningen med 70 % i 2030".
      if (p.kind == TargetPhraseKind::kDirection && !p.direction.empty()) dir_end = i + p.words.size();
      if (p.kind == TargetPhraseKind::kDirection && !p.direction.empty() &&
          modal_end != std::string::npos && i >= modal_end && i - modal_end <= 6) {
        // The level within a few words of the direction, in its clause.
        for (size_t k = i + p.words.size(); k < toks.size() && k <= i + p.words.size() + 5 && !fl.trigger; ++k) {
          if (toks[k].IsPunct(',') || toks[k].IsPunct(';') || toks[k].IsPunct(':')) break;
          if (IsLevelNumber(toks[k])) fl.trigger = directed = true;
        }
      }
      // "Målet er ..." opens a goal statement; mid-sentence ("..., idet
      // målet med behandlingen er ...") it describes one.
      if (p.kind == TargetPhraseKind::kTrigger && (!p.direction.empty() || i <= 1)) {
        fl.trigger = true;
        (p.direction.empty() ? named : directed) = true;
        // "Brugen af ... skal øges: Der er i den seneste finanslov ...": a
        // bold lead sentence and its explanation; the target ends at the
        // colon after its direction phrase.
        if (!p.direction.empty() && i > 0 && !fl.cut)
          for (size_t k = i + p.words.size(); k < toks.size(); ++k)
            if (toks[k].IsPunct(':')) {
              if (k + 1 < toks.size()) fl.cut = toks[k].start;
              break;
            }
      } else if (p.kind == TargetPhraseKind::kWeak) {
        const bool level = LevelFollows(toks, i + p.words.size());
        weak = weak || level;
        // A bound right after a change's verb and its object: "at reducere
        // CO2-udslippet mindst to procent om året" (TV 2 Vejret on the
        // klimakommuner, vejr.tv2.dk 2019).
        if (level && dir_end != std::string::npos && i >= dir_end && i - dir_end <= 3)
          fl.trigger = directed = true;
      }
      else if (p.kind == TargetPhraseKind::kModal) {
        modal = true;
        modal_end = i + p.words.size();
      }
      else if (p.kind == TargetPhraseKind::kMet)
        met = true;
    }
  }
  // A goal named and reported met is no target ("Denne målsætning er
  // dermed opfyldt i 2024.").
  if (named && met && !directed) fl.trigger = false;
  if (weak && modal) fl.trigger = true;
  fl.modal = modal;
  if (toks.size() >= 3 && toks[0].kind == TokKind::kWord && !toks[0].dot_after &&
      (toks[0].cls & kLeadinWord) && IsPlainInt(toks[1]) && toks[1].key.size() <= 2)
    fl.label = true;
}

namespace {

class Analyzer {
 public:
  Analyzer(const Document& doc, const Lexicon& lex, const Record& rec)
      : doc_(doc), lex_(lex), rec_(rec) {}

  // Builds the target for the statement text[start, end): trigger, level,
  // deadline, direction, metric. `label`: it starts "Målsætning N".
  // `marker`: a numbered-list marker at its start ("1.").
  Target Analyze(size_t start, size_t end, bool label, const std::string& marker) {
    toks_.clear();
    Tokenize(lex_, doc_.text, start, end, &toks_);
    Target t;
    t.text = std::string(doc_.Slice(start, end));
    t.span = doc_.MakeSpan(start, end);
    for (const auto& it : rec_.agenda_items)
      if (start >= it.span.start && start < it.span.end && !it.number.empty()) t.item = it.number;
    Reading r;
    Figures(start, end, &r);
    Triggers(&r);
    Level(label, &r, &t);
    Deadline(&r, &t);
    if (r.dir)
      t.direction = r.dir->p->direction;
    else if (r.weak)
      t.direction = r.weak->p->direction;
    else if (t.placeholder || t.value)
      t.direction = "reach";
    t.metric = Metric(start, end, label, marker, r);
    return t;
  }

 private:
  struct Fig {
    const Figure* f;
    size_t tb, te;
  };
  // What Analyze() has read of one statement so far.
  struct Reading {
    std::vector<Fig> figs;        // the figures inside, with their token ranges
    std::vector<Phrase> phrases;  // the target phrases found
    const Phrase* dir = nullptr;   // the first trigger or direction phrase with a direction
    const Phrase* lead = nullptr;  // "målet er": a trigger without a direction
    const Phrase* weak = nullptr;  // "mindst"
    long ph_tok = -1;              // a placeholder level's token ("X %"), or -1
    std::vector<const Fig*> values;
    const Fig* value = nullptr;
    const Fig* base = nullptr;
    const Fig* deadline = nullptr;
    // True when a phrase of `kind` ends at most one token before `tok`.
    bool PhraseBefore(size_t tok, TargetPhraseKind kind) const {
      for (const auto& ph : phrases)
        if (ph.p->kind == kind && ph.end <= tok && tok - ph.end <= 1) return true;
      return false;
    }
  };

  // The figures of the statement text[start, end), with their tokens.
  void Figures(size_t start, size_t end, Reading* r) {
    std::vector<Fig>& figs = r->figs;
    auto lo = std::lower_bound(rec_.figures.begin(), rec_.figures.end(), start,
                               [](const Figure& f, size_t s) { return f.span.start < s; });
    for (auto it = lo; it != rec_.figures.end() && it->span.start < end; ++it) {
      if (it->span.end > end) continue;
      size_t tb = TokAt(it->span.start), te = tb;
      while (te < toks_.size() && toks_[te].start < it->span.end) ++te;
      figs.push_back({&*it, tb, te});
    }
  }

  // The trigger: the phrases, and which of them give the direction.
  void Triggers(Reading* r) {
    std::vector<Phrase>& phrases = r->phrases;
    for (size_t i = 0; i < toks_.size(); ++i) {
      if (toks_[i].kind != TokKind::kWord) continue;
      auto it = lex_.target_phrase_index.find(toks_[i].bare_key());
      if (it == lex_.target_phrase_index.end()) continue;
      for (size_t idx : it->second) {
        const TargetPhrase& p = lex_.target_phrases[idx];
        if (Matches(toks_, i, p.words)) phrases.push_back({i, i + p.words.size(), &p});
      }
    }
    const Phrase*& dir = r->dir;
    const Phrase*& lead = r->lead;
    const Phrase*& weak = r->weak;
    for (const auto& ph : phrases) {
      auto k = ph.p->kind;
      if ((k == TargetPhraseKind::kTrigger || k == TargetPhraseKind::kDirection) &&
          !ph.p->direction.empty() && !dir)
        dir = &ph;
      if (k == TargetPhraseKind::kTrigger && ph.p->direction.empty() && !lead) lead = &ph;
      if (k == TargetPhraseKind::kWeak && !ph.p->direction.empty() && !weak) weak = &ph;
    }
  }

  // The level: a placeholder ("X %"), the value and the baseline ("fra A
  // til B"), and the baseline's date.
  void Level(bool label, Reading* r, Target* tp) {
    Target& t = *tp;
    const std::vector<Fig>& figs = r->figs;
    const std::vector<Phrase>& phrases = r->phrases;
    const Phrase* dir = r->dir;
    long& ph_tok = r->ph_tok;
    std::vector<const Fig*>& values = r->values;
    const Fig*& value = r->value;
    const Fig*& base = r->base;
    // Placeholder levels: "X %", "X pct.".
    for (size_t i = 0; i + 1 < toks_.size(); ++i) {
      std::string_view k = toks_[i].bare_key();
      if (toks_[i].kind != TokKind::kWord || (k != "x" && k != "xx" && k != "xxx")) continue;
      bool dot;
      const UnitEntry* u = lex_.Unit(toks_[i + 1], &dot);
      if (!u) continue;
      t.placeholder = true;
      if (u->kind == UnitKind::kPercent)
        t.unit = "%";
      else if (u->kind == UnitKind::kPoints)
        t.unit = "pp";
      else if (u->kind == UnitKind::kCurrency || u->kind == UnitKind::kScaleCurrency)
        t.unit = u->name;
      ph_tok = static_cast<long>(i);
      ph_end_ = i + 2;
      break;
    }

    // Value and baseline value: "fra A til B" makes A the baseline.
    // Durations are levels only when nothing else is ("ventetiden ... 4 uger");
    // otherwise they belong to the metric ("fastholder uddannelse i 6 måneder").
    // After a label, the metric runs to the first date; levels come after it.
    size_t label_end = 0;
    if (label)
      for (const auto& f : figs)
        if (IsDateType(f.f->type)) {
          label_end = f.tb;
          break;
        }
    if (label && label_end == 0) label_end = toks_.size();
    for (int pass = 0; pass < 2 && values.empty(); ++pass)
      for (const auto& f : figs)
        if (IsValueType(f.f->type) && (f.f->type == "duration") == (pass == 1) && f.tb >= label_end)
          values.push_back(&f);
    bool from_to = false;
    for (size_t a = 0; a + 1 < values.size() && !base; ++a) {
      // "fra 18,5 procent til 13 procent", also with one adverb between
      // ("reduceres fra nu 18,5 procent til 13 procent", JydskeVestkysten
      // on Sønderborg Kommune, 2019).
      const size_t tb = values[a]->tb;
      const bool from = (tb >= 1 && toks_[tb - 1].IsWordIn(lex_.from_words)) ||
                        (tb >= 2 && toks_[tb - 1].kind == TokKind::kWord && !toks_[tb - 2].dot_after &&
                         toks_[tb - 2].IsWordIn(lex_.from_words));
      if (!from) continue;
      for (size_t b = a + 1; b < values.size(); ++b)
        if (values[b]->tb > 0 && toks_[values[b]->tb - 1].IsWordIn(lex_.range_words)) {
          base = values[a];
          value = values[b];
          from_to = true;
          break;
        }
    }
    if (!value) {
      for (const Fig* f : values) {
        if (dir && f->tb < dir->end) continue;
        value = f;
        break;
      }
      if (!value && !values.empty() && !t.placeholder) value = values.front();
    }
    if (t.placeholder && value && ph_tok >= 0 && value->tb > static_cast<size_t>(ph_tok))
      value = nullptr;  // "X % ... 6 måneder": the placeholder is the level
    if (value && !t.placeholder) {
      if (value->f->value)
        t.value = value->f->value;
      else if (value->f->max)
        t.value = value->f->min;  // a range: its lower bound
      t.unit = value->f->unit;
    }

    // Baseline date: a date beside a baseline phrase, or between A and B of "fra A til B".
    std::optional<std::string> base_date;
    for (const auto& ph : phrases) {
      const bool compare = ph.p->kind == TargetPhraseKind::kCompare;
      if (ph.p->kind != TargetPhraseKind::kBaseline && !compare) continue;
      if (compare && base_date) continue;  // the first comparison is the statement's
      for (const auto& f : figs) {
        if (!IsDateType(f.f->type)) continue;
        // "end i 1990", "(sammenlignet med 2017)": the year after the
        // comparison is the baseline's; the one before it is the deadline.
        bool before = !compare && f.te <= ph.begin && ph.begin - f.te <= 1;
        bool after = f.tb >= ph.end && f.tb - ph.end <= 1;
        if (before || after) {
          base_date = FigureDate(*f.f, false);
          base_date_fig_ = f.f;
        }
      }
      for (const Fig* f : values)
        if (!compare && f->tb >= ph.end && f->tb - ph.end <= 3 && !base) base = f;
    }
    // "fra A i 2016 til B": the date between A and B is the baseline's; a
    // level beside "i dag" has none ("der i dag er på 21,7 procent skal i
    // 2030 ned på fem procent": 2030 is the deadline).
    if (base && !base_date && from_to) {
      for (const auto& f : figs)
        if (IsDateType(f.f->type) && f.tb >= base->te && (!value || f.te <= value->tb)) {
          base_date = FigureDate(*f.f, false);
          base_date_fig_ = f.f;
          break;
        }
    }
    if (base || base_date) {
      Baseline b;
      if (base) {
        b.value = base->f->value;
        b.unit = base->f->unit;
      }
      b.date = base_date;
      t.baseline = b;
    }
  }

  // The deadline: a marked date ("ultimo 2018"), one after a deadline
  // phrase, or a date after the level.
  void Deadline(Reading* r, Target* t) {
    const std::vector<Fig>& figs = r->figs;
    const Fig* value = r->value;
    const Fig*& deadline = r->deadline;
    for (const auto& f : figs) {
      if (!IsDateType(f.f->type) || f.f == base_date_fig_) continue;
      const Token& first = toks_[f.tb];
      auto dw = lex_.date_words.find(first.bare_key());
      bool marked =
          first.kind == TokKind::kWord && dw != lex_.date_words.end() &&
          (dw->second.role == DateWordRole::kEnd || dw->second.role == DateWordRole::kStart ||
           dw->second.role == DateWordRole::kMiddle);
      bool after_phrase = r->PhraseBefore(f.tb, TargetPhraseKind::kDeadline) ||
                          (f.tb > 0 && toks_[f.tb - 1].IsWordIn(lex_.in_words) &&
                           r->PhraseBefore(f.tb - 1, TargetPhraseKind::kDeadline));
      // A date after the level: "skal reduceres med 2 mio. kr. i 2019".
      bool after_value = value && f.tb >= value->te;
      if (marked || after_phrase || after_value) {
        deadline = &f;
        break;
      }
    }
    // Else the one date of the statement, a year after "i": a state
    // reached by then ("at individuelle oliefyr er udfaset i 2030", "at
    // fjernvarmen i 2030 er 100 % fossilfri", Assens Kommune, Kommuneplan
    // 2021-2033, Mål for varmeforsyning).
    if (!deadline) {
      const Fig* only = nullptr;
      size_t dates = 0;
      for (const auto& f : figs)
        if (IsDateType(f.f->type) && f.f != base_date_fig_ && ++dates == 1) only = &f;
      if (dates == 1 && only->f->type == "year" && only->tb > 0 && toks_[only->tb - 1].IsWordIn(lex_.in_words))
        deadline = only;
    }
    if (deadline) t->deadline = FigureDate(*deadline->f, true);
  }

  // The metric: what is measured, between the statement's lead-in, trigger,
  // level and deadline.
  std::optional<std::string> Metric(size_t start, size_t end, bool label, const std::string& marker,
                                    const Reading& r) const {
    const std::vector<Fig>& figs = r.figs;
    const std::vector<Phrase>& phrases = r.phrases;
    const Phrase* dir = r.dir;
    const Phrase* lead = r.lead;
    const Phrase* weak = r.weak;
    const long ph_tok = r.ph_tok;
    const Fig* value = r.value;
    const Fig* deadline = r.deadline;
    size_t m0 = 0, m1 = toks_.size();
    if (!marker.empty() && m1 > 0 && doc_.Slice(start, end).substr(0, marker.size()) == marker) {
      while (m0 < m1 && toks_[m0].end <= start + marker.size()) ++m0;
    }
    if (label) {
      m0 = 2;
      while (m0 < m1 && toks_[m0].kind == TokKind::kPunct) ++m0;
      for (const auto& f : figs)
        if (IsDateType(f.f->type) && f.tb >= m0) {
          m1 = f.tb;
          break;
        }
    } else if (dir && dir->begin >= m0) {
      if (lead && lead->end <= dir->begin) {
        m0 = std::max(m0, lead->end);
        // "Målet med indsatsen er, at ledigheden falder til 3 %": after "at".
        for (size_t q = m0; q < dir->begin; ++q)
          if (toks_[q].IsWordIn(lex_.that_words)) {
            m0 = q + 1;
            break;
          }
      }
      // What is measured follows the last colon or ", at" before the
      // direction ("Folketingets klimamål: CO2-udledningen skal reduceres
      // med 50 procent", Høje-Taastrup Klimaplan 2030; "sat mål om, at
      // CO2-udledningen ... skal reduceres med mindst 70%", Assens
      // Kommuneplan 2021-2033).
      for (size_t q = m0; q + 1 < dir->begin; ++q)
        if (toks_[q].IsPunct(':') ||
            (toks_[q].IsPunct(',') && toks_[q + 1].IsWordIn(lex_.that_words)))
          m0 = toks_[q].IsPunct(':') ? q + 1 : q + 2;
      m1 = dir->begin;
      // A modal apart from the direction: what stands between a leading
      // modal and the direction is measured ("Samtidig skal antallet af
      // daglige rygere reduceres ..."; "Vi vil reducere CO2-udledningen med
      // 70 %": nothing between, the metric follows the verb); a later
      // modal ends the metric ("Andelen ... skal i 2030 ned på fem procent").
      // A date before the modal opens the sentence, the subject follows
      // the modal ("Mellem 2018 og 2030 skal udledningen falde med ...").
      // Only a modal in the direction's clause, a few words before it.
      const Phrase* modal = nullptr;
      for (const auto& ph : phrases)
        if (ph.p->kind == TargetPhraseKind::kModal && ph.begin >= m0 && ph.end <= m1 && m1 - ph.end <= 6)
          modal = &ph;
      for (size_t q = modal ? modal->end : m1; q < m1; ++q)
        if (toks_[q].kind == TokKind::kPunct) modal = nullptr;
      if (modal) {
        bool date_before = false;
        for (const auto& f : figs)
          if (IsDateType(f.f->type) && f.tb >= m0 && f.te <= modal->begin) date_before = true;
        const bool between = modal->end < m1;
        if (modal->begin == m0 || (between && (modal->begin == m0 + 1 || date_before)))
          m0 = modal->end;
        else
          m1 = modal->begin;
      }
      // "målsætning er en reduktion af CO2 på 80%": only an article before
      // the direction noun; the metric follows it.
      const bool article_only = m1 == m0 + 1 && toks_[m0].IsWordIn(lex_.articles);
      if (article_only || !MetricText(m0, m1)) {
        // The verb leads ("at nedbringe ventetiden til 14 dage"): the metric
        // follows it, up to the level.
        m0 = dir->end;
        m1 = value && value->tb > m0 ? value->tb : toks_.size();
      }
    } else {
      // After "Målet er, at": the statement proper.
      if (lead && lead->begin <= m0 + 1) m0 = lead->end;
      while (m0 < m1 && (toks_[m0].kind == TokKind::kPunct || toks_[m0].IsWordIn(lex_.that_words))) ++m0;
      size_t lead_end = m0;
      if (weak && weak->begin == m0) lead_end = weak->end;
      size_t vb = value ? value->tb : SIZE_MAX, ve = value ? value->te : 0;
      if (ph_tok >= 0 && static_cast<size_t>(ph_tok) < vb) vb = ph_tok, ve = ph_end_;
      if (vb != SIZE_MAX && vb <= lead_end) {
        // The level leads: "50% af deltagergruppen påbegynder uddannelse".
        m0 = ve;
        if (m0 < m1 && toks_[m0].IsWordIn(lex_.of_words)) ++m0;
      } else if (lead) {
        // "Målet er at videreudvikle ...": everything after the lead-in, up to a level.
        if (vb != SIZE_MAX && vb > m0) m1 = vb;
      } else if (vb != SIZE_MAX && vb > m0) {
        m1 = vb;
      }
      // Stop before the deadline and its phrase.
      if (deadline && deadline->tb > m0 && deadline->tb < m1) {
        m1 = deadline->tb;
        for (const auto& ph : phrases)
          if (ph.p->kind == TargetPhraseKind::kDeadline && ph.end <= m1 && m1 - ph.end <= 1 &&
              ph.begin > m0)
            m1 = ph.begin;
      }
    }
    return MetricText(m0, m1);
  }

  size_t TokAt(size_t byte) const {
    size_t i = 0;
    while (i < toks_.size() && toks_[i].end <= byte) ++i;
    return i;
  }

  // A figure's date for a deadline (periods end, years end on 31 December)
  // or a baseline (periods and years start).
  std::optional<std::string> FigureDate(const Figure& f, bool end) const {
    if (f.type == "year" && f.value) {
      int y = static_cast<int>(*f.value);
      return end ? IsoDate(y, 12, 31) : IsoDate(y, 1, 1);
    }
    if (f.type == "period") return end && f.date_end ? f.date_end : f.date;
    return f.date;
  }

  std::optional<std::string> MetricText(size_t a, size_t b) const {
    auto edge = [&](size_t i) {
      const Token& t = toks_[i];
      return t.kind == TokKind::kPunct ||
             (t.kind == TokKind::kWord && (lex_.metric_edges.count(t.bare_key()) || lex_.metric_edges.count(t.key)));
    };
    while (a < b && edge(a)) ++a;
    while (b > a && edge(b - 1)) --b;
    if (a >= b) return std::nullopt;
    size_t e = toks_[b - 1].end;
    // Keep an abbreviation's dot ("pr."), not a sentence's final dot.
    if (toks_[b - 1].dot_after && b < toks_.size()) e = toks_[b - 1].dot_end();
    std::string s(doc_.Slice(toks_[a].start, e));
    return s.empty() ? std::nullopt : std::optional<std::string>(std::move(s));
  }

  const Document& doc_;
  const Lexicon& lex_;
  const Record& rec_;
  std::vector<Token> toks_;
  size_t ph_end_ = 0;
  const Figure* base_date_fig_ = nullptr;
};

// The number of words in s, counting no further than `limit` + 1: the
// callers only ask whether a block is short, and blocks can be paragraphs.
size_t WordsUpTo(std::string_view s, size_t limit) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\t';
    if (!sp && !in && ++n > limit) break;
    in = !sp;
  }
  return n;
}

}  // namespace

void TargetFinder::Finish(Record* record) {
  struct Statement {
    size_t start, end;
    bool label;
    std::string marker;
  };
  std::vector<Statement> st;
  // Per block: does its last sentence hold a lead-in word? (The sentence
  // that introduces a list; "mål" earlier in a long paragraph does not.)
  std::vector<char> leadin(doc_.blocks.size(), 0);
  // Per block: does each of its sentences hold a modal verb ("skal", "bør")?
  std::vector<char> modal(doc_.blocks.size(), 1);
  for (size_t s = 0; s < seg_.sentences.size(); ++s) {
    leadin[seg_.sentences[s].block] = flags_[s].leadin;
    if (!flags_[s].modal) modal[seg_.sentences[s].block] = 0;
  }
  // A lead-in sentence wrapped over lines: the line that ends it continues
  // one holding the lead-in word, without a gap or a sentence's end between
  // them ("Vi har igennem flere år haft tre overordnede målsætninger" / "for
  // vores budgetlægning:", Frederikshavn Kommune, Regnskab 2019).
  for (size_t b = 1; b < doc_.blocks.size(); ++b) {
    const Block& prev = doc_.blocks[b - 1];
    const Block& bl = doc_.blocks[b];
    if (leadin[b] || !leadin[b - 1] || bl.gap_before || bl.page != prev.page ||
        bl.kind != BlockKind::kParagraph || prev.kind != BlockKind::kParagraph)
      continue;
    std::string_view pt = doc_.BlockText(prev);
    while (!pt.empty() && (pt.back() == ' ' || pt.back() == '\t')) pt.remove_suffix(1);
    if (pt.empty() || pt.back() == '.' || pt.back() == '!' || pt.back() == '?' || pt.back() == ':') continue;
    std::string_view t = doc_.BlockText(bl);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
    if (!t.empty() && t.back() == ':') leadin[b] = 1;
  }
  std::vector<char> in_list(doc_.blocks.size(), 0);
  std::vector<char> prose(doc_.blocks.size(), 0);  // sentences of goals under a lead-in
  bool active = false;
  bool heading_like = false;  // the lead-in is a heading ("Resultat mål")
  bool label_colon = false;   // the lead-in is a label ending in ':'
  bool modal_run = false;     // goals as paragraphs of "skal" under a heading-like lead-in
  size_t first_item = SIZE_MAX;  // the first list item under the lead-in
  for (size_t b = 0; b < doc_.blocks.size(); ++b) {
    const Block& bl = doc_.blocks[b];
    std::string_view text = doc_.BlockText(bl);
    if (bl.kind == BlockKind::kListItem) {
      modal_run = false;
      // A short bold item after items that are not bold is the heading of
      // what follows, set as a list line ("• Tidskapsel" after the goals
      // under "Målfastsættelse:", Syddjurs opsamlingsnotat 2012): the list
      // of goals ends there.
      if (active && first_item != SIZE_MAX && bl.bold && !doc_.blocks[first_item].bold &&
          WordsUpTo(text, 4) <= 4) {
        active = false;
        continue;
      }
      if (active && !text.empty()) {
        if (first_item == SIZE_MAX) first_item = b;
        st.push_back({bl.start, bl.end, false, bl.list_marker});
        in_list[b] = 1;
      }
      continue;
    }
    first_item = SIZE_MAX;
    if (bl.kind == BlockKind::kTableRow) {
      active = false;
      modal_run = false;
      continue;
    }
    // A lead-in ending in ',' right over a list of "at …" clauses opens it
    // as ':' does ("Det er Byrådets mål," / "• at ungdomsarbejdsløsheden
    // falder.", Assens Kommuneplan 2021-2033).
    bool ends_colon = !text.empty() && (text.back() == ':' ||
                                        (text.back() == ',' && b + 1 < doc_.blocks.size() &&
                                         doc_.blocks[b + 1].kind == BlockKind::kListItem));
    const size_t words = WordsUpTo(text, 4);  // 5 means "more than 4"
    bool short_line = words <= 3 && !text.empty() && text.back() != '.';
    // Under a heading-like lead-in, the one paragraph that follows is the
    // target ("Resultat mål" / "At råd og vejledning iværksættes ... inden
    // for 14 dage ..."), unless it introduces a list itself (ends in ':').
    if (active && heading_like && !leadin[b] && words > 4) {
      if (!ends_colon) {
        st.push_back({bl.start, bl.end, false, ""});
        in_list[b] = 1;
      }
      // When that paragraph states a duty ("... skal sikres ..."), the
      // paragraphs after it that each do so too are goals of the same
      // heading ("Politiske mål" / "Indbyggere og virksomheder skal sikres
      // ..." / "Udnyttelse af vedvarende energikilder ... skal udgøre ...",
      // Esbjerg Kommune, Kommuneplan): up to the first that does not.
      modal_run = !ends_colon && bl.kind == BlockKind::kParagraph && modal[b];
      active = false;
      continue;
    }
    if (modal_run) {
      if (bl.kind == BlockKind::kParagraph && !leadin[b] && words > 4 && !ends_colon && modal[b]) {
        st.push_back({bl.start, bl.end, false, ""});
        in_list[b] = 1;
        continue;
      }
      modal_run = false;
    }
    // Under a lead-in that ends in ':' ("Målfastsættelse:"), goals written
    // as sentences rather than a list: the paragraph that follows (its
    // lines up to the next gap), each sentence with a figure in it ("Antallet
    // af besøgende stiger 20-25 % i de kommende år.").
    if (active && label_colon && !leadin[b] && words > 4 && bl.kind == BlockKind::kParagraph) {
      for (size_t k = b; k < doc_.blocks.size() && k < b + 12; ++k) {
        const Block& kb = doc_.blocks[k];
        if (k > b && (kb.gap_before || kb.kind != BlockKind::kParagraph)) break;
        prose[k] = 1;
      }
      active = false;
      continue;
    }
    active = leadin[b] && (bl.kind == BlockKind::kHeading || ends_colon || short_line);
    // Only a short one names a section of goals ("Resultatmål", "Succeskriterier");
    // a longer heading with "mål" in it ("Mål og handlinger til realisering")
    // heads prose.
    heading_like = active && !ends_colon && short_line;
    // The lead-in is a label alone ("Målfastsættelse:", "Succeskriterier:"),
    // not a sentence that ends in ':' before a list.
    label_colon = active && ends_colon && words <= 3;
  }
  // A list of duties half of which are targets by their own phrases: the
  // other items that state a duty ("skal") are goals of the same list
  // ("• 75% af kommunens personbiler skal være drevet af el eller brint
  // senest i 2030" / "• Kommunalt byggeri med byggebudget over 20 mio. skal
  // DGNB-certificeres", Randers Kommune, Klimaplan 2050).
  {
    std::vector<char> own(doc_.blocks.size(), 0);
    for (size_t s = 0; s < seg_.sentences.size(); ++s)
      if (flags_[s].trigger || flags_[s].label) own[seg_.sentences[s].block] = 1;
    for (size_t b = 0; b < doc_.blocks.size();) {
      if (doc_.blocks[b].kind != BlockKind::kListItem) {
        ++b;
        continue;
      }
      size_t e = b, targets = 0;
      while (e < doc_.blocks.size() && doc_.blocks[e].kind == BlockKind::kListItem) {
        targets += own[e] || in_list[e];
        ++e;
      }
      if (targets >= 2 && 2 * targets >= e - b)
        for (size_t k = b; k < e; ++k)
          if (!own[k] && !in_list[k] && modal[k] && WordsUpTo(doc_.BlockText(doc_.blocks[k]), 4) > 4) {
            st.push_back({doc_.blocks[k].start, doc_.blocks[k].end, false, doc_.blocks[k].list_marker});
            in_list[k] = 1;
          }
      b = e;
    }
  }
  for (size_t s = 0; s < seg_.sentences.size(); ++s) {
    const Sentence& sen = seg_.sentences[s];
    if (in_list[sen.block]) continue;
    if (!flags_[s].trigger && !flags_[s].label) {
      if (!prose[sen.block]) continue;
      // A sentence with a figure; a list number alone (" 1." split from its
      // line "1. Overskud på ordinær drift på 150 mio. kr.", Frederikshavn
      // Kommune, Regnskab 2019) is none.
      bool digit = false, letter = false;
      for (size_t k = sen.start; k < sen.end; ++k) {
        const unsigned char c = static_cast<unsigned char>(doc_.text[k]);
        digit = digit || (c >= '0' && c <= '9');
        letter = letter || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
      }
      if (!digit || !letter) continue;
    }
    st.push_back({sen.start, flags_[s].cut ? flags_[s].cut : sen.end, flags_[s].label, ""});
  }
  std::sort(st.begin(), st.end(),
            [](const Statement& a, const Statement& b) { return a.start < b.start; });
  for (const auto& s : st) {
    Analyzer an(doc_, lex_, *record);
    record->targets.push_back(an.Analyze(s.start, s.end, s.label, s.marker));
  }
}

}  // namespace referat::figures

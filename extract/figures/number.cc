// The Danish quantity normalizer: numbers as Danes write them ("1.500.000,50",
// "2.669", "14,8", spelled-out "fem tusinde"; digits read once their Danish
// shape is checked, words with ICU's RBNF spellout rules), and the quantities built on them: amounts
// ("kr. 1,5 mio.", "59,8 mio. kr.", "500 t.kr."), percentages, percentage
// points, counts with the noun they count, durations, and bare years.
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <memory>

#include "figures/scanner.h"

namespace referat::figures {
namespace {

// ICU formatters are not thread-safe to share while parsing: one per thread,
// built on first use and kept for the thread's life.
icu::RuleBasedNumberFormat* Spellout() {
  thread_local std::unique_ptr<icu::RuleBasedNumberFormat> rbnf = [] {
    UErrorCode err = U_ZERO_ERROR;
    auto r =
        std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("da"), err);
    if (U_FAILURE(err)) return std::unique_ptr<icu::RuleBasedNumberFormat>();
    // Lenient parsing reads "to hundrede og femogtyve" (strict parsing stops
    // after "to"); we require the whole text to be consumed instead.
    r->setLenient(true);
    return r;
  }();
  return rbnf.get();
}

bool AllSeps(const NumShape& s, char32_t c) {
  for (char32_t x : s.seps)
    if (x != c) return false;
  return true;
}

bool IsPlainInt(const Token& t) {
  if (t.kind != TokKind::kNumber) return false;
  for (char c : t.key)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

NumShape ShapeOf(std::string_view s) {
  NumShape out;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j > i) out.groups.push_back(s.substr(i, j - i));
    if (j >= s.size()) break;
    if (s.compare(j, 3, "\xE2\x80\x93") == 0) {
      out.seps.push_back(0x2013);
      i = j + 3;
    } else if (s.compare(j, 1, " ") == 0 ||
               (static_cast<unsigned char>(s[j]) == 0xC2 && j + 1 < s.size())) {
      // "2½", "2 ¼": ¼ ½ ¾ are C2 BC..BE.
      if (out.frac_at == std::string_view::npos) out.frac_at = j;
      size_t k = s[j] == ' ' ? j + 1 : j;
      if (k + 1 < s.size() && static_cast<unsigned char>(s[k]) == 0xC2) {
        unsigned char c = static_cast<unsigned char>(s[k + 1]);
        out.frac = c == 0xBC ? 0.25 : c == 0xBD ? 0.5 : c == 0xBE ? 0.75 : 0;
      }
      i = k + 2;
    } else {
      out.seps.push_back(static_cast<unsigned char>(s[j]));
      i = j + 1;
    }
  }
  return out;
}

bool NumShape::Is(std::initializer_list<char32_t> pattern) const {
  if (pattern.size() != seps.size()) return false;
  size_t k = 0;
  for (char32_t c : pattern)
    if (seps[k++] != c) return false;
  return true;
}

int NumShape::Int(size_t i) const {
  int v = 0;
  for (char c : groups[i].substr(0, 9)) v = v * 10 + (c - '0');
  return v;
}

std::optional<double> ParseDanishNumber(std::string_view s, bool* english) {
  if (english) *english = false;
  NumShape sh = ShapeOf(s);
  if (sh.groups.empty() || sh.groups.size() != sh.seps.size() + 1) return std::nullopt;
  if (sh.frac != 0 && !sh.seps.empty()) return std::nullopt;  // "1,5½" is nothing
  const size_t n = sh.seps.size();
  auto three = [&](size_t from, size_t to) {  // groups[from, to) have 3 digits
    for (size_t k = from; k < to; ++k)
      if (sh.groups[k].size() != 3) return false;
    return true;
  };
  bool lead_ok = sh.groups[0].size() <= 3;
  bool ok = false;
  if (n == 0) {
    ok = true;
  } else if (n == 1 && sh.seps[0] == ',') {
    ok = true;  // "14,8" (also "1,500": Danish reads it as 1,5)
  } else if (AllSeps(sh, '.')) {
    ok = lead_ok && three(1, n + 1);  // "1.500.000"
  } else if (sh.seps.back() == ',' && n >= 2) {
    bool dots = true;
    for (size_t k = 0; k + 1 < n; ++k) dots = dots && sh.seps[k] == '.';
    ok = dots && lead_ok && three(1, n);  // "1.500.000,50"
  }
  if (!ok) {
    // English style: comma thousands ("1,500,000") optionally with a dot
    // decimal ("1,500,000.50", "1,500.50"). Reported, never read as 1,5.
    bool commas = true;
    size_t last = n;
    if (sh.seps.back() == '.') last = n - 1;
    for (size_t k = 0; k < last; ++k) commas = commas && sh.seps[k] == ',';
    if (english && commas && last >= 1 && lead_ok && three(1, last + 1) && (last >= 2 || last < n))
      *english = true;
    return std::nullopt;
  }
  // The shape is checked above, so the value is the digits with the
  // thousands dots dropped and the decimal comma as a point: read exactly
  // (correctly rounded) by from_chars, independent of any locale.
  char buf[64];
  size_t n_buf = 0;
  const std::string_view digits = sh.frac != 0 ? s.substr(0, sh.frac_at) : s;
  if (digits.size() >= sizeof buf) return std::nullopt;
  for (char c : digits) {
    if (c == '.') continue;
    buf[n_buf++] = c == ',' ? '.' : c;
  }
  double v = 0;
  auto [end, ec] = std::from_chars(buf, buf + n_buf, v);
  if (ec != std::errc() || end != buf + n_buf) return std::nullopt;
  return v + sh.frac;
}

std::optional<double> ParseSpelledNumber(std::string_view s) {
  icu::RuleBasedNumberFormat* r = Spellout();
  if (!r) return std::nullopt;
  const std::string folded = lang::FoldCase(s);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(folded.data(), static_cast<int32_t>(folded.size())));
  icu::Formattable f;
  icu::ParsePosition pp(0);
  r->parse(u, f, pp);
  if (pp.getErrorIndex() >= 0 || pp.getIndex() != u.length()) return std::nullopt;
  UErrorCode err = U_ZERO_ERROR;
  double v = f.getDouble(err);
  if (U_FAILURE(err) || v <= 0) return std::nullopt;
  return v;
}

// ------------------------------------------------------------- quantities

bool Scanner::NounCandidate(size_t i) const {
  if (!Has(i)) return false;
  const Token& t = T(i);
  if (t.kind != TokKind::kWord || t.has_digit || t.upper) return false;
  std::string_view k = t.bare_key();
  if (k.size() < 2 || k.find('.') != std::string_view::npos) return false;
  auto role = lex_.Count(t);
  if (role == CountRole::kNoun) return true;
  if (role && *role != CountRole::kModifier) return false;
  bool dot;
  // A mass ("ton") is a counted noun unless a gas follows (Scanner reads that first).
  const UnitEntry* u = lex_.Unit(t, &dot);
  if ((u && u->kind != UnitKind::kMeasure) || lex_.Month(t, &dot) || lex_.Prefix(t, &dot)) return false;
  if (lex_.weekdays.count(k) || lex_.number_words.count(k) || lex_.date_words.count(k))
    return false;
  // Adverbs and participles ("aktuelt", "vedtaget") end in -t; counted
  // nouns are plural or zero-plural and do not, bar a listed few. Definite
  // genitives ("kommunens") name an owner, not what is counted. (Verbs that
  // follow a number, "3 ud af 4 vurderer", are listed as stop words.)
  if (k.back() == 't') return false;
  if (lex_.HasGenitiveSuffix(k)) return false;
  return true;
}

bool Scanner::ModifierLike(size_t i) const {
  if (!Has(i) || T(i).kind != TokKind::kWord || T(i).has_digit || T(i).upper) return false;
  auto role = lex_.Count(T(i));
  if (role == CountRole::kModifier) return true;
  if (role) return false;
  std::string_view k = T(i).bare_key();
  // Adjectives by their suffix ("nordjyske", "specifikke"), adverbs and
  // participles by their -t ("visiteret unge"): skipped when a noun follows.
  // (Not every -e: "20-30 borgere deltager" counts "borgere".)
  return lex_.HasModifierSuffix(k) || (!k.empty() && k.back() == 't');
}

long Scanner::CountedNoun(size_t i) const {
  size_t j = i;
  if (Has(j) && lex_.Count(T(j)) == CountRole::kPartitive) {
    ++j;
    while (Has(j) && lex_.Count(T(j)) == CountRole::kDeterminer) ++j;
  }
  for (int n = 0; n < 4 && Has(j); ++n, ++j) {
    bool noun = NounCandidate(j);
    bool mod = ModifierLike(j);
    if (!noun) {
      if (mod && !T(j).dot_after) continue;
      return -1;
    }
    if (mod && !T(j).dot_after && NounCandidate(j + 1)) continue;
    return static_cast<long>(j);
  }
  return -1;
}

bool Scanner::NumberAt(size_t i, double* value, double* max, bool* range, bool* spelled,
                       size_t* next) {
  *range = *spelled = false;
  if (!Has(i)) return false;
  const Token& t = T(i);
  if (t.kind == TokKind::kNumber) {
    bool english = false;
    if (auto v = ParseDanishNumber(t.key, &english)) {
      *value = *v;
      *next = i + 1;
      return true;
    }
    if (english) {
      english_.emplace_back(t.start, t.end);
      return false;
    }
    // An in-token range: "9-29", "20–30", "1,5-2".
    NumShape sh = ShapeOf(t.key);
    size_t dash = 0;
    int dashes = 0;
    for (size_t k = 0; k < sh.seps.size(); ++k)
      if (sh.seps[k] == '-' || sh.seps[k] == 0x2013) ++dashes, dash = k;
    if (dashes != 1) return false;
    // Split the text at the dash.
    size_t pos = t.key.find('-');
    size_t len = 1;
    if (pos == std::string::npos) {
      pos = t.key.find("\xE2\x80\x93");
      len = 3;
    }
    std::string_view left = std::string_view(t.key).substr(0, pos);
    std::string_view right = std::string_view(t.key).substr(pos + len);
    // Case numbers: "2017-047330" (leading zero), "2014-44679" (5+ plain digits).
    if (right.size() > 1 && right[0] == '0') return false;
    if (sh.groups[dash + 1].size() >= 5 || sh.groups[dash].size() >= 5) return false;
    auto a = ParseDanishNumber(left), b = ParseDanishNumber(right);
    if (!a || !b || !(*a < *b)) return false;
    *value = *a;
    *max = *b;
    *range = true;
    *next = i + 1;
    return true;
  }
  if (t.kind == TokKind::kWord && !t.has_digit && lex_.number_words.count(t.key)) {
    size_t j = i + 1;
    std::string_view prev = t.key;
    while (Has(j) && T(j).kind == TokKind::kWord) {
      if (lex_.number_words.count(T(j).key)) {
        prev = T(j).key;
        ++j;
      } else if (lex_.and_words.count(T(j).key) && Has(j + 1) && lex_.number_words.count(T(j + 1).key) &&
                 lex_.hundreds_words.count(prev)) {
        j += 2;
        prev = T(j - 1).key;
      } else {
        break;
      }
    }
    if (j == i + 1) {
      // One word: the articles "en"/"et" are no count, and a lone scale
      // word ("millioner af kroner") no number.
      if (lex_.articles.count(t.key)) return false;
      bool dot;
      const UnitEntry* u = lex_.Unit(t, &dot);
      if (u && u->kind == UnitKind::kScale) return false;
    }
    // One word is looked up in the table built from ICU's own spellout
    // rules; only a phrase ("to hundrede og femogtyve") needs ICU's lenient
    // parser, whose first use builds a collator (~15 ms per thread).
    std::optional<double> v;
    if (j == i + 1) {
      auto it = lex_.cardinal_values.find(t.key);
      if (it != lex_.cardinal_values.end()) v = it->second;
    }
    if (!v) v = ParseSpelledNumber(Text(t.start, T(j - 1).end));
    if (!v) return false;
    *value = *v;
    *spelled = true;
    *next = j;
    return true;
  }
  return false;
}

bool Scanner::TryQuantity(size_t i, Found* f) {
  const Token& first = T(i);
  if (first.kind == TokKind::kWord && !(first.cls & kStarterWord)) return false;
  if (first.kind == TokKind::kCode) return false;
  size_t j = i;
  bool approx = false, minus = false, between = false;
  const UnitEntry* currency = nullptr;
  size_t end = 0;  // byte end of the figure's text
  for (int guard = 0; guard < 3 && Has(j); ++guard) {
    bool dot;
    if (auto p = lex_.Prefix(T(j), &dot)) {
      if (*p == PrefixRole::kApprox)
        approx = true;
      else if (*p == PrefixRole::kMinus)
        minus = true;
      else
        between = true;
      ++j;
      continue;
    }
    const UnitEntry* u = lex_.Unit(T(j), &dot);
    if (u && u->kind == UnitKind::kCurrency && !currency) {
      currency = u;
      ++j;
      continue;
    }
    break;
  }
  // A sign glued to the number: "-1.200" (a '-' after a space or '('), "÷ 500".
  if (Has(j + 1) && T(j + 1).kind == TokKind::kNumber) {
    const Token& s = T(j);
    bool open = s.space_before || (j > 0 && T(j - 1).IsPunct('('));
    if (((s.IsPunct('-') || s.IsPunct(0x2212)) && open && !T(j + 1).space_before) ||
        s.IsPunct(0xF7)) {
      minus = true;
      ++j;
    }
  }
  if (!Has(j)) return false;
  const size_t num = j;
  // Identifiers: "Punkt 5.", "§ 101", "nr. 1.234", "bilag 2", "slides 15-21".
  // After a label a year stays a year: "Delmål 2019", "Tema 2018".
  auto year_after_label = [&] {
    if (!lex_.IsReferenceLabel(T(i - 1)) || !IsPlainInt(T(j)) || T(j).key.size() != 4)
      return false;
    int y = std::atoi(T(j).key.c_str());
    return y >= 1900 && y <= 2099;
  };
  if (j == i && i > 0 && lex_.IsReference(T(i - 1)) && T(j).kind == TokKind::kNumber &&
      !year_after_label()) {
    // With the groups that follow: "tlf. 4477 3737", "tlf. 44 77 20 00".
    // And what continues the reference: "side 17+18", "§§ 5, 6 og 7", "pkt. 2-3".
    size_t q = j + 1;
    while (Has(q)) {
      if (IsPlainInt(T(q)) && T(q).space_before && IsPlainInt(T(q - 1))) {
        ++q;
      } else if (Has(q + 1) && T(q + 1).kind == TokKind::kNumber &&
                 (T(q).IsPunct('+') || T(q).IsPunct(',') || IsDash(T(q)) || T(q).IsWordIn(lex_.and_words))) {
        q += 2;
      } else {
        break;
      }
    }
    f->drop = true;
    f->te = q;
    return true;
  }
  double v = 0, vmax = 0;
  bool range = false, spelled = false;
  size_t k;
  if (!NumberAt(j, &v, &vmax, &range, &spelled, &k)) return false;
  const Token& nt = T(num);
  end = T(k - 1).end;

  // Phone numbers written in pairs ("44 77 20 00") and 8-digit runs (CVR,
  // phone): identifiers, never quantities.
  if (!spelled && IsPlainInt(nt) && nt.key.size() == 2 && Has(num + 3)) {
    bool phone = true;
    for (size_t q = num + 1; q <= num + 3; ++q)
      phone = phone && IsPlainInt(T(q)) && T(q).key.size() == 2 && T(q).space_before;
    if (phone) {
      f->drop = true;
      f->te = num + 4;
      return true;
    }
  }
  // Ordinals: "3. ansøgningsrunde", "1. og 2.", "hver 6. måned". A dot that
  // ends the sentence ("... modtaget 162.") leaves a cardinal.
  if (!spelled && !range && IsPlainInt(nt) && Has(k) && T(k).IsPunct('.') && !T(k).space_before &&
      Has(k + 1))
    return false;

  // Ranges written with a spaced dash ("20 – 30 mia. kr."), "mellem 9 og 29",
  // or "ca. 250 til 300" (an approximate span, not two counts).
  if (!range && Has(k + 1) &&
      ((IsDash(T(k)) && !spelled) || (between && T(k).IsWordIn(lex_.and_words)) ||
       (approx && T(k).IsWordIn(lex_.range_words)))) {
    double v2, m2;
    bool r2, s2;
    size_t k2;
    if (NumberAt(k + 1, &v2, &m2, &r2, &s2, &k2) && !r2 && s2 == spelled && v < v2) {
      vmax = v2;
      range = true;
      k = k2;
      end = T(k - 1).end;
    }
  }
  if (between && !range) return false;  // "mellem to tilbud": no range, no figure here
  // "Mellem 2018 og 2030": two years are a period (the date pass reads it
  // from the first year on), not a range of counts.
  auto year_value = [](double x) { return x == std::floor(x) && x >= 1900 && x <= 2099; };
  if (between && range && !spelled && !currency && IsPlainInt(nt) && nt.key.size() == 4 && year_value(v) &&
      year_value(vmax))
    return false;
  // The accounting dash of whole kroner: "250,- kr.", "kr. 1.200.000,-".
  if (!spelled && Has(k + 1) && T(k).IsPunct(',') && IsDash(T(k + 1)) && !T(k).space_before &&
      !T(k + 1).space_before) {
    bool d;
    const UnitEntry* after = Has(k + 2) ? lex_.Unit(T(k + 2), &d) : nullptr;
    if (currency || (after && after->kind == UnitKind::kCurrency)) {
      end = T(k + 1).end;
      k += 2;
    }
  }

  // "65+ år": an open upper end, kept in the text. Glued on to more ("65+-årige",
  // "17+18", footnotes "17+18Skolebørnsundersøgelsen") it is a compound, a sum
  // or a reference, not a quantity.
  if (!spelled && Has(k) && T(k).IsPunct('+') && !T(k).space_before) {
    if (Has(k + 1) && !T(k + 1).space_before &&
        (IsDash(T(k + 1)) || T(k + 1).kind == TokKind::kNumber ||
         T(k + 1).kind == TokKind::kCode)) {
      f->drop = true;
      f->te = k + 2;
      return true;
    }
    end = T(k).end;
    ++k;
  }

  // Scale and unit.
  std::string measure;  // "t CO2e"
  double scale = 1;
  const UnitEntry* unit = nullptr;
  bool dot = false;
  if (Has(k)) {
    const UnitEntry* u = lex_.Unit(T(k), &dot);
    if (u && u->kind == UnitKind::kScale) {
      scale = u->factor;
      end = dot ? T(k).dot_end() : T(k).end;
      ++k;
      u = Has(k) ? lex_.Unit(T(k), &dot) : nullptr;
    }
    if (u && u->kind == UnitKind::kMeasure) {
      // "412.000 t CO2e", "1,7 tons CO2", "250 kt CO2e": a mass only with
      // the gas after it; "ton" alone stays a counted noun.
      bool gdot = false;
      const UnitEntry* gas = Has(k + 1) ? lex_.Unit(T(k + 1), &gdot) : nullptr;
      if (gas && gas->kind == UnitKind::kGas) {
        measure = u->name + " " + gas->name;
        scale *= u->factor;
        end = gdot ? T(k + 1).dot_end() : T(k + 1).end;
        k += 2;
      }
      u = nullptr;
    }
    if (u && u->kind != UnitKind::kScale && u->kind != UnitKind::kGas) {
      unit = u;
      end = dot ? T(k).dot_end() : T(k).end;
      ++k;
      if (u->kind == UnitKind::kScaleCurrency) scale *= u->factor;
    }
  }
  // "1 Kr. 09 Øre" (Skelby-Gunderslev Sogneraad, 1930s): whole kroner,
  // then the hundredths in a unit of their own (a scale_currency below 1).
  if (unit && unit->kind == UnitKind::kCurrency && !range && !spelled && scale == 1 && Has(k + 1) &&
      T(k).space_before && IsPlainInt(T(k)) && T(k).key.size() <= 2) {
    bool d2 = false;
    const UnitEntry* sub = lex_.Unit(T(k + 1), &d2);
    if (sub && sub->kind == UnitKind::kScaleCurrency && sub->factor < 1 && sub->name == unit->name) {
      v += std::atoi(T(k).key.c_str()) / std::round(1 / sub->factor);
      end = d2 ? T(k + 1).dot_end() : T(k + 1).end;
      k += 2;
    }
  }
  // "14,8 %-point", "pct.-point": percentage points.
  bool points = unit && unit->kind == UnitKind::kPoints;
  if (unit && unit->kind == UnitKind::kPercent && Has(k + 1) && IsDash(T(k)) &&
      !T(k).space_before && !T(k + 1).space_before &&
      T(k + 1).IsWordIn(lex_.point_words)) {
    points = true;
    end = T(k + 1).end;
    k += 2;
  }

  f->tb = i;
  f->te = k;
  f->start = T(i).start;
  f->end = end;
  f->scale = scale;
  double sign = minus ? -1 : 1;
  // A factor below 1 (the hundredth, "95 Øre") divides, so that the
  // value is the decimal as written (0.95, not 0.9500000000000001).
  auto scaled = [](double x, double factor) { return factor < 1 ? x / std::round(1 / factor) : x * factor; };
  auto set_value = [&](double factor) {
    if (range) {
      f->min = sign * scaled(v, factor);
      f->max = sign * scaled(vmax, factor);
      if (minus) std::swap(f->min, f->max);
    } else {
      f->value = sign * scaled(v, factor);
    }
  };

  if (points) {
    f->type = "percentage_points";
    f->unit = "pp";
    set_value(1);
    return true;
  }
  if (unit && unit->kind == UnitKind::kPercent) {
    f->type = "percent";
    f->unit = "%";
    set_value(1);
    return true;
  }
  if (currency ||
      (unit && (unit->kind == UnitKind::kCurrency || unit->kind == UnitKind::kScaleCurrency))) {
    f->type = "amount";
    f->unit = unit && !unit->name.empty() ? unit->name : currency->name;
    set_value(scale);
    return true;
  }
  if (!measure.empty()) {
    f->type = "count";
    f->unit = measure;
    set_value(scale);
    return true;
  }
  if (unit && unit->kind == UnitKind::kDuration) {
    f->type = "duration";
    f->unit = unit->name;
    set_value(scale);
    return true;
  }
  // A plain number. Four digits 1900-2099 with no unit, prefix or range is a
  // year, whatever follows ("I 2015 gennemførte jobcentret ...").
  // ("ca. 2005" is a year too, unless it counts something: "ca. 2000 borgere".)
  if (!minus && !range && !spelled && scale == 1 && !unit && !currency && IsPlainInt(nt) &&
      nt.key.size() == 4 && (!approx || CountedNoun(k) < 0)) {
    int y = std::atoi(nt.key.c_str());
    // After a name set in capitals amid ordinary text ("arbejdet med
    // KULTURKOMMUNE 2017 begyndte", Syddjurs PUK 2013) the year is part of
    // the name, not a quantity. In a line set all in capitals
    // ("BESKÆFTIGELSESPLAN 2019 EN STATUS ALLE KAN BIDRAGE", Middelfart
    // 2018) the neighbours are capitals too, and a title line alone
    // ("BESKÆFTIGELSESPLAN 2019") has no running text before it: the year
    // stays.
    auto capital_name = [&](size_t p) {
      const Token& w = T(p);
      bool dot;
      return w.kind == TokKind::kWord && w.all_upper && !w.has_digit && !w.dot_after &&
             w.key.size() >= 4 && !lex_.Month(w, &dot) &&
             !(p > 0 && T(p - 1).kind == TokKind::kWord && T(p - 1).all_upper);
    };
    auto running_text_before = [&](size_t p) {
      for (size_t q = 0; q < p; ++q)
        if (T(q).kind == TokKind::kWord && !T(q).upper) return true;
      return false;
    };
    if (y >= 1900 && y <= 2099 && num == i && i > 0 && capital_name(i - 1) && running_text_before(i - 1) &&
        !(Has(k) && T(k).kind == TokKind::kWord && T(k).all_upper)) {
      f->drop = true;
      f->te = k;
      return true;
    }
    if (y >= 1900 && y <= 2099) {
      f->type = "year";
      f->value = y;
      return true;
    }
  }
  // The base of a rate: "pr. 1.000 indbyggere", "per 100.000".
  if (num == i && i > 0 && !range && !spelled && scale == 1 && !unit && !currency && v >= 10 &&
      T(i - 1).kind == TokKind::kWord &&
      (lex_.rate_words.count(T(i - 1).key) ||
       lex_.rate_words.count(T(i - 1).bare_key()))) {
    double p = v;
    while (p >= 10 && std::fmod(p, 10) == 0) p /= 10;
    if (p == 1) {
      long noun = CountedNoun(k);
      f->drop = true;
      f->te = noun >= 0 ? static_cast<size_t>(noun) + 1 : k;
      return true;
    }
  }
  // An age or a grade: "de 15 – 20 årige", "8-10 kl.".
  if (!unit && !currency && scale == 1 && Has(k) && lex_.Count(T(k)) == CountRole::kLabel) {
    f->drop = true;
    f->te = k + 1;
    return true;
  }
  long noun = CountedNoun(k);
  if (noun >= 0) {
    f->type = "count";
    f->unit = std::string(Text(T(noun).start, T(noun).end));
    f->te = static_cast<size_t>(noun) + 1;
    f->end = T(noun).end;
    set_value(scale);
    return true;
  }
  if (scale != 1) {
    // "3 mia." with no currency written: an amount of unstated unit.
    f->type = "amount";
    set_value(scale);
    return true;
  }
  if (spelled) return false;  // "to" alone is no figure
  // Five or more digits written without thousands dots: CVR, phone, account
  // and document numbers, or a year with a footnote glued on ("200613").
  if (IsPlainInt(nt) && nt.key.size() >= 5) {
    f->drop = true;
    return true;
  }
  // A footnote number glued to the text before it: "23 mia. kr.45", "pct.26",
  // "over 85 år1.", "’lægge år til livet’36".
  if (num == i && !nt.space_before && i > 0 &&
      (T(i - 1).kind == TokKind::kWord || T(i - 1).IsPunct('.') || T(i - 1).IsPunct(',') ||
       T(i - 1).IsPunct(')') || T(i - 1).IsPunct(0x201D) || T(i - 1).IsPunct(0x2019) ||
       T(i - 1).IsPunct('"') || T(i - 1).IsPunct('\''))) {
    f->drop = true;
    return true;
  }
  f->type = "count";
  f->bare = !approx && !minus && !range;
  set_value(1);
  return true;
}

}  // namespace referat::figures

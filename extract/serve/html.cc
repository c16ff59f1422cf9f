// HTML for the pages: plain HTML and CSS, no script needed, every text
// escaped with Esc(). The wording is Danish, from labels.da.tsv (L()); the
// contract's terms appear where they help (category values, field names in
// the JSON variant).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "serve/labels.h"
#include "serve/pages.h"

namespace referat::serve {

std::string Esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string UrlEncode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string SearchQueryString(const SearchParams& p, bool with_page) {
  std::string out;
  auto add = [&](const char* k, const std::string& v) {
    if (!out.empty()) out += '&';
    out += k;
    out += '=';
    out += UrlEncode(v);
  };
  if (!p.q.empty()) add("q", p.q);
  for (const auto& f : kSearchFilters)
    if (const auto& v = p.*f.field) add(f.name, *v);
  if (p.per_page != 20) add("n", std::to_string(p.per_page));
  if (with_page && p.page != 1) add("page", std::to_string(p.page));
  return out;
}

const std::map<std::string, std::string>& CategoryLabels() {
  static const auto* m = [] {
    auto* out = new std::map<std::string, std::string>;
    for (const auto& [key, text] : ParseLabels(kLabelsTsv))
      if (key.rfind("category.", 0) == 0) (*out)[key.substr(9)] = text;
    return out;
  }();
  return *m;
}

namespace {

std::string Str(const json& j, const char* key, std::string_view fallback = "") {
  if (j.is_object() && j.contains(key) && j[key].is_string()) return j[key].get<std::string>();
  return std::string(fallback);
}

std::string Num(const json& v) {
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number()) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v.get<double>());
    return buf;
  }
  if (v.is_string()) return v.get<std::string>();
  return "";
}

std::string CategoryLabel(const json& c) {
  if (!c.is_string()) return "";
  auto it = CategoryLabels().find(c.get<std::string>());
  return it == CategoryLabels().end() ? c.get<std::string>() : it->second;
}

std::string KindLabel(const json& k) {
  if (!k.is_string()) return "";
  const std::string label = L("kind." + k.get<std::string>());
  return label.rfind("⟦", 0) == 0 ? k.get<std::string>() : label;
}

const char* kCss = R"CSS(
*{box-sizing:border-box}body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1b1b1b;background:#fafaf7}
header{background:#233;color:#fff;padding:.6em 1em}header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:60em;margin:0 auto;padding:1em}a{color:#0b5394}h1{font-size:1.5em;margin:.3em 0}h2{font-size:1.15em;margin:1.2em 0 .4em}
form.search{display:grid;grid-template-columns:repeat(auto-fill,minmax(11em,1fr));gap:.5em;background:#fff;padding:.8em;border:1px solid #ddd;border-radius:6px}
form.search .q{grid-column:1/-1;display:flex;gap:.5em}form.search .q input{flex:1;font-size:1.1em}
label{display:flex;flex-direction:column;font-size:.85em;color:#444}input,select,button{font:inherit;padding:.35em;border:1px solid #bbb;border-radius:4px}
button{background:#0b5394;color:#fff;border:0;padding:.4em 1em}
ol.hits{list-style:none;padding:0}ol.hits li{background:#fff;border:1px solid #e2e2e2;border-radius:6px;padding:.7em;margin:.5em 0}
.meta{color:#555;font-size:.9em}.snip{margin:.3em 0 0}mark{background:#ffe58a;padding:0 .1em}
.cat{display:inline-block;border-radius:3px;padding:0 .35em;background:#e7eef7;font-size:.85em}
.cat-rejected{background:#f8d7d7}.cat-approved,.cat-approved_with_changes{background:#d7f0dc}
.pager{display:flex;gap:1em;align-items:center;margin:1em 0}.ev{font-size:.85em;white-space:nowrap}
table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
.verbatim{background:#fff;border-left:4px solid #0b5394;padding:.5em .8em;margin:.4em 0;white-space:pre-wrap}
.pagebox{position:relative;display:inline-block;max-width:100%;border:1px solid #aaa;background:#fff}.pagebox img{display:block;max-width:100%;height:auto}
.hl{position:absolute;background:rgba(255,200,0,.35);outline:2px solid #e08a00}
pre.text{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:.8em;max-height:40em;overflow:auto}
ol.timeline{border-left:3px solid #0b5394;list-style:none;padding-left:1em}ol.timeline li{margin:.6em 0}
.err{background:#fde;border:1px solid #c99;padding:1em;border-radius:6px}
@media (max-width:40em){main{padding:.5em}td,th{font-size:.9em}}
)CSS";

std::string Layout(const std::string& title, const std::string& body, const std::string& json_link) {
  std::string out =
      "<!doctype html>\n<html lang=\"da\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
      "<title>" +
      Esc(title) + " · referat</title><style>" + kCss +
      "</style></head><body><header><a href=\"/\">referat</a> · " + Esc(L("header")) +
      "</header><main>";
  out += body;
  if (!json_link.empty())
    out += "<p class=\"meta\"><a href=\"" + Esc(json_link) + "\" rel=\"alternate\" "
           "type=\"application/json\">JSON</a></p>";
  out += "</main></body></html>\n";
  return out;
}

// A link to the evidence of a value: the page image with its words boxed
// (PDF) or the text with the span marked.
std::string EvLink(const json& document_id, const json& span, const std::string& label = "",
                   const std::string& cls = "") {
  if (!span.is_object() || !document_id.is_number_integer()) return "";
  const json start = span.value("start", json()), end = span.value("end", json()),
             page = span.value("page", json());
  if (!start.is_number_integer() || !end.is_number_integer()) return "";
  std::string href = "/evidence/" + Num(document_id) + "?start=" + Num(start) + "&amp;end=" + Num(end);
  if (page.is_number_integer()) href += "&amp;page=" + Num(page);
  std::string text = label;
  if (text.empty())
    text = page.is_number_integer() ? L("evidence.page", {Num(page)}) : L("evidence");
  return " <a class=\"ev" + (cls.empty() ? "" : " " + cls) + "\" href=\"" + href + "\">[" +
         Esc(text) + "]</a>";
}

std::string Marked(const std::string& text, const json& marks) {
  std::string out;
  size_t at = 0;
  for (const json& m : marks) {
    size_t s = m[0].get<size_t>(), e = m[1].get<size_t>();
    if (s < at || e > text.size() || s > e) continue;
    out += Esc(text.substr(at, s - at)) + "<mark>" + Esc(text.substr(s, e - s)) + "</mark>";
    at = e;
  }
  return out + Esc(text.substr(std::min(at, text.size())));
}

std::string Select(const char* name, const std::string& label, const json& current,
                   const std::vector<std::pair<std::string, std::string>>& options) {
  std::string out = "<label>" + Esc(label) + "<select name=\"" + name + "\"><option value=\"\">" + Esc(L("select.all")) + "</option>";
  for (const auto& [value, text] : options) {
    out += "<option value=\"" + Esc(value) + "\"";
    if (current.is_string() && current.get<std::string>() == value) out += " selected";
    out += ">" + Esc(text) + "</option>";
  }
  return out + "</select></label>";
}

std::string Input(const char* name, const std::string& label, const json& current,
                  const std::string& extra = "") {
  return "<label>" + Esc(label) + "<input name=\"" + name + "\" value=\"" +
         Esc(current.is_string() ? current.get<std::string>() : "") + "\"" + extra + "></label>";
}

std::string Datalist(const char* id, const json& values) {
  std::string out = std::string("<datalist id=\"") + id + "\">";
  for (const json& v : values)
    if (v.is_string()) out += "<option value=\"" + Esc(v.get<std::string>()) + "\">";
  return out + "</datalist>";
}

std::string FiguresTable(const json& figures, bool with_item) {
  std::string out = "<table class=\"figures\"><tr>";
  for (const char* col : {"figure", "value", "unit", "type", "period"})
    out += "<th>" + Esc(L(std::string("figures.col.") + col)) + "</th>";
  if (with_item)
    out += "<th>" + Esc(L("figures.col.meeting")) + "</th><th>" + Esc(L("figures.col.item")) +
           "</th>";
  out += "<th></th></tr>";
  for (const json& f : figures) {
    std::string period = Str(f, "date");
    if (f.contains("date_end") && f["date_end"].is_string()) period += " – " + Str(f, "date_end");
    std::string value = Num(f.value("value", json()));
    if (f.value("min", json()).is_number())
      value = Num(f["min"]) + "–" + Num(f.value("max", json()));
    out += "<tr><td>" + Esc(Str(f, "text")) + "</td><td>" + Esc(value) + "</td><td>" +
           Esc(Str(f, "unit")) + "</td><td>" + Esc(Str(f, "type")) + "</td><td>" + Esc(period) +
           "</td>";
    if (with_item) {
      out += "<td>" + Esc(Str(f, "meeting_date")) + " " + Esc(Str(f, "body")) + "</td><td>";
      if (f.value("item_id", json()).is_number_integer())
        out += "<a href=\"/item/" + Num(f["item_id"]) + "\">" + Esc(Str(f, "item")) + " " +
               Esc(Str(f, "item_title")) + "</a>";
      out += "</td>";
    }
    out += "<td>" + EvLink(f.value("document_id", json()), f.value("span", json())) + "</td></tr>";
  }
  return out + "</table>";
}

}  // namespace


std::string ErrorHtml(int status, const std::string& message) {
  std::string title = L(status == 400 ? "error.400" : status == 404 ? "error.404" : "error.other");
  return Layout(title, "<h1>" + Esc(title) + " (" + std::to_string(status) +
                           ")</h1><p class=\"err\">" + Esc(message) +
                           "</p><p><a href=\"/\">" + Esc(L("error.back")) + "</a></p>",
                "");
}

std::string SearchHtml(const json& data, const json& choices) {
  const json& q = data["query"];
  std::string b;
  if (choices.value("stale_index", false))
    b += "<p class=\"err\" role=\"status\">" + Esc(L("notice.stale_index")) + "</p>";
  b += "<form class=\"search\" method=\"get\" action=\"/\" role=\"search\">";
  b += "<div class=\"q\"><input type=\"search\" name=\"q\" aria-label=\"" +
       Esc(L("search.field.q")) + "\" placeholder=\"" + Esc(L("search.placeholder")) +
       "\" value=\"" + Esc(Str(q, "q")) + "\"><button type=\"submit\">" +
       Esc(L("search.button")) + "</button></div>";
  b += Input("body", L("search.field.body"), q["body"], " list=\"bodies\"") +
       Datalist("bodies", choices["bodies"]);
  b += Input("municipality", L("search.field.municipality"), q["municipality"],
             " list=\"municipalities\"") +
       Datalist("municipalities", choices["municipalities"]);
  const std::string date_attrs = " placeholder=\"" + Esc(L("search.date.placeholder")) +
                                 "\" pattern=\"\\d{4}(-\\d{2}(-\\d{2})?)?\"";
  b += Input("from", L("search.field.from"), q["from"], date_attrs);
  b += Input("to", L("search.field.to"), q["to"], date_attrs);
  std::vector<std::pair<std::string, std::string>> cats;
  for (const auto& [k, v] : CategoryLabels()) cats.emplace_back(k, v + " (" + k + ")");
  b += Select("decision", L("search.field.decision"), q["decision"], cats);
  b += Input("absent", L("search.field.absent"), q["absent"]);
  b += Input("case", L("search.field.case"), q["case"]);
  std::vector<std::pair<std::string, std::string>> kinds;
  for (const json& k : choices["kinds"])
    if (k.is_string()) kinds.emplace_back(k.get<std::string>(), KindLabel(k));
  b += Select("kind", L("search.field.kind"), q["kind"], kinds);
  b += "</form>";

  const int64_t total = data["total"].get<int64_t>();
  const int page = q["page"].get<int>(), pages = data["pages"].get<int>();
  SearchParams p;  // rebuilt for the links
  p.q = Str(q, "q");
  auto opt = [&](const char* k) -> std::optional<std::string> {
    return q[k].is_string() ? std::optional<std::string>(q[k].get<std::string>()) : std::nullopt;
  };
  for (const auto& f : kSearchFilters) p.*f.field = opt(f.name);
  p.per_page = q["per_page"].get<int>();
  const std::string qs = SearchQueryString(p, false);
  b += "<p class=\"meta\" id=\"total\">" + std::to_string(total) +
       " " + Esc(L(total == 1 ? "search.hit" : "search.hits"));
  if (total > 0)
    b += " · " + Esc(L("search.page_of", {std::to_string(page), std::to_string(pages)}));
  b += " · <a href=\"/figures?" + Esc(qs) + "\">" + Esc(L("search.figures")) + "</a></p>";
  b += "<ol class=\"hits\">";
  for (const json& h : data["hits"]) {
    const bool item = h["type"] == "item";
    std::string href = item ? "/item/" + Num(h["item_id"]) : "/document/" + Num(h["document_id"]);
    std::string title = item ? Str(h, "number") + ". " + Str(h, "title") : Str(h, "title");
    b += "<li class=\"hit\"><a class=\"title\" href=\"" + href + "\">" + Esc(title) + "</a>";
    b += "<div class=\"meta\">" + Esc(Str(h, "date", L("search.undated")));
    if (h["body"].is_string()) b += " · " + Esc(Str(h, "body"));
    if (h["municipality"].is_string()) b += " · " + Esc(Str(h, "municipality"));
    b += " · " + Esc(KindLabel(h["kind"]));
    if (h["category"].is_string())
      b += " · <span class=\"cat cat-" + Esc(Str(h, "category")) + "\">" +
           Esc(CategoryLabel(h["category"])) + "</span>";
    b += "</div><p class=\"snip\">" + Marked(Str(h, "snippet"), h["marks"]) + "</p></li>";
  }
  b += "</ol>";
  if (pages > 1) {
    b += "<nav class=\"pager\">";
    std::string base = "/?" + qs + (qs.empty() ? "" : "&") + "page=";
    if (page > 1)
      b += "<a rel=\"prev\" href=\"" + Esc(base + std::to_string(page - 1)) + "\">" +
           Esc(L("search.prev")) + "</a>";
    b += "<span>" + Esc(L("search.pager", {std::to_string(page), std::to_string(pages)})) +
         "</span>";
    if (page < pages)
      b += "<a rel=\"next\" href=\"" + Esc(base + std::to_string(page + 1)) + "\">" +
           Esc(L("search.next")) + "</a>";
    b += "</nav>";
  }
  std::string json_link = "/search.json?" + SearchQueryString(p, true);
  return Layout(p.q.empty() ? L("search.title") : p.q, b, json_link);
}

std::string DocumentHtml(const json& d) {
  const json& m = d["meeting"];
  std::string title = m.is_object() ? Str(m, "body", L("document.meeting")) + " " + Str(m, "date")
                                    : Str(d, "title", Str(d, "given_path"));
  std::string b = "<h1>" + Esc(title) + "</h1><p class=\"meta\">" + Esc(KindLabel(d["kind"])) +
                  " · " + Esc(Str(d, "format")) + " · " + Esc(Str(d, "given_path")) + "</p>";
  if (m.is_object()) {
    b += "<table class=\"meeting\">";
    for (const char* key : {"document_type", "municipality", "council", "body", "date",
                            "start_time", "end_time", "location"})
      if (m[key].is_string())
        b += "<tr><th>" + Esc(L(std::string("document.field.") + key)) + "</th><td>" +
             Esc(Str(m, key)) + "</td></tr>";
    b += "</table><p>" + EvLink(d["document_id"], m["span"], L("document.header_evidence")) + "</p>";
  }
  if (!d["attendance"].empty()) {
    b += "<h2>" + Esc(L("document.attendance")) + "</h2><ul class=\"attendance\">";
    for (const json& a : d["attendance"]) {
      b += "<li><b>" + Esc(L("attendance." + Str(a, "status"))) + ":</b> " + Esc(Str(a, "name"));
      if (a["role"].is_string()) b += " (" + Esc(Str(a, "role")) + ")";
      if (a["item_number"].is_string())
        b += Esc(L("document.item_ref", {Str(a, "item_number")}));
      b += EvLink(d["document_id"], a["span"]) + "</li>";
    }
    b += "</ul>";
  }
  if (!d["items"].empty()) {
    b += "<h2>" + Esc(L("document.agenda")) + "</h2><table class=\"items\"><tr>";
    for (const char* col : {"number", "item", "case", "decision"})
      b += "<th>" + Esc(L(std::string("document.col.") + col)) + "</th>";
    b += "<th></th></tr>";
    for (const json& i : d["items"]) {
      b += "<tr><td>" + Esc(Str(i, "number")) + "</td><td><a href=\"/item/" + Num(i["item_id"]) +
           "\">" + Esc(Str(i, "title")) + "</a></td><td>" + Esc(Str(i, "case_number")) + "</td><td>";
      if (i["category"].is_string())
        b += "<span class=\"cat cat-" + Esc(Str(i, "category")) + "\">" + Esc(CategoryLabel(i["category"])) + "</span>";
      b += "</td><td>" + EvLink(d["document_id"], i["span"]) + "</td></tr>";
    }
    b += "</table>";
  }
  b += "<p><a href=\"/figures?document=" + Num(d["document_id"]) + "\">" + Esc(L("document.figures")) + "</a></p>";
  return Layout(title, b, "/document/" + Num(d["document_id"]) + ".json");
}

std::string ItemHtml(const json& d) {
  const json& doc = d["document_id"];
  std::string title = Str(d, "number") + ". " + Str(d, "title");
  std::string b = "<p class=\"meta\"><a href=\"/document/" + Num(doc) + "\">" +
                  Esc(Str(d, "body", Str(d, "given_path"))) + " " + Esc(Str(d, "date")) + "</a>";
  if (d["municipality"].is_string()) b += " · " + Esc(Str(d, "municipality"));
  b += "</p><h1>" + Esc(title) + "</h1><p class=\"meta\">";
  std::vector<std::string> meta;
  if (d["public"].is_boolean())
    meta.push_back(Esc(L(d["public"].get<bool>() ? "item.open" : "item.closed")));
  if (d["case_number"].is_string()) {
    std::string c = Esc(L("item.case")) + " " + Esc(Str(d, "case_number")) +
                    " · <a href=\"/case/" + Num(d["item_id"]) + "\">" + Esc(L("item.case_path"));
    const int64_t others = d.value("case_elsewhere", int64_t{0});
    if (others == 1) c += Esc(L("item.case_one_other"));
    if (others > 1) c += Esc(L("item.case_others", {std::to_string(others)}));
    meta.push_back(c + "</a>");
  }
  for (size_t i = 0; i < meta.size(); ++i) b += (i ? " · " : "") + meta[i];
  b += EvLink(doc, d["span"], L("item.whole_evidence")) + "</p>";

  const json& dec = d["decision"];
  b += "<h2>" + Esc(L("item.decision")) + "</h2>";
  if (dec.is_object()) {
    b += "<p><span class=\"cat cat-" + Esc(Str(dec, "category")) + "\" id=\"category\">" +
         Esc(CategoryLabel(dec.value("category", json()))) + "</span> <code>" + Esc(Str(dec, "category")) +
         "</code>" + EvLink(doc, dec.value("span", json()), "", "decision") + "</p>";
    b += "<div class=\"verbatim\" id=\"decision\">" + Esc(Str(dec, "text")) + "</div>";
  } else {
    b += "<p class=\"meta\">" + Esc(L("item.no_decision")) + "</p>";
  }
  const json& rec = d["recommendation"];
  if (rec.is_object()) {
    b += "<h2>" + Esc(L("item.recommendation")) + "</h2>";
    if (rec.value("by", json()).is_string())
      b += "<p class=\"meta\">" + Esc(L("item.recommends", {Str(rec, "by")})) + "</p>";
    b += "<div class=\"verbatim\">" + Esc(Str(rec, "text")) + "</div>";
    if (rec.contains("clauses") && rec["clauses"].is_array() && !rec["clauses"].empty()) {
      b += "<ul>";
      for (const json& c : rec["clauses"]) b += "<li>" + Esc(c.is_string() ? c.get<std::string>() : "") + "</li>";
      b += "</ul>";
    }
    b += "<p>" + EvLink(doc, rec.value("span", json())) + "</p>";
  }
  if (d["absent"].is_array() && !d["absent"].empty()) {
    b += "<h2>" + Esc(L("item.absent")) + "</h2><ul>";
    for (const json& n : d["absent"])
      b += "<li>" + Esc(n.is_string() ? n.get<std::string>() : "") +
           EvLink(doc, d["span"], L("item.absent_evidence")) + "</li>";
    b += "</ul>";
  }
  const json& votes = d["votes"];
  if (votes.is_object()) {
    b += "<h2>" + Esc(L("item.votes")) + "</h2><table>";
    for (const char* key : {"for", "against", "abstained"}) {
      std::string names;
      if (votes.contains(key) && votes[key].is_array())
        for (const json& n : votes[key]) names += (names.empty() ? "" : ", ") + (n.is_string() ? n.get<std::string>() : "");
      std::string count;
      if (votes.contains("counts") && votes["counts"].is_object()) count = Num(votes["counts"].value(key, json()));
      b += "<tr><th>" + Esc(L(std::string("item.votes.") + key)) + "</th><td>" + Esc(count) +
           "</td><td>" + Esc(names) + "</td></tr>";
    }
    b += "</table><p>" + EvLink(doc, votes.value("span", json())) + "</p>";
  }
  if (d["dissents"].is_array() && !d["dissents"].empty()) {
    b += "<h2>" + Esc(L("item.dissents")) + "</h2><ul>";
    for (const json& x : d["dissents"])
      b += "<li><b>" + Esc(Str(x, "who")) + "</b>: " + Esc(Str(x, "text")) + EvLink(doc, x.value("span", json())) + "</li>";
    b += "</ul>";
  }
  if (d["referrals"].is_array() && !d["referrals"].empty()) {
    b += "<h2>" + Esc(L("item.referrals")) + "</h2><ul>";
    for (const json& x : d["referrals"])
      b += "<li>" + Esc(Str(x, "body")) + " " + Esc(Str(x, "date")) + EvLink(doc, x.value("span", json())) + "</li>";
    b += "</ul>";
  }
  if (d["attachments"].is_array() && !d["attachments"].empty()) {
    b += "<h2>" + Esc(L("item.attachments")) + "</h2><ul>";
    for (const json& x : d["attachments"])
      b += "<li>" + Esc(Str(x, "title")) + EvLink(doc, x.value("span", json())) + "</li>";
    b += "</ul>";
  }
  if (!d["figures"].empty()) {
    json figs = d["figures"];
    for (json& f : figs) f["document_id"] = doc;
    b += "<h2>" + Esc(L("item.figures")) + "</h2>" + FiguresTable(figs, false);
  }
  if (!d["targets"].empty()) {
    b += "<h2>" + Esc(L("item.targets")) + "</h2><ul>";
    for (const json& t : d["targets"]) {
      b += "<li>" + Esc(Str(t, "text"));
      if (t.value("value", json()).is_number()) b += " <b>" + Esc(Num(t["value"])) + " " + Esc(Str(t, "unit")) + "</b>";
      if (t.value("deadline", json()).is_string()) b += " " + Esc(L("item.deadline")) + " " + Esc(Str(t, "deadline"));
      b += EvLink(doc, t.value("span", json())) + "</li>";
    }
    b += "</ul>";
  }
  return Layout(title, b, "/item/" + Num(d["item_id"]) + ".json");
}

std::string CaseHtml(const json& d) {
  std::string title = L("case.title", {Str(d, "case_number", L("case.no_number"))});
  std::string b = "<h1>" + Esc(title) + "</h1><p class=\"meta\">" + Esc(Str(d, "title")) + "</p>";
  if (d["steps"].empty()) {
    b += "<p>" + Esc(L("case.none")) + "</p>";
  } else {
    b += "<ol class=\"timeline\">";
    for (const json& s : d["steps"]) {
      b += "<li><b>" + Esc(Str(s, "date", L("case.undated"))) + "</b> " + Esc(Str(s, "body")) +
           ": <a href=\"/item/" + Num(s["item_id"]) + "\">" + Esc(Str(s, "number")) + ". " +
           Esc(Str(s, "title")) + "</a>";
      if (s["category"].is_string())
        b += " <span class=\"cat cat-" + Esc(Str(s, "category")) + "\">" + Esc(CategoryLabel(s["category"])) + "</span>";
      b += EvLink(s["document_id"], s["span"]);
      if (s.contains("referrals") && s["referrals"].is_array())
        for (const json& r : s["referrals"])
          b += "<br><span class=\"meta\">" + Esc(L("case.onward")) + " " + Esc(Str(r, "body")) + " " + Esc(Str(r, "date")) + "</span>";
      b += "</li>";
    }
    b += "</ol>";
  }
  return Layout(title, b, "/case/" + Num(d["item_id"]) + ".json");
}

namespace {

// One small line chart: x by meeting date order, y the sum of the values
// on that date. Server-rendered SVG, so no script is needed.
std::string SeriesSvg(const json& s) {
  const json& pts = s["points"];
  const double w = 560, h = 180, left = 70, bottom = 30, top = 12, right = 12;
  double lo = 0, hi = 0;
  for (const json& p : pts) {
    double v = p["sum"].get<double>();
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (hi == lo) hi = lo + 1;
  const size_t n = pts.size();
  auto x = [&](size_t i) { return left + (w - left - right) * (n == 1 ? 0.5 : double(i) / double(n - 1)); };
  auto y = [&](double v) { return top + (h - top - bottom) * (1 - (v - lo) / (hi - lo)); };
  char buf[160];
  std::string out = "<svg class=\"chart\" viewBox=\"0 0 560 180\" width=\"100%\" role=\"img\" aria-label=\"" +
                    Esc(Str(s, "type") + " " + Str(s, "unit")) + "\">";
  std::snprintf(buf, sizeof buf, "<line x1=\"%g\" y1=\"%g\" x2=\"%g\" y2=\"%g\" stroke=\"#999\"/>", left, h - bottom, w - right, h - bottom);
  out += buf;
  std::string path;
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "%s%.1f,%.1f", i ? " L" : "M", x(i), y(pts[i]["sum"].get<double>()));
    path += buf;
  }
  out += "<path d=\"" + path + "\" fill=\"none\" stroke=\"#0b5394\" stroke-width=\"2\"/>";
  for (size_t i = 0; i < n; ++i) {
    std::snprintf(buf, sizeof buf, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#0b5394\"><title>", x(i), y(pts[i]["sum"].get<double>()));
    out += buf + Esc(Str(pts[i], "date") + ": " + Num(pts[i]["sum"])) + "</title></circle>";
  }
  std::snprintf(buf, sizeof buf, "<text x=\"4\" y=\"%g\" font-size=\"11\">", top + 8);
  out += buf + Esc(Num(json(hi))) + "</text>";
  std::snprintf(buf, sizeof buf, "<text x=\"4\" y=\"%g\" font-size=\"11\">", h - bottom);
  out += buf + Esc(Num(json(lo))) + "</text>";
  std::snprintf(buf, sizeof buf, "<text x=\"%g\" y=\"%g\" font-size=\"11\">", left, h - 8);
  out += buf + Esc(Str(pts[0], "date")) + "</text>";
  std::snprintf(buf, sizeof buf, "<text x=\"%g\" y=\"%g\" font-size=\"11\" text-anchor=\"end\">", w - right, h - 8);
  out += buf + Esc(Str(pts[n - 1], "date")) + "</text></svg>";
  return out;
}

}  // namespace

std::string FiguresHtml(const json& d, const std::string& csv_link) {
  std::string title = L("figures.title");
  std::string b = "<h1>" + Esc(title) + "</h1><p class=\"meta\">" +
                  Esc(L("figures.count", {std::to_string(d["figures"].size())}));
  if (d["truncated"].get<bool>()) b += Esc(L("figures.first", {std::to_string(kMaxFigureRows)}));
  b += " · <a href=\"" + Esc(csv_link) + "\">CSV</a>";
  if (d["scope"].contains("document_id"))
    b += " · <a href=\"/document/" + Num(d["scope"]["document_id"]) + "\">" + Esc(L("figures.document")) + "</a>";
  else
    b += " · <a href=\"/?" + Esc(Str(d["scope"], "search")) + "\">" + Esc(L("figures.search")) + "</a>";
  b += "</p>";
  for (const json& s : d["series"])
    b += "<h2>" + Esc(Str(s, "type")) + " (" + Esc(Str(s, "unit")) + ") " + Esc(L("figures.per_meeting")) + "</h2>" + SeriesSvg(s);
  b += FiguresTable(d["figures"], true);
  std::string json_link = csv_link;
  json_link.replace(json_link.find(".csv"), 4, ".json");
  return Layout(title, b, json_link);
}

std::string FiguresCsv(const json& d) {
  // RFC 4180, as `referat export --format csv`.
  auto field = [](const json& v) {
    std::string s = v.is_string() ? v.get<std::string>() : Num(v);
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
      if (c == '"') q += '"';
      q += c;
    }
    return q + "\"";
  };
  static const char* cols[] = {"meeting_date", "body", "item", "item_title", "type", "text",
                               "value", "min", "max", "unit", "date", "date_end"};
  std::string out;
  for (const char* c : cols) out += std::string(out.empty() ? "" : ",") + c;
  out += ",document_id,span_start,span_end,span_page\r\n";
  for (const json& f : d["figures"]) {
    std::string row;
    for (const char* c : cols) row += (row.empty() ? "" : ",") + field(f.value(c, json()));
    const json span = f.value("span", json());
    row += "," + field(f["document_id"]);
    for (const char* k : {"start", "end", "page"})
      row += "," + field(span.is_object() ? span.value(k, json()) : json());
    out += row + "\r\n";
  }
  return out;
}

std::string EvidenceHtml(const json& d) {
  std::string title = L("evidence.title", {Str(d, "given_path")});
  std::string b = "<p class=\"meta\"><a href=\"/document/" + Num(d["document_id"]) + "\">" +
                  Esc(Str(d, "given_path")) + "</a> · " + Esc(Str(d, "format"));
  if (d["page"].is_number_integer())
    b += " · " + Esc(L("evidence.page_of", {Num(d["page"]), Num(d["pages"])}));
  b += " · bytes " + Num(d["span"]["start"]) + "–" + Num(d["span"]["end"]) + "</p>";
  b += "<h1>" + Esc(L("evidence.heading")) + "</h1><div class=\"verbatim\" id=\"quote\">" + Esc(Str(d, "quote")) + "</div>";
  if (d["error"].is_string()) b += "<p class=\"err\">" + Esc(Str(d, "error")) + "</p>";
  if (d["image"].is_string()) {
    b += "<div class=\"pagebox\" id=\"pagebox\"><img id=\"page\" src=\"" + Esc(Str(d, "image")) +
         "\" alt=\"" + Esc(L("evidence.page_alt", {Num(d["page"])})) + "\">";
    char buf[200];
    for (const json& box : d["boxes"]) {
      std::snprintf(buf, sizeof buf,
                    "<div class=\"hl\" style=\"left:%.3f%%;top:%.3f%%;width:%.3f%%;height:%.3f%%\"></div>",
                    box["x"].get<double>() * 100, box["y"].get<double>() * 100,
                    box["w"].get<double>() * 100, box["h"].get<double>() * 100);
      b += buf;
    }
    b += "</div>";
    if (d["boxes"].empty()) b += "<p class=\"meta\">" + Esc(L("evidence.not_found")) + "</p>";
    b += "<p class=\"meta\">";
    if (d["page"].get<int>() > 1) b += "<a href=\"" + Esc(Str(d, "prev")) + "\">" + Esc(L("evidence.prev")) + "</a> ";
    if (d["page"].get<int>() < d["pages"].get<int>()) b += "<a href=\"" + Esc(Str(d, "next")) + "\">" + Esc(L("evidence.next")) + "</a>";
    b += "</p>";
  }
  if (d["before"].is_string()) {
    b += "<h2>" + Esc(L("evidence.text")) + "</h2><pre class=\"text\" id=\"text\">" + Esc(Str(d, "before")) + "<mark id=\"span\">" +
         Esc(Str(d, "quote")) + "</mark>" + Esc(Str(d, "after")) + "</pre>";
  }
  return Layout(title, b, Str(d, "json"));
}

}  // namespace referat::serve

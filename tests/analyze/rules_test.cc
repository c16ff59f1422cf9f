// Tests of the decision classifier beyond its examples (the examples of
// every rule file are run by tests/rules/rule_examples_test.cc).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "analyze/context.h"
#include "analyze/dates.h"
#include "analyze/decision.h"
#include "analyze/header.h"
#include "analyze/lexicon.h"
#include "analyze/names.h"
#include "analyze/text_util.h"
#include "lang/dates.h"
#include "analyze_test_util.h"

namespace referat {
namespace {

using analyze::Lexicon;

const Lexicon& Lex() { return Lexicon::For(Rules()); }

// One line per agenda item, "number title access" ("open", "closed" or "?"),
// so a test states the items it expects in one list.
std::vector<std::string> ItemLines(const Record& rec) {
  std::vector<std::string> out;
  for (const auto& it : rec.agenda_items)
    out.push_back(it.number + " " + it.title + " " + (it.public_ ? (*it.public_ ? "open" : "closed") : "?"));
  return out;
}

// Warnings the contract promises: unknown wording is "other" plus a warning,
// never a guess.
TEST(Decisions, UnknownWordingWarns) {
  auto r = testing::StructureOfBytes(
      "Punkt 1.\nTitel\nBeslutning:\nLokalitet for dialogmødet er ændret fra caféen til Portalen.\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->agenda_items.size(), 1u);
  ASSERT_TRUE(r->agenda_items[0].decision);
  EXPECT_EQ(Name(r->agenda_items[0].decision->category), "other");
  bool warned = false;
  for (const auto& w : r->warnings) warned = warned || w.code == "unknown_decision_phrase";
  EXPECT_TRUE(warned);
}

TEST(Decisions, LexiconIsCompiledOncePerRulebook) {
  EXPECT_EQ(&Lexicon::For(Rules()), &Lexicon::For(Rules()));
  Rulebook other = Rulebook::FromTexts({{"decision_phrases", "approved\tja\n"}});
  const Lexicon& a = Lexicon::For(other);
  EXPECT_EQ(&a, &Lexicon::For(other));
  EXPECT_NE(&a, &Lexicon::For(Rules()));
  EXPECT_EQ(a.decisions().ClassifyDecision("Ja.").category, "approved");
  EXPECT_EQ(Lex().decisions().ClassifyDecision("Ja.").category, "other");
}

// Items numbered in a cell of their own and grouped in an outline, with
// "Oplæg:" / "Referat:" under each (the layout of Aarhus Kommune's SBSYS
// minutes, Mødesystemgruppen 06-10-2016): every row of the outline is an
// item, the groups' own rows too, while a table in an item's body that
// numbers its rows adds none.
TEST(Items, NumbersInCellsOfTheirOwnFormAnOutline) {
  const std::string text =
      "Referat\nMødesystemgruppen\nDato:\t6. oktober 2016\n"
      "Deltagere:\tJeppe Kirkegaard\nTilde Ølholm\nPeter Marker\nFraværende:\nBemærk:\n"
      "1\tFirst Agenda\n1.1\tStatus siden sidst\nOplæg:\nDer er foretaget et servicevindue.\n"
      "Referat: Alle skal have indhold.\n"
      "1.2\tStatus på udviklingsønsker\nOplæg:\nAD-integrationen er ved at komme i gang.\n"
      "Vi har været stopklodsen.\nHjælpetekster er på vej.\nDer er problemer med at logge ind.\n"
      "Deling af punkter kommer i første kvartal.\nReferat:\n"
      "2\tGetOrganized\n2.1\tStatus siden sidst\nOplæg:\nFejl i versionen:\n"
      "1\tForkert dato\n2\tBilag vendt forkert\n3\tForskellig skrifttype\nReferat:\n"
      "3\tEventuelt\nReferat: Intet.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  std::vector<std::string> numbers;
  for (const auto& it : rec->agenda_items) numbers.push_back(it.number + " " + it.title);
  EXPECT_EQ(numbers, (std::vector<std::string>{"1 First Agenda", "1.1 Status siden sidst",
                                               "1.2 Status på udviklingsønsker", "2 GetOrganized",
                                               "2.1 Status siden sidst", "3 Eventuelt"}));
  ASSERT_TRUE(rec->meeting && rec->meeting->body);
  EXPECT_EQ(*rec->meeting->body, "Mødesystemgruppen");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present,
            (std::vector<std::string>{"Jeppe Kirkegaard", "Tilde Ølholm", "Peter Marker"}));
  EXPECT_TRUE(rec->attendance->absent.empty());
}

// A printed agenda list without page numbers and without a heading, split
// under "Åben dagsorden" / "Lukket dagsorden", before the items themselves:
// the list is the table of contents (its numbers come again below with the
// same titles), it says which items are open, and a short title in lower
// case ("1. test") with an empty "Sagsnr.:" under it is still an item.
TEST(Items, PrintedAgendaListWithoutPagesIsTheContents) {
  const std::string text =
      "Referat\nØkonomiudvalget\nMødedato: 12. marts 2024\n\nÅben dagsorden\n1 test\n"
      "2 Godkendelse af dagsorden\n3 Budgetopfølgning\n4 Fejloprettet\nLukket dagsorden\n"
      "5 Personalesag\n6 Ejendomssag\n\n"
      "1. test\nSagsnr.:\nBeslutning:\nGodkendt.\n\n"
      "2. Godkendelse af dagsorden\nSagsnr.: 24/1234\nBeslutning:\nGodkendt.\n\n"
      "3. Budgetopfølgning\nSagsnr.: 24/2222\nBeslutning:\nTaget til efterretning.\n\n"
      "4. Fejloprettet\nSagsnr.:\nBeslutning:\nUdgår.\n\n"
      "5. Personalesag\nBeslutning:\nGodkendt.\n\n6. Ejendomssag\nBeslutning:\nGodkendt.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  std::vector<std::string> got = ItemLines(*rec);
  EXPECT_EQ(got, (std::vector<std::string>{"1 test open", "2 Godkendelse af dagsorden open",
                                           "3 Budgetopfølgning open", "4 Fejloprettet open",
                                           "5 Personalesag closed", "6 Ejendomssag closed"}));
  EXPECT_EQ(rec->toc.size(), 5u);  // "1 test" in lower case is no entry of its own
  // Each item ends where the next begins, not at the end of the document.
  ASSERT_EQ(rec->agenda_items.size(), 6u);
  EXPECT_LT(rec->agenda_items[0].span.end, rec->agenda_items[1].span.start + 1);
}

// Minutes as municipal web sites publish them, modelled line for line on
// Brønderslev Kommune's page (Byrådet, 29 January 2020): the page title
// names the body and the type joined by a dash, and the absentees are
// item 1, "Fraværende", with their names as its decision.
TEST(Meetings, PublishedPageTitleAndAnAbsenteeItem) {
  const std::string text =
      "Byrådet - Referat\n\nDato: 29. januar 2020\nLokale: Byrådssalen, Brønderslev Rådhus\n"
      "Tidspunkt: Kl. 19:00\n\n1. Fraværende\n\nResume\n\nSagsforløb: BY\n\nSagsfremstilling\n\n"
      "Der er afbud fra Martin Bech og Niels Vestergaard Salling.\n\nBeslutning\n\n"
      "Martin Bech og Niels Vestergaard Salling.\n\n2. Bemærkninger til dagsordenen\n\nBeslutning\n\n"
      "Ingen.\n\nMartin Bech og Niels Vestergaard Salling var fraværende.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Byrådet");
  EXPECT_EQ(rec->meeting->document_type.value_or("-"), "referat");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2020-01-29");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "19:00");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Byrådssalen, Brønderslev Rådhus");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Martin Bech", "Niels Vestergaard Salling"}));
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[1].absent, rec->attendance->absent);
  // A decision that is a sentence is no list of absentees.
  auto other = testing::StructureOfBytes(
      "Referat\nByrådet\nDato: 29. januar 2020\n\n1. Afbud\n\nBeslutning\n\nPunktet blev udsat til næste møde.\n");
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE(!other->attendance || other->attendance->absent.empty());
}

// docplayer.dk's transcripts print a PDF page as one line with the page's
// number before it, so a header table's labels and values come on one line.
// Skive Kommune, Økonomiudvalg 12.8.2014 (docplayer.dk/2556987): each label
// ends the previous label's value, and an empty label ("Mødet hævet:")
// followed by the next has none.
TEST(Meetings, LabelsAndValuesOnOneFlattenedLine) {
  auto rec = testing::StructureOfBytes(
      "1 ÅBEN DAGSORDEN ØKONOMIUDVALG Mødedato: 12. august 2014 Mødested: Gl. Rådhus, Byrådssalen "
      "Mødetidspunkt: 16:00 Mødet hævet: Deltagere: Peder Chr. Kirkegaard, Anna-Lise Vestergaard, Bolette "
      "Dahl Pedersen, Preben Andersen, Niels Ole D. Nielsen, Anders Bøge, Bent Dyrberg Fraværende:\n\n"
      "2 1. Budgetstatus Sagsnr.: 14/1234 Indstilling Direktionen indstiller, at budgetstatus tages til "
      "efterretning. Beslutning Taget til efterretning. Side 2\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date, "2014-08-12");
  EXPECT_EQ(rec->meeting->location, "Gl. Rådhus, Byrådssalen");
  EXPECT_EQ(rec->meeting->start_time, "16:00");
  EXPECT_FALSE(rec->meeting->end_time);
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present,
            (std::vector<std::string>{"Peder Chr. Kirkegaard", "Anna-Lise Vestergaard", "Bolette Dahl Pedersen",
                                      "Preben Andersen", "Niels Ole D. Nielsen", "Anders Bøge", "Bent Dyrberg"}));
  EXPECT_TRUE(rec->attendance->absent.empty());
}

// Esbjerg Kommune, Økonomiudvalget 6.10.2014 (docplayer.dk/25418556): a
// run of labels ("Mødested: Deltagere:") with their values after them in
// the same order: the place up to the first name, then the names.
TEST(Meetings, ARunOfLabelsWithTheirValuesAfterThem) {
  auto rec = testing::StructureOfBytes(
      "1 Referat fra Økonomiudvalget Mødedato: Mandag den 6. oktober 2014 Mødetidspunkt: 9:30-11:00 "
      "Mødested: Deltagere: Borgmesterens mødelokale Johnny Søtrup (V), Henrik Vallø (C), Henning Ravn (V), "
      "Jakob Lose (V), Anders Kronborg (A) Afbud: Fraværende:\n\n"
      "2 1. Godkendelse af dagsorden Dok.nr.: 1965 Sagsid.: 14/40 Initialer: dosko Åben sag Beslutning "
      "Økonomiudvalget den Godkendt. Afbud: Ingen Side 2\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date, "2014-10-06");
  EXPECT_EQ(rec->meeting->start_time, "09:30");
  EXPECT_EQ(rec->meeting->end_time, "11:00");
  EXPECT_EQ(rec->meeting->location, "Borgmesterens mødelokale");
  // "Referat fra Økonomiudvalget": the body after the type and "fra".
  EXPECT_EQ(rec->meeting->body, "Økonomiudvalget");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present, (std::vector<std::string>{"Johnny Søtrup", "Henrik Vallø", "Henning Ravn",
                                                                "Jakob Lose", "Anders Kronborg"}));
  EXPECT_TRUE(rec->attendance->absent.empty());
}

// A header table with no type word over text where no agenda item is
// recognised (a transcript's page of the protocol cut after the header):
// labels that give the date, the time and the place still make it a
// meeting's. Esbjerg Kommune, Økonomiudvalget 6.10.2014
// (docplayer.dk/25418556), its header without the title.
TEST(Meetings, LabelledDateTimeAndPlaceWithoutItems) {
  auto rec = testing::StructureOfBytes(
      "1 Mødedato: Mandag den 6. oktober 2014 Mødetidspunkt: 9:30-11:00 Mødested: Deltagere: Borgmesterens "
      "mødelokale Johnny Søtrup (V), Henrik Vallø (C), Henning Ravn (V), Jakob Lose (V), Anders Kronborg (A) "
      "Afbud: Fraværende:\n\n"
      "2 Indholdsfortegnelse Side Godkendelse af dagsorden Formulering i retningslinjer om håndtering af "
      "individuelt sygefravær vedr. livstruende sygdom Godkendelse af Vækststrategi Bilagsliste Side 1\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date, "2014-10-06");
  EXPECT_EQ(rec->meeting->location, "Borgmesterens mødelokale");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present.size(), 5u);
}

// Fredericia Kommune, Kultur- og Idrætsudvalget 18.3.2015
// (docplayer.dk/3641174): "Medlemmer: Fraværende:" with the members after
// them, a party each and no commas, then the absent members' names run
// together; the body after "Referat fra mødet i", without the note in
// parentheses after it.
TEST(Meetings, MembersThenTheAbsentAfterARunOfTwoLabels) {
  auto rec = testing::StructureOfBytes(
      "1 Referat fra mødet i Kultur- og Idrætsudvalget (Indeholder åbne dagsordenspunkter) Mødedato: Onsdag "
      "den 18. marts 2015 Mødested: Fredericia Bibliotek Mødetidspunkt: Kl. 12:00-15:00 Medlemmer: "
      "Fraværende: Formand: Lars Ejby Pedersen (A) Næstformand: Kurt Halling (O) Bente Ankersen (A) "
      "Christian Jørgensen (V) Lasse Strüwing Hansen (A) Nicolaj Wyke (V) Turan Savas (A) Kurt Halling "
      "Bente Ankersen Side 1\n\n"
      "2 20 Godkendelse af dagsorden Sagsnr.: Sagen afgøres i: Kultur- og Idrætsudvalget Indstillinger: "
      "Indstilles til godkendelse. Beslutning i Kultur- og Idrætsudvalget den : Godkendt. Side 3\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body, "Kultur- og Idrætsudvalget");
  EXPECT_EQ(rec->meeting->date, "2015-03-18");
  EXPECT_EQ(rec->meeting->location, "Fredericia Bibliotek");
  EXPECT_EQ(rec->meeting->start_time, "12:00");
  EXPECT_EQ(rec->meeting->end_time, "15:00");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present, (std::vector<std::string>{"Lars Ejby Pedersen", "Christian Jørgensen",
                                                                "Lasse Strüwing Hansen", "Nicolaj Wyke",
                                                                "Turan Savas"}));
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Kurt Halling", "Bente Ankersen"}));
}

// Skive Kommune, Økonomiudvalg 20.1.2015 (abcdocz.com/doc/4021778, the
// agenda PDF's text): the participants run on over lines that wrap inside
// names ("Bolette Dahl" / "Pedersen", "Niels Ole D." / "Nielsen"), and a
// given name is written short ("Peder Chr. Kirkegaard").
TEST(Meetings, NamesWrappedOverLinesAndAShortGivenName) {
  auto rec = testing::StructureOfBytes(
      "ÅBEN DAGSORDEN\nØKONOMIUDVALG\nMødedato: 20. januar 2015\nMødested: Gl. rådhus, byrådssalen\n"
      "Deltagere:\nPeder Chr. Kirkegaard, Anna-Lise Vestergaard, Bolette Dahl\nPedersen, Preben Andersen, "
      "Erik Mortensen, Niels Ole D.\nNielsen, Anders Bøge, Ole Priess, Ditte Staun\n\n"
      "1. Åbningstiden på Skovly og Magneten\n\nSagsnr.: 14/37500\n\nIndstilling\n"
      "Direktionen indstiller, at åbningstiden godkendes.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present,
            (std::vector<std::string>{"Peder Chr. Kirkegaard", "Anna-Lise Vestergaard", "Bolette Dahl Pedersen",
                                      "Preben Andersen", "Erik Mortensen", "Niels Ole D. Nielsen", "Anders Bøge",
                                      "Ole Priess", "Ditte Staun"}));
  // The same page as its text dump gives it: the header table's labels
  // first ("Deltagere:" / "Fraværende:"), then the one value, the names.
  auto dump = testing::StructureOfBytes(
      "ÅBEN DAGSORDEN\nØKONOMIUDVALG\nMødedato:\n20. januar 2015\nMødested:\nGl. rådhus, byrådssalen\n"
      "Mødetidspunkt:\n12:30\nMødet hævet:\nDeltagere:\nFraværende:\nPeder Chr. Kirkegaard, Anna-Lise "
      "Vestergaard, Bolette Dahl\nPedersen, Preben Andersen, Erik Mortensen, Niels Ole D.\nNielsen, Anders "
      "Bøge, Ole Priess, Ditte Staun\nSKIVE KOMMUNE\nØKONOMIUDVALG, DEN 20. JANUAR 2015\n\n"
      "1. Åbningstiden på Skovly og Magneten\n\nSagsnr.: 14/37500\n");
  ASSERT_TRUE(dump.ok()) << dump.status().message();
  ASSERT_TRUE(dump->attendance);
  EXPECT_EQ(dump->attendance->present, rec->attendance->present);
  EXPECT_TRUE(dump->attendance->absent.empty());
}

// Frederikshavn Kommune's minutes (Økonomiudvalget 18-08-2021,
// vdocuments.pub "referat-konomiudvalget-2018-2021", the PDF's text): the
// committee named with its council term, the place under "Mødeafholdelse",
// members whose lines ran together after the party's parenthesis, and
// contents rows and item headings marked "(Åben)".
TEST(Meetings, CommitteeOfATermAndOpenMarksBeforeTitles) {
  auto rec = testing::StructureOfBytes(
      "Referat Økonomiudvalget 2018-2021\n\nOrdinært møde\n\nMødetidspunkt: 18-08-2021 15:30\n\n"
      "Mødeafholdelse: Lokale 0.23\n\nInformation:\n\nMedlemmer: Birgit S. Hansen (A), Formand\n"
      "Bjarne Kvist (A)Peter Sørensen (V)\nMette Hardam (V)\nPeter E. Nielsen (A)\n\n"
      "Afbud: Peter E. Nielsen (A)\n\nStedfortrædere: Anders Brandt Sørensen(A)\n\n"
      "Indholdsfortegnelse\n\n1 (Åben) Ansøgning om igangsætning af ny planlægning for Skagavej 134 i "
      "Skagen.............. 3\n\n2 (Åben) Brugsaftale for to grunde på Nørrevej i Strandby ........ 5\n\n"
      "1 (Åben) Ansøgning om igangsætning af ny planlægning for Skagavej 134 i Skagen\n\nSagsnr.: 21/12345\n\n"
      "Beslutning Økonomiudvalget den 18-08-2021\n\nGodkendt.\n\n"
      "2 (Åben) Brugsaftale for to grunde på Nørrevej i Strandby\n\nSagsnr.: 21/2222\n\n"
      "Beslutning Økonomiudvalget den 18-08-2021\n\nTaget til efterretning.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Økonomiudvalget");
  EXPECT_EQ(analyze::WithoutElectionPeriod("Byråd 2022-2025"), "Byråd");
  EXPECT_EQ(analyze::WithoutElectionPeriod("Byråd 2022 \xE2\x80\x93 2025"), "Byråd");
  // Two years ten apart are a plan's span, no council term.
  EXPECT_EQ(analyze::WithoutElectionPeriod("Styregruppen for Klimaplan 2020-2030"),
            "Styregruppen for Klimaplan 2020-2030");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Lokale 0.23");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Peter E. Nielsen"}));
  for (const char* name : {"Bjarne Kvist", "Peter Sørensen", "Mette Hardam", "Anders Brandt Sørensen"})
    EXPECT_NE(std::find(rec->attendance->present.begin(), rec->attendance->present.end(), name),
              rec->attendance->present.end())
        << name;
  ASSERT_EQ(rec->toc.size(), 2u);
  EXPECT_EQ(rec->toc[0].title, "Ansøgning om igangsætning af ny planlægning for Skagavej 134 i Skagen");
  EXPECT_EQ(rec->toc[0].public_, std::optional<bool>(true));
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[1].title, "Brugsaftale for to grunde på Nørrevej i Strandby");
  EXPECT_EQ(rec->agenda_items[1].public_, std::optional<bool>(true));
}

// Fredensborg Kommune's published minutes (Byrådet, 21 November 2016 and
// 1 October 2018, the print pages): items numbered through the year as
// "Nr.160 - Langstrup Mose", decisions under "Beslutning i Byrådet den
// 21-11-2016". "Nr." opens an item only with a dash and a title after it.
TEST(Meetings, ItemsNumberedNrWithADash) {
  const std::string text =
      "Byrådet - Referat\n\n21-11-2016 kl. 18:00\nByrådssalen\n\nMedlemmer\n\n"
      "Thomas Lykke Pedersen (A)\n\nUlla Hardy-Hansen (C)\n\nCarsten Wulff (V)\n\nAfbud\n\n"
      "Carsten Wulff (V)\n\nNr.159 - Godkendelse af dagsordenen\n\nCarsten Wulff (V)\n\n"
      "Beslutning i Byrådet den 21-11-2016\n\nDagsordenen blev godkendt.\n\n"
      "Nr.160 - Langstrup Mose\n\nSagsnr.: 16/32483\n\nBeslutningstema\n\n"
      "Nr. 3 i rækken af sager om skydebanen.\n\nIndstilling\n\n  1. At Byrådet drøfter sagen.\n\n"
      "Beslutning i Byrådet den 21-11-2016\n\nByrådet drøftede sagen.\n\n"
      "Nr.161 - 2. behandling af budget 2017-2020\n\nSagsnr.: 16/1234\n\n"
      "Beslutning i Byrådet den 21-11-2016\n\nGodkendt.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Byrådet");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2016-11-21");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Carsten Wulff"}));
  ASSERT_EQ(rec->agenda_items.size(), 3u);
  EXPECT_EQ(rec->agenda_items[0].number, "159");
  EXPECT_EQ(rec->agenda_items[1].title, "Langstrup Mose");
  EXPECT_EQ(rec->agenda_items[1].case_number.value_or("-"), "16/32483");
  EXPECT_EQ(rec->agenda_items[2].title, "2. behandling af budget 2017-2020");
  for (const auto& it : rec->agenda_items) {
    ASSERT_TRUE(it.decision) << it.title;
    EXPECT_NE(it.decision->category, DecisionCategory::kOther) << it.title;
  }
}

// Frederikssund Kommune's minutes pages (Økonomiudvalget, 21 January
// 2026): the body's genitive and "møde den" before the date, the room and
// the time on the next line, each item's number and title in elements of
// their own (read without a space: "2Beslutning om forretningsorden"), and
// an absence note first under a decision heading.
TEST(Meetings, WebPageNumbersGluedToTitles) {
  const std::string text =
      "Økonomiudvalgets møde den 21. januar 2026\nMødelokale SL 1, Slangerup kl. 16.00\n\nReferat\n"
      "1Godkendelse af dagsorden\nBeslutning\nMichael Tøgersen (I) havde meldt forfald.\n"
      "Pkt. 13 blev rykket frem som andet punkt på dagsordenen.\nGodkendt.\n"
      "Fraværende: Michael Tøgersen (I).\n2Beslutning om forretningsorden\nResume\n"
      "Økonomiudvalget skal tage stilling til en forretningsorden.\nIndstilling\n"
      "Administrationen indstiller til Økonomiudvalget, at:\n- Forslaget godkendes.\nBeslutning\n"
      "Godkendt.\nFraværende: Michael Tøgersen (I).\n"
      "3Beslutning om 1. behandling af budgetforslag 2026-2029\nBeslutning\nAnbefales.\n"
      "Fraværende: Michael Tøgersen (I).\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Økonomiudvalget");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2026-01-21");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "16:00");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Mødelokale SL 1, Slangerup");
  ASSERT_EQ(rec->agenda_items.size(), 3u);
  EXPECT_EQ(rec->agenda_items[1].number, "2");
  EXPECT_EQ(rec->agenda_items[1].title, "Beslutning om forretningsorden");
  EXPECT_EQ(rec->agenda_items[2].title, "Beslutning om 1. behandling af budgetforslag 2026-2029");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->text,
            "Pkt. 13 blev rykket frem som andet punkt på dagsordenen. Godkendt.");
  EXPECT_EQ(rec->agenda_items[0].decision->category, DecisionCategory::kApproved);
  EXPECT_EQ(rec->agenda_items[0].absent, (std::vector<std::string>{"Michael Tøgersen"}));
  // "Sted Flamingostuen" keeps to its label: only a room word is the name's.
  auto aalborg = testing::StructureOfBytes("Referat\nByrådet\nDato: 3. maj 2020\nSted Flamingostuen kl. 14.00\n");
  ASSERT_TRUE(aalborg.ok());
  ASSERT_TRUE(aalborg->meeting);
  EXPECT_EQ(aalborg->meeting->location.value_or("-"), "Flamingostuen");
  EXPECT_EQ(aalborg->meeting->start_time.value_or("-"), "14:00");
}

// Hørsholm Kommune's Acadre minutes (Økonomiudvalget, 17 August 2017, via
// docplayer.dk): "Punkt: 2", then a case sheet of fields ("Acadre
// sagsnr.:", "Journalnr.:", "Sagsforløb: ØU-KB - Åben sag", "Mødedato:",
// "Sagsbehandler:"), then the title; the cover's time line names the room.
TEST(Meetings, AcadreCaseSheetBetweenNumberAndTitle) {
  const std::string text =
      "Økonomiudvalget\nReferat fra ordinært møde 17. august 2017\nTorsdag kl. 8:00 Mødelokale D2\n\n"
      "Økonomiudvalget\nPunkt: 1\nAcadre sagsnr.: 17/10438\nJournalnr.: A00\nSagsforløb: ØU - Åben sag\n"
      "Mødedato: 17.08.2017\nSagsansvarlig enhed: Politik, Udvikling og Borgerservice\n"
      "Sagsbehandler: Marianne Godtfredsen\n\nMeddelelser\n\nBaggrund\n"
      "Centerchef Betina Bojesen henledte opmærksomheden på retningslinjerne.\n\n"
      "Økonomiudvalget\nPunkt: 2\nAcadre sagsnr.: 17/11524\nJournalnr.: K09\n"
      "Sagsforløb: ØU-KB - Lukket sag\nMødedato: 17.08.2017\nSagsbehandler: Christian Buch Sørensen\n\n"
      "Lions-sagen - KL-undersøgelse af bestyrelsens rolle\n\nBaggrund\nKL har undersøgt sagen.\n\n"
      "Beslutninger\nØkonomiudvalget tog undersøgelsen til efterretning.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Økonomiudvalget");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2017-08-17");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "08:00");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Mødelokale D2");
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].title, "Meddelelser");
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "17/10438");
  EXPECT_EQ(rec->agenda_items[0].public_, std::optional<bool>(true));
  EXPECT_EQ(rec->agenda_items[1].title, "Lions-sagen - KL-undersøgelse af bestyrelsens rolle");
  EXPECT_EQ(rec->agenda_items[1].case_number.value_or("-"), "17/11524");
  EXPECT_EQ(rec->agenda_items[1].public_, std::optional<bool>(false));
  ASSERT_TRUE(rec->agenda_items[1].decision);
  EXPECT_EQ(rec->agenda_items[1].decision->category, DecisionCategory::kNoted);
  // A title with a colon under the number is no case sheet (Aalborg's
  // "Orientering: Ny strategi …", seed 002).
  auto aalborg = testing::StructureOfBytes(
      "Punkt 6.\n\nOrientering: Ny strategi for Jobcenter Aalborg\n\n2014-003316\n\nBeslutning:\n\nTil orientering\n");
  ASSERT_TRUE(aalborg.ok());
  ASSERT_EQ(aalborg->agenda_items.size(), 1u);
  EXPECT_EQ(aalborg->agenda_items[0].title, "Orientering: Ny strategi for Jobcenter Aalborg");
}

// Region Syddanmark's minutes pages (Udvalget for uddannelse og
// arbejdskraft, 7 March 2019): "Deltagere" names every member, "Afbud"
// those who were not there; Stevns Kommune's (Økonomiudvalget, 22 October
// 2018): a closed item marked "(Lukket)" at the title's end.
TEST(Meetings, ParticipantsListWithApologiesAndClosedSuffix) {
  const std::string text =
      "Udvalget for uddannelse og arbejdskraft - Referat - 07. marts 2019\n\nMødedato\n"
      "07-03-2019 kl. 14:00 - 17:00\n\nMødested\nMødelokale 7\n\nDeltagere\n • Tage Petersen, V\n"
      " • Poul Andersen, A\n • Morten Weiss-Pedersen, C\n\n • Afbud\n • Morten Weiss-Pedersen, C\n\n"
      "  Sagsnr. 19/3143\n  1. Temadrøftelse om ”Flere faglærte”\n  fold dette punkt ind Resume\n\n"
      "  Udvalget drøftede målet.\n\n  fold dette punkt ind Beslutning\n\n  Drøftet.\n\n"
      "  2. Diverse orienteringer - ØU den 22. oktober 2018 (Lukket)\n\n  Beslutning\n\n  Taget til efterretning.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Udvalget for uddannelse og arbejdskraft");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Mødelokale 7");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present, (std::vector<std::string>{"Tage Petersen", "Poul Andersen"}));
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Morten Weiss-Pedersen"}));
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "19/3143");
  EXPECT_EQ(rec->agenda_items[1].title, "Diverse orienteringer - ØU den 22. oktober 2018");
  EXPECT_EQ(rec->agenda_items[1].public_, std::optional<bool>(false));
}

// Esbjerg Kommune's minutes (Økonomiudvalget, 6 October 2014, a PDF's
// text): the item's fields in columns on one line, the case number a
// year's short serial, the access in the last column.
TEST(Meetings, FieldColumnsUnderTheTitle) {
  const std::string text =
      "Referat\nfra\nØkonomiudvalget\n\nMødedato:        Mandag den 6. oktober 2014\n"
      "Mødetidspunkt:   9:30-11:00\n\n1. Godkendelse af dagsorden\n"
      "Dok.nr.: 1965        Sagsid.: 14/40        Initialer: dosko        Åben sag\n\n"
      "Beslutning Økonomiudvalget den 06-10-2014\nGodkendt.\n\n2. Godkendelse af Vækststrategi\n"
      "Dok.nr.: 2100        Sagsid.: 14/20000        Initialer: jel        Lukket sag\n\n"
      "Beslutning Økonomiudvalget den 06-10-2014\nGodkendt.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "14/40");
  EXPECT_EQ(rec->agenda_items[0].public_, std::optional<bool>(true));
  EXPECT_EQ(rec->agenda_items[1].case_number.value_or("-"), "14/20000");
  EXPECT_EQ(rec->agenda_items[1].public_, std::optional<bool>(false));
  // The same fields set with tabs (a DOCX's or PDF's table cells).
  auto tabs = testing::StructureOfBytes(
      "1. Godkendelse af dagsorden\nDok.nr.: 1965\tSagsid.: 14/40\tInitialer: dosko\tÅben sag\n\n"
      "Beslutning\nGodkendt.\n");
  ASSERT_TRUE(tabs.ok());
  ASSERT_EQ(tabs->agenda_items.size(), 1u);
  EXPECT_EQ(tabs->agenda_items[0].case_number.value_or("-"), "14/40");
  EXPECT_EQ(tabs->agenda_items[0].public_, std::optional<bool>(true));
}

// Aarhus Byråd's minutes pages (14 August 2019, aarhus.dk): "Referat
// Aarhus Byråd 14-08-2019" names the council that met; items are headings
// without numbers; the routine "Tilbagesendes … har vedtaget Magistratens
// foranstående indstilling af …" is an approval, "Fremsendes til Teknisk
// Udvalg til behandling …" a referral.
TEST(Meetings, AarhusCouncilPageWithRoutineDecisions) {
  const std::string html =
      "<html><body><h1>Referat Aarhus Byråd 14-08-2019</h1>\n"
      "<h2>Revisionsberetningerne og endelig godkendelse af regnskab 2018</h2><h3>Beslutning</h3>\n"
      "<p>Tilbagesendes Borgmesterens Afdeling med bemærkning, at byrådet i sit møde den 14. august 2019 "
      "har vedtaget Magistratens foranstående indstilling af 12. august 2019.</p>\n"
      "<h3>Resumé</h3><p>Regnskabet for 2018 godkendes endeligt.</p>\n"
      "<h2>Bering-Beder Vejen – projektgodkendelse</h2><h3>Beslutning</h3>\n"
      "<p>Fremsendes til Teknisk Udvalg til behandling i henhold til beslutning i byrådets møde den 14. "
      "august 2019.</p>\n</body></html>\n";
  auto rec = testing::StructureOfBytes(html);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->council.value_or("-"), "Aarhus Byråd");
  EXPECT_EQ(rec->meeting->municipality.value_or("-"), "Aarhus Kommune");
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Aarhus Byråd");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2019-08-14");
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->category, DecisionCategory::kApproved);
  ASSERT_TRUE(rec->agenda_items[1].decision);
  EXPECT_EQ(rec->agenda_items[1].decision->category, DecisionCategory::kReferred);
  // A committee named in the header is the body, not the council.
  auto committee = testing::StructureOfBytes(
      "<html><body><h1>Referat Aarhus Byråd 14-08-2019</h1><p>Teknisk Udvalg</p>"
      "<h2>Lokalplan 1119</h2><h3>Beslutning</h3><p>Godkendt.</p></body></html>");
  ASSERT_TRUE(committee.ok());
  ASSERT_TRUE(committee->meeting);
  EXPECT_EQ(committee->meeting->body.value_or("-"), "Teknisk Udvalg");
}

// Vejen Kommune's minutes pages (Økonomiudvalget, 19 June 2018,
// vejen.dk): labelled header fields, "1.Title" with no space after the dot,
// "Sagsnummer:", the committee's recommendation to the council as its
// decision ("Det indstilles, at …") and "Afbud:" under each decision.
TEST(Meetings, NumberDotTitleWithoutASpace) {
  const std::string text =
      "Dagsordener og referater\n\nUdvalg: Økonomiudvalget\n\nMødedato: 19-06-2018\n\n"
      "Mødested: M 5 - Vejen Rådhus\n\n1.Revisionsberetning nr. 17, årsregnskab 2017 (C)\n\n"
      "Sagsnummer: 18/18300\n\nAdministrativ indstilling\nKommunaldirektøren indstiller, at\n"
      "  • regnskabet for 2017 godkendes endeligt.\n\nBeslutning Økonomiudvalget den 19-06-2018\n"
      "Det indstilles, at\n  • regnskabet for 2017 godkendes endeligt.\n \nAfbud: Bodil Staal (A)\n\n"
      "2.Månedlig budgetopfølgning pr. 31/5 2018 (B)\n\nSagsnummer: 18/6214\n\n"
      "Beslutning Økonomiudvalget den 19-06-2018\nTaget til efterretning.\n \nAfbud: Bodil Staal (A)\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Økonomiudvalget");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2018-06-19");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "M 5 - Vejen Rådhus");
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  // "(C)" and "(B)" after every title are Vejen's codes (C items go on to
  // the council, B items end at the committee), no part of the title.
  EXPECT_EQ(rec->agenda_items[0].title, "Revisionsberetning nr. 17, årsregnskab 2017");
  EXPECT_EQ(rec->agenda_items[1].title, "Månedlig budgetopfølgning pr. 31/5 2018");
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "18/18300");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->category, DecisionCategory::kRecommended);
  EXPECT_EQ(rec->agenda_items[0].absent, (std::vector<std::string>{"Bodil Staal"}));
  EXPECT_EQ(rec->agenda_items[1].number, "2");
  ASSERT_TRUE(rec->agenda_items[1].decision);
  EXPECT_EQ(rec->agenda_items[1].decision->category, DecisionCategory::kNoted);
}

// A parish council's protocol book (Lindknud Kommune, 1919, transcribed
// by lindknudinfo.dk): the book's title with its first day ("fra 1.
// August 1919", not the meeting's), the entry "Aar 1919 d. 13. August holdt
// Sogneraadet ordinært Møde i Lindknud Kro. Alle vare mødte." (date, body,
// place), matters numbered with the decision in the margin, some in
// wording no rule knows ("Anvist.") after one that is known.
TEST(Meetings, ParishProtocolEntryAndMarginNotes) {
  const std::string text =
      "Forhandlingsprotokol for Lindknud Kommune fra 1. August 1919\n\n"
      "Aar 1919 d. 13. August holdt Sogneraadet ordinært Møde i Lindknud Kro. Alle vare mødte.\n\n"
      "Følgende Sager forhandledes:\n\n"
      "1. Bekendtgørelse af 4/7 19. Anvendelse af frarensning og Opfejning.          Til Efterretning.\n\n"
      "2. Andragende fra Husmand Jens Hansen om Tilskud til Vej.          Bevilliget 50 Kr.\n\n"
      "3. Regning fra Smed Nielsen paa 12,50 Kr.          Anvist.\n\n"
      "4. Skrivelse fra Amtet om Vejene.          Set.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->document_type.value_or("-"), "referat");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "1919-08-13");
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Sogneraadet");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Lindknud Kro");
  ASSERT_EQ(rec->agenda_items.size(), 4u);
  ASSERT_TRUE(rec->agenda_items[1].decision);
  EXPECT_EQ(rec->agenda_items[1].decision->category, DecisionCategory::kApproved);
  EXPECT_EQ(rec->agenda_items[2].title, "Regning fra Smed Nielsen paa 12,50 Kr.");
  ASSERT_TRUE(rec->agenda_items[2].decision);
  EXPECT_EQ(rec->agenda_items[2].decision->text, "Anvist.");
  ASSERT_TRUE(rec->agenda_items[3].decision);
  EXPECT_EQ(rec->agenda_items[3].decision->text, "Set.");
  // "Referat fra 12. marts 2019": the type right before "fra", the meeting's date.
  auto modern = testing::StructureOfBytes("Referat fra 12. marts 2019\nByrådet\n\n1. Godkendelse\n\nBeslutning:\nGodkendt.\n");
  ASSERT_TRUE(modern.ok());
  ASSERT_TRUE(modern->meeting);
  EXPECT_EQ(modern->meeting->date.value_or("-"), "2019-03-12");
}

// Ditto marks in a protocol's columns (Forhandlingsprotokol for Lindknud
// Kommune 13.8.1919, lindknudinfo.dk 1919-23-1a, real text): "–" in the
// margin repeats the decision above ("Til Efterretning."); a row with the
// number alone and ditto marks in the title's cells is a matter too.
TEST(Meetings, ParishProtocolDittoMarks) {
  const std::string text =
      "Forhandlingsprotokol for Lindknud Kommune fra 1. August 1919 –\n"
      "\n"
      "Side 1.\n"
      "\n"
      "Aar 1919 d. 13. August holdt Sogneraadet ordinært Møde i Lindknud Kro.\n"
      "\n"
      "Følgende Sager forhandledes:\n"
      "\n"
      "Fødselsanmeldelser fra Pastor Barfod Petersen for Juli Maaned 1919.\n"
      "\n"
      "1. Den 23 juli 1919 født en Søn dødfødt af Husm. Hans Kr. Hansen og Hustru Martha Hansen Nørskov, Vittrup.                                                                                                      Til Efterretning.\n"
      "\n"
      "2. Bekendtgørelse af 4/7 19. Anvendelse af frarensning og Opfejning.                                –\n"
      "\n"
      "3.           –              – 10/7  –  om Høstbindegarn                                                                      –\n"
      "\n"
      "4.           –              – 11/7  –  om Fyring med Halm under Dampkedler                                  –\n"
      "\n"
      "5.           –              – 15/7  –  om Fiskefangst og Handel med Fisk                                          –\n"
      "\n"
      "6.           –              – 16/7  –    – Befolkningens Forsyning med Flæsk                                     –\n"
      "\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 6u);
  for (const auto& it : rec->agenda_items) {
    ASSERT_TRUE(it.decision) << it.number;
    EXPECT_EQ(it.decision->category, DecisionCategory::kNoted) << it.number;
  }
  EXPECT_EQ(rec->agenda_items[1].decision->text, "\xE2\x80\x93");
  EXPECT_NE(rec->agenda_items[2].title.find("om H\xC3\xB8stbindegarn"), std::string::npos);
  for (const auto& w : rec->warnings) EXPECT_NE(w.code, "unknown_decision_phrase");
  // Lindknud 9.12.1918 (lindknudinfo.dk 1915-19-1j, real text): no matter 2;
  // "3. … Sirup.   –" after the lead-in repeats matter 1's "Til Efterretning.",
  // a matter of its own, not a line of matter 1 (whose margin stays its own).
  const std::string dec =
      "Aar 1918 d. 9/12 holdt Sogneraadet ordinært Møde i Lindknud Kro.\n"
      "\n"
      "Følgende Sager behandledes:\n"
      "\n"
      "1. Fødselsanmeldelser fra Pastor Nielsen for November Maaned.\n"
      "\n"
      "Den 10/11 født en Pige af Murer Rasmus Hansen og Hustru Julie Fischer af Vittrup.\n"
      "\n"
      "Legal Fødekommune: Det den 6/8 af ugifte Alma Kirstine Jensen fødte Barn Frode Jens Peter Schvartz s Fødsel er d. 4/11 indført I Holsted Sogns Kirkebog.                              Til Efterretning.\n"
      "\n"
      "3. Bekendtg. af 9/11 om Handel med Sirup.                                                                           –\n";
  auto rec2 = testing::StructureOfBytes(dec);
  ASSERT_TRUE(rec2.ok()) << rec2.status().message();
  ASSERT_EQ(rec2->agenda_items.size(), 2u);
  EXPECT_EQ(rec2->agenda_items[1].number, "3");
  for (const auto& it : rec2->agenda_items) {
    ASSERT_TRUE(it.decision) << it.number;
    EXPECT_EQ(it.decision->category, DecisionCategory::kNoted) << it.number;
  }
}

// "Alle var mødt." (Lindknud Sogneraads Protokol 9.1.1918, lindknudinfo.dk
// 1915-19-1h, real text): the attendance is recorded with no names, no one
// absent, its span the sentence; a protocol that says nothing has none.
TEST(Meetings, ParishProtocolAllPresent) {
  const std::string text =
      "Aar 1918 d. 9/1 holdt Sogneraadet ordinært Møde i Lindknud Kro. Alle var mødt.\n"
      "\n"
      "Følgende Sager forhandledes:\n"
      "\n"
      "Fødselsanmeldelser fra Pastor Nielsen var fremsendt for December Md.\n"
      "\n"
      "1. De 26/12 født en Dreng af Bmd. Frands N. Frandsen og Hustru Mette Marie Ravn, Adsersbøl.\n"
      "\n"
      "2. Forsømmelseslisterne for Novb. og Dec. vare fremlagte. Mulkter paaføres af Formanden.\n"
      "\n"
      "3. Cirkulære af 11/12 17. Efter Indstilling af Landbrugsudvalget er Honoraret for det kommunale Kornnævn f. T. fra 1/9 17 til 31/8 1918 fastsat til 300 Kr. til Deling for hvert Nævn.\n"
      "\n"
      "I Dagpenge uden for Hjemmet betales for indtil 4 Timer 4 Kr., over 4 Timer 6 Kr pr. dag.\n"
      "\n"
      "Dette Beløb udredes af Kommunen der kan faa ½Delen refunderet af Staten.     Til Efterretning.\n"
      "\n"
      "4. Cirkulære af 15/12 17. Enhver Landbruger er pligtig til at være i Besiddelse af det for enhver Ejendom nødvendige Saasæd.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->attendance);
  EXPECT_TRUE(rec->attendance->present.empty());
  EXPECT_TRUE(rec->attendance->absent.empty());
  ASSERT_TRUE(rec->attendance->span);
  EXPECT_EQ(text.substr(rec->attendance->span->start, rec->attendance->span->end - rec->attendance->span->start),
            "Alle var m\xC3\xB8" "dt.");
  ASSERT_EQ(rec->agenda_items.size(), 4u);
}

// A parish board's protocol before 1900 (Forhandlingsprotokol for
// Dronninglund Sogneraad - Sogneforstanderskabet 1858-1870, transcribed by
// Jens Aaberg, dronninglundarkiv.dk): the entry's year first, the board by
// the parish's name ("Dronninglund Sogneforstanderskab"), the place after
// "i". Dates from 1800 on are real (lang::kFirstYear).
TEST(Meetings, ParishBoardEntryBefore1900) {
  auto rec = testing::StructureOfBytes(
      "Forhandlingsprotokol for Dronninglund Sogneraad – Sogneforstanderskabet.\n1858 – 1870.\n\n"
      "Aar 1859 den 24. marts – gav Dronninglund Sogneforstanderskab møde i Geraa skole,\n\n"
      "Aar 1859 den 4. marts – Møde i Ørsø skole. Sognepræsten er ikke mødt.\n");
  ASSERT_TRUE(rec.ok());
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "1859-03-24");
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Sogneforstanderskab");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Geraa skole");
}

// Typed board minutes with no type word (NMJK, Næstved Model Jernbane
// Klub, bestyrelsesmøde 6.2.1984, nmjk.dk/Arkiv, real text): the title is
// the meeting's compound and its typewriter date ("den 6 / 2 1984"), those
// present and absent under it, then the matters 1, 2 … with no heads.
// Minutes of the board, not an unknown text.
TEST(Meetings, TypedBoardMinutesTitleWithoutTypeWord) {
  const std::string text =
      "Bestyrelsesm\xC3\xB8" "de den 6 / 2 1984\n\n"
      "Afholdt hos Henrik Struve\n\n"
      "tilstede var: Flemming Meisner, Hans Nygaard Jensen, Hans J\xC3\xB8rgen Thomsen, Henrik Struve og Sven Kindt\n\n"
      "Frav\xC3\xA6rende med afbud: Claus Jensen samt Steffen Dresler.\n\n"
      "1. Handelsafdeling s\xC3\xB8ges etableret af HNJ og HS\n\n"
      "2. Vedr. Sparresholmanl\xC3\xA6gget meddeler FM at Jens Pr\xC3\xA6stholm vil g\xC3\xA5 i gang med problemstillingen af et "
      "ekstra m\xC3\xB8ntindkast, og en skammel s\xC3\xA5 ogs\xC3\xA5 mindre b\xC3\xB8rn kan iagttage anl\xC3\xA6gget i drift.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_EQ(rec->kind, DocumentKind::kMinutes);
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->document_type.value_or("-"), "referat");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "1984-02-06");
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Bestyrelsen");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present.size(), 5u);
  EXPECT_EQ(rec->attendance->absent.size(), 2u);
  // The matters follow the absent straight away: the run 1, 2 is items.
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].title, "Handelsafdeling s\xC3\xB8ges etableret af HNJ og HS");
}

// An extract of one matter from the town council's minutes (Aarhus byråds
// journalsager, J. Nr. 110-1922, docplayer.dk/19556203, real text): the
// title "Uddrag fra byrådsmødet den …" names the council and the date; the
// matter's title, the discussion and the decision alone in the last
// paragraph are one item with that decision.
TEST(Meetings, ExtractFromTheCouncilsMinutesOneMatterClosedByItsDecision) {
  auto rec = testing::StructureOfBytes(
      "Uddrag fra byr\xC3\xA5" "dsm\xC3\xB8" "det den 20. april 1922\n\n"
      "Meddelelse fra Sporvejsselskabet om Kommunens Andel i Selskabets Udbytte for 1921.\n\n"
      "Formanden bem\xC3\xA6rkede, at det jo senere kunde unders\xC3\xB8ges, hvorvidt dette Udbytte var i "
      "Overenstemmelse med Overenskomsten.\n\n"
      "Toges til Efterretning.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_EQ(rec->kind, DocumentKind::kMinutes);
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->document_type.value_or("-"), "referat");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "1922-04-20");
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Byr\xC3\xA5" "det");
  ASSERT_EQ(rec->agenda_items.size(), 1u);
  EXPECT_EQ(rec->agenda_items[0].title.substr(0, 33), "Meddelelse fra Sporvejsselskabet ");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(Name(rec->agenda_items[0].decision->category), "noted");
}

// A parish council's entry as one long sentence ending with the lead-in to
// the matters, with no colon, and matters opening in lower case (Fodby
// Sogneraad 25.4.1869, online.flippingbook.com/view/672556612/950-951,
// real text): the entry's opening date is the meeting's, the four matters
// are items, the document minutes.
TEST(Meetings, ProtocolEntrySentenceEndingWithTheLeadInWithoutColon) {
  auto rec = testing::StructureOfBytes(
      "1869. den 25de April afholdt Fodby Sogneraad et Extram\xC3\xB8" "de i Fodby Skole, hvor nedentegnede "
      "Medlemmer vare tilstede og f\xC3\xB8lgende forhandledes\n\n"
      "1. Siden sidste M\xC3\xB8" "de havde Formanden modtaget f\xC3\xB8lgende Skrivelse af 12te dennes fra Hr Pastor "
      "Ballenese i Aastrup.\n"
      "2. Ligeledes var modtaget Regning fra Regnskabsf\xC3\xB8reren ved Sor\xC3\xB8 Amts Sygeanstalt.\n"
      "3. en Regning fra Pr\xC3\xA6st\xC3\xB8 Amts Sygehus for Hmd Johan Peder Hansen var indkommet.\n"
      "4. en Do fra Pastor Mackeprang for 4 mk 8 S. Ligeledes betalt.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_EQ(rec->kind, DocumentKind::kMinutes);
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "1869-04-25");
  ASSERT_EQ(rec->agenda_items.size(), 4u);
  EXPECT_EQ(rec->agenda_items[2].title.substr(0, 10), "en Regning");
}

// The agenda as a list under "Der var fremlagt følgende dagsorden.", then
// the points with the same numbers, in order, written as sentences (NMJK
// bestyrelsesmøde 27.5.1987, nmjk.dk/Arkiv, real text): the points are the
// three items, the list their agenda. When the numbered lines under the
// lead-in are the matters themselves, each with its text under it (NMJK
// 20.1.1986), they stay the items.
TEST(Meetings, TypedAgendaListThenThePointsAsSentences) {
  {
    auto rec = testing::StructureOfBytes(
        "Referat fra Bestyrelsesm\xC3\xB8" "de den 27. Maj 1987\n\n"
        "Der var fremlagt f\xC3\xB8lgende dagsorden.\n\n"
        "1. Referat fra sidste m\xC3\xB8" "de.\n"
        "2. S\xC3\xA6son Start.\n"
        "3. Sommerferie / start igen.\n\n"
        "1.  Under pkt. 1 opl\xC3\xA6ste sekret\xC3\xA6ren de foreg\xC3\xA5" "ende referater, som var godkendt af FM.\n\n"
        "2.  Med hensyn til S\xC3\xA6son Start fortalte FM, at han havde tilmeldt NMJK. Vi f\xC3\xA5r en stand p\xC3\xA5 2 x 2 "
        "meter.\n\n"
        "3.  Det blev besluttet at klubben fremover holder sommerferie i juli m\xC3\xA5ned.\n\n"
        "M\xC3\xB8" "det sluttede kl. 21:00\n");
    ASSERT_TRUE(rec.ok()) << rec.status().message();
    ASSERT_EQ(rec->agenda_items.size(), 3u);
    EXPECT_EQ(rec->agenda_items[0].title.substr(0, 14), "Under pkt. 1 o");
    ASSERT_TRUE(rec->agenda_items[2].decision);
    EXPECT_EQ(Name(rec->agenda_items[2].decision->category), "approved");
  }
  {
    auto rec = testing::StructureOfBytes(
        "Bestyrelsesm\xC3\xB8" "de den 20 / 1 1986\n\n"
        "tilstede var: Flemming Meisner, Hans Nygaard Jensen, Steffen Dresler, Sven Kindt, Hans J\xC3\xB8rgen Thomsen "
        "og Henrik Struve.\n\n"
        "M\xC3\xB8" "det blev afholdt p\xC3\xA5 en klubaften. Der var fremlagt f\xC3\xB8lgende dagsorden:\n\n"
        "1.     Referat fra sidste bestyrelsesm\xC3\xB8" "de:\n\n"
        "HS redegjorde for referatet for sidste bestyrelsesm\xC3\xB8" "de.\n\n"
        "2.     Klubbens \xC3\xB8konomi:\n\n"
        "Her redegjorde HNJ kort for klubbens \xC3\xB8konomi.\n");
    ASSERT_TRUE(rec.ok()) << rec.status().message();
    ASSERT_EQ(rec->agenda_items.size(), 2u);
    EXPECT_EQ(rec->agenda_items[1].number, "2");
  }
}

// Decisions written into the matter's own sentence (NMJK bestyrelsesmøde
// 16/4 1984 and 6/2 1984, nmjk.dk/Arkiv/1981_1989/1984, real text): the
// sentence that opens with a decision's wording is the decision; a matter
// that only reports ("Angående lokale. FM meddeler …") has none.
TEST(Meetings, TypedDecisionInTheMattersSentence) {
  const std::string text =
      "Bestyrelsesm\xC3\xB8" "de den 16 / 4 1984\n\n"
      "Afholdt hos Hans J\xC3\xB8rgen Thomsen\n\n"
      "tilstede var: Flemming Meisner, Hans J\xC3\xB8rgen Thomsen, Hans Nygaard Jensen og Sven Kindt.\n\n"
      "Frav\xC3\xA6r: Claus Jensen, Henrik Struve og Steffen Dresler. \n\n"
      "1. Vedtog indkaldelse til ekstraordin\xC3\xA6r generalforsamling den 14 maj 84 kl. 19:30 p\xC3\xA5 Kildemarksskolen.\n\n"
      "2. Ang\xC3\xA5" "ende lokale. FM meddeler at HS vil kontakte KFUM jernbanegade igen for en evt. reduktion af pris for et "
      "evt. lejem\xC3\xA5l i k\xC3\xA6lderen.\n\n"
      "3. Klubbens revidere love, som vedtaget p\xC3\xA5 generalforsamlingen, vedtages at skulle renskrives og "
      "mangfoldigg\xC3\xB8res for aflevering til medlemmerne. SK skriver master s\xC3\xA5 FM kan trykke en antal.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 3u);
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(Name(rec->agenda_items[0].decision->category), "approved");
  EXPECT_FALSE(rec->agenda_items[1].decision);
  ASSERT_TRUE(rec->agenda_items[2].decision);
  EXPECT_EQ(Name(rec->agenda_items[2].decision->category), "approved");
  EXPECT_EQ(rec->agenda_items[2].decision->text.substr(0, 16), "Klubbens revider");
}

// The absentee in a sentence after the present, and the members named by
// their initials (NMJK bestyrelsesmøder 4/3 1985 and 26/6 1990,
// nmjk.dk/Arkiv, real text).
TEST(Meetings, TypedAttendanceAbsenteeNoteAndInitials) {
  {
    auto rec = testing::StructureOfBytes(
        "Bestyrelsesm\xC3\xB8" "de den 4 / 3 1985\n\n"
        "M\xC3\xB8" "det blev afholdt i Herlufholmskovens Cafeteria.\n\n"
        "tilstede var: Hans Nygaard Jensen, Hans J\xC3\xB8rgen Thomsen, Sven Kindt og Henrik Struve. "
        "Flemming Meisner m\xC3\xA5tte melde afbud.\n");
    ASSERT_TRUE(rec.ok()) << rec.status().message();
    ASSERT_TRUE(rec->attendance);
    EXPECT_EQ(rec->attendance->present.size(), 4u);
    EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Flemming Meisner"}));
  }
  {
    auto rec = testing::StructureOfBytes(
        "Bestyrelsesm\xC3\xB8" "de den 26. juni 1990.\n\n"
        "Tilstede var FM, PL, AaK, CSN og SK.\n\n"
        "1.     Referat fra sidste m\xC3\xB8" "de.\n");
    ASSERT_TRUE(rec.ok()) << rec.status().message();
    ASSERT_TRUE(rec->attendance);
    EXPECT_EQ(rec->attendance->present, (std::vector<std::string>{"FM", "PL", "AaK", "CSN", "SK"}));
  }
  {
    // Capitalised words are not initials: a place ("Afholdt hos Henrik
    // Struve") and a list of ordinary words stay out.
    auto rec = testing::StructureOfBytes(
        "Bestyrelsesm\xC3\xB8" "de den 6 / 2 1984\n\n"
        "tilstede var: Flemming Meisner, Hans Nygaard Jensen og Sven Kindt\n\n"
        "1. Handelsafdeling s\xC3\xB8ges etableret af HNJ og HS\n");
    ASSERT_TRUE(rec.ok()) << rec.status().message();
    ASSERT_TRUE(rec->attendance);
    EXPECT_EQ(rec->attendance->present.size(), 3u);
  }
}

// The matters' numbers set apart by a run of spaces (a column in plain
// text) right under those present (NMJK bestyrelsesmøde 26.6.1990,
// nmjk.dk/Arkiv/1990_1999/1990/26_6_90.htm, real text): the run 1, 2, 3 is
// items as with one space.
TEST(Meetings, TypedMattersNumberedWithSpaces) {
  auto rec = testing::StructureOfBytes(
      "Bestyrelsesm\xC3\xB8" "de den 26. juni 1990.\n\n"
      "Tilstede var FM, PL, AaK, CSN og SK.\n\n"
      "1.     Referat fra sidste m\xC3\xB8" "de.\n\n"
      "Ad 3. aflyst\n\n"
      "Ad 6. arbejder videre med ture i al almindelighed\n\n"
      "2.     Flemming Meisner tr\xC3\xA6" "der tilbage som formand pr. 30. juni 1990 \xE2\x80\x93 bestyrelsen konstituerer "
      "sig som f\xC3\xB8lge af ovenn\xC3\xA6vnte.\n\n"
      "3.     Sommerfrokost \xE2\x80\x93 opgaver fordeles.\n\n"
      "Indk\xC3\xB8" "b +/ sommerfrokost d. 29. ds. aftales\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 3u);
  EXPECT_EQ(rec->agenda_items[0].title, "Referat fra sidste m\xC3\xB8" "de.");
  EXPECT_EQ(rec->agenda_items[2].number, "3");
}

// A two-digit year after the month's name, before the clock, in the title
// (NMJK bestyrelsesmøde 14.6.1982, nmjk.dk/Arkiv, real text): "82" is the
// meeting's year, 1982.
TEST(Meetings, TypedTitleTwoDigitYearBeforeTheClock) {
  auto rec = testing::StructureOfBytes(
      "Bestyrelsesm\xC3\xB8" "de den 14. juni 82 kl. 19:30\n\n"
      "Bestyrelsen samlet minus sekret\xC3\xA6ren med lovligt frafald\n\n"
      "1.     PR-anl\xC3\xA6gget i Dalmose blev diskuteret og konklusionen var, at det var en ubetinget succes.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "1982-06-14");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "19:30");
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Bestyrelsen");
}

// Typed minutes state the meeting's times in a sentence: "Mødet startede
// kl. 20:00 og sluttede kl. 21:30." (Næstved Model Jernbane Klub,
// bestyrelsesmøde 1986, nmjk.dk/Arkiv; the sentence as typed, the rest
// shortened): the start, and the end after "og".
TEST(Meetings, TypedStartAndEndInOneSentence) {
  auto rec = testing::StructureOfBytes(
      "Referat af bestyrelsesmøde den 12. maj 1986\n\nTil stede: Hans Nygaard Jensen, Flemming Meisner og "
      "Henrik Struve.\n\nMødet startede kl. 20:00 og sluttede kl. 21:30.\n\n1. Regnskab\n"
      "Regnskabet blev godkendt.\n\n2. Eventuelt\nIntet.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "20:00");
  EXPECT_EQ(rec->meeting->end_time.value_or("-"), "21:30");
  EXPECT_EQ(rec->agenda_items.size(), 2u);
}

// The board came but for one, said in a sentence with no names
// (NMJK bestyrelsesmøde 14.6.1982, nmjk.dk/Arkiv/1981_1989/1982/14_6_82.htm,
// real text): the attendance is recorded (function_words.txt all_present,
// its opening before "minus"), and the matters numbered apart with spaces
// under it are the run of items, a long one too (item 3, 42 words).
TEST(Meetings, TypedEveryoneCameButOne) {
  const std::string text =
      "Bestyrelsesm\xC3\xB8" "de den 14. juni 82 kl. 19:30\n\n \n\n"
      "Bestyrelsen samlet minus sekret\xC3\xA6ren med lovligt frafald\n\n \n\n"
      "1.     PR-anl\xC3\xA6gget i Dalmose blev diskuteret og konklusionen var, at det var en ubetinget succes.\n\n \n\n"
      "2.     Anl\xC3\xA6gget opstilles hos n\xC3\xA6stformanden, hvor der er meningen at det skal udbygges. Her kan "
      "ligeledes afholdes m\xC3\xB8" "der.\n\n \n\n"
      "3.     Formanden bad om ordet: Formanden \xC3\xB8nskede at tr\xC3\xA6" "de tilbage, da arbejdsm\xC3\xA6ssige "
      "pligter efterh\xC3\xA5nden havde antaget en s\xC3\xA5" "dan st\xC3\xB8rrelse, at tid til klubarbejde blev "
      "s\xC3\xA5" "danformindsket, at formanden ikke mente dette foreneligt med jobbet som formand.\n\n"
      "Bestyrelsen tiltr\xC3\xA5" "dte dette og Torben Andersen overtog hvervet som formand indtil ny "
      "ekstraordin\xC3\xA6r generalforsamling havde fundet sted.\n\n \n\n"
      "4.     Kassereren ville udsende en orientering til medlemmerne hurtigst muligt.\n\n \n\n"
      "5.     Nyt bestyrelsesm\xC3\xB8" "de afholdes den 9. august kl. 19:30 hos formanden.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->attendance);
  EXPECT_TRUE(rec->attendance->present.empty());
  EXPECT_TRUE(rec->attendance->absent.empty());  // "sekretæren" is no name
  ASSERT_EQ(rec->agenda_items.size(), 5u);
  ASSERT_TRUE(rec->agenda_items[2].decision);
  EXPECT_EQ(Name(rec->agenda_items[2].decision->category), "approved");
  // Everyone but the named: "undtagen" names the absent.
  auto but = testing::StructureOfBytes(
      "Bestyrelsesm\xC3\xB8" "de den 14. juni 1982\n\nAlle var m\xC3\xB8" "dt undtagen Hans Berg.\n\n"
      "1.     PR-anl\xC3\xA6gget i Dalmose blev diskuteret.\n");
  ASSERT_TRUE(but.ok());
  ASSERT_TRUE(but->attendance);
  EXPECT_EQ(but->attendance->absent, (std::vector<std::string>{"Hans Berg"}));
}

// Matters with no number, a paragraph each, right under those present
// (NMJK bestyrelsesmøde 4/3 1985, nmjk.dk/Arkiv/1981%20-%201989/1985/
// bestyrelsesm%C3%B8de_den_4_3_85.htm, real text): each paragraph up to
// "Mødet sluttede kl. 22:30" is an item, numbered in order, its decision
// the sentence that opens with a decision's wording.
TEST(Meetings, TypedUnnumberedMattersUnderThePresent) {
  const std::string text =
      "Bestyrelsesm\xC3\xB8" "de den 4 / 3 1985\n\n"
      "M\xC3\xB8" "det blev afholdt i Herlufholmskovens Cafeteria.\n\n"
      "tilstede var: Hans Nygaard Jensen, Hans J\xC3\xB8rgen Thomsen, Sven Kindt og Henrik Struve. "
      "Flemming Meisner m\xC3\xA5tte melde afbud.  \n\n"
      "Det blev vedtaget at bruge ca. 800,- kr. p\xC3\xA5 at f\xC3\xA5 trykt 2000 selvkl\xC3\xA6" "bende "
      "m\xC3\xA6rkater med klubbens bom\xC3\xA6rke.\n\n"
      "der fremlagdes forslag om udf\xC3\xA6rdigelse af PR. folder om klubben. folderen var udarbejdet som et "
      "udkast af HS.\n\n"
      "Det blev besluttet at afholde en ekstraordin\xC3\xA6r generalforsamling mandag den 22 April.\n\n"
      "Der blev resten af m\xC3\xB8" "det diskuteret sporplaner samt hvordan vi skal gribe indflytningen an, "
      "n\xC3\xA5r vi flytter ind p\xC3\xA5 Uglebroskolen.\n\n"
      "M\xC3\xB8" "det sluttede kl. 22:30\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 4u);
  EXPECT_EQ(rec->agenda_items[0].number, "1");
  EXPECT_EQ(rec->agenda_items[3].number, "4");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(Name(rec->agenda_items[0].decision->category), "approved");
  EXPECT_FALSE(rec->agenda_items[1].decision);
  ASSERT_TRUE(rec->agenda_items[2].decision);
  EXPECT_EQ(Name(rec->agenda_items[2].decision->category), "approved");
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->end_time.value_or("-"), "22:30");
  // One paragraph under those present is a note, not a run of matters.
  auto one = testing::StructureOfBytes(
      "Bestyrelsesm\xC3\xB8" "de den 4 / 3 1985\n\n"
      "tilstede var: Hans Nygaard Jensen og Sven Kindt.\n\n"
      "Der blev diskuteret sporplaner.\n");
  ASSERT_TRUE(one.ok());
  EXPECT_TRUE(one->agenda_items.empty());
}

// A parish council's entry titled by its meeting's compound in the
// spelling before 1948 (Herlufsholm Sogneraad 1918-1936,
// online.flippingbook.com/view/913663847/118-119, real text, the title set
// on its own line): minutes of the Sogneraad, dated 22 April 1927.
TEST(Meetings, ParishCouncilMeetingTitleBefore1948) {
  auto rec = testing::StructureOfBytes(
      "Sogneraadsm\xC3\xB8" "de d. 22/4 -1927.\n\n"
      "Til Kommunale Revisorer for Regnskabsaaret 1926/27 valgtes Gdr. Hans P. Jensen, Guderup og "
      "Mejeribestyrer Alfr. Hansen, Fodby Mejeri, Guderup.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_EQ(rec->kind, DocumentKind::kMinutes);
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->document_type.value_or("-"), "referat");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "1927-04-22");
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Sogneraadet");
  // As the protocol's page gives it: the title opens the first paragraph,
  // the first matter after it, each later paragraph a matter; "Gdr." and
  // "No." end no sentence.
  auto page = testing::StructureOfBytes(
      "Sogneraadsm\xC3\xB8" "de d. 22/4 -1927. I Anledning af at der skulde foretages Indstilling af "
      "L\xC3\xA6rerinde til Ny-Holsted Skole var Skolekommissionens Formand Pastor Hee Andersen og "
      "Skolekommissionsmedlem H. P. Jensen, Guderup tilstede ved M\xC3\xB8" "det. Der var indkommet 33 "
      "Ans\xC3\xB8gere til det omhandlede L\xC3\xA6rerindeembede. Som No. 3 Frk. Kamma Jensen, Nibe med 4 St.\n\n"
      "Til Voldgiftsmand i Tvistigheder angaaende Handel med Husdyr for Tiden 1/7 - 27 til 10/6 - 32 "
      "indstilledes Gdr. Ole Knudsen, \xC3\x98verup.\n");
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->kind, DocumentKind::kMinutes);
  ASSERT_TRUE(page->meeting);
  EXPECT_EQ(page->meeting->date.value_or("-"), "1927-04-22");
  EXPECT_EQ(page->meeting->body.value_or("-"), "Sogneraadet");
  ASSERT_EQ(page->agenda_items.size(), 2u);
  EXPECT_EQ(page->agenda_items[0].title.substr(0, 14), "I Anledning af");
  EXPECT_EQ(page->agenda_items[1].title,
            "Til Voldgiftsmand i Tvistigheder angaaende Handel med Husdyr for Tiden 1/7 - 27 til 10/6 - 32 "
            "indstilledes Gdr. Ole Knudsen, \xC3\x98verup.");
}

// Two-digit years with no meeting year to go by take the document's own
// four-digit years (Lindknud Sogneraads Protokol 9/2 1921, lindknudinfo.dk
// 1919-23-1d, real text): "d 21/9 20" is 1920 there, not 2020. "1970 Kr."
// (an amount) ties with 1921 and the first named wins; the nearest year to
// it is taken. With no document,
// the fixed pivot: 00-49 are 2000-2049, 50-99 are 1950-1999.
TEST(Dates, TwoDigitYearFromTheDocumentsOwnYears) {
  const std::string text =
      "Aar 1921 d. 9/2 holdt Sogneraadet M\xC3\xB8" "de i Lindknud Kro.\n\n"
      "4.\xC2\xB4" "Folketingsvalget d 21/9 20. Samlet Udgift for Ribe Amt 1970 Kr. deraf skal Lindknud betale 24,10 Kr.\n";
  EXPECT_EQ(lang::EvidenceYear(text), 1921);
  {
    lang::DocumentYearScope scope(text);
    EXPECT_EQ(lang::FullYear(20, 0), 1920);
    EXPECT_EQ(lang::FullYear(56, 0), 1956);  // nearer 1921 than 1856 is
    EXPECT_EQ(lang::FullYear(20, 2019), 2020);  // the meeting's year decides first
  }
  EXPECT_EQ(lang::FullYear(20, 0), 2020);
  EXPECT_EQ(lang::FullYear(56, 0), 1956);
  EXPECT_EQ(lang::EvidenceYear("Kassebeholdning pr. 2 / 3 - 88: 1.510,62."), 0);
}

// Egebjerg Kommune, Kommunalbestyrelsen 15.5.2002 (docplayer.dk/2007834):
// the date with dashes ("Onsdag den 15-maj-2002"), the value of "Dato:" in a
// run of labels whose times lost their digits ("Kl"), the place after it.
TEST(Meetings, DashedDateInARunOfLabels) {
  auto rec = testing::StructureOfBytes(
      "Dato: Starttidspunkt for møde: Kl Sluttidspunkt for møde: Kl Mødested: Udsendelsesdato: Afbud fra: "
      "Onsdag den 15-maj-2002 Kommunalbestyrelsens mødelokaler Fraværende: Ingen. Mødedeltagere: Arne Ebsen, "
      "Birger Jensen, Christian Ulrich\n\n89. Kvartalsrapport\n\nBeslutning\nTaget til efterretning.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date, "2002-05-15");
  EXPECT_EQ(rec->meeting->location, "Kommunalbestyrelsens mødelokaler");
  EXPECT_FALSE(rec->meeting->start_time);
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present, (std::vector<std::string>{"Arne Ebsen", "Birger Jensen", "Christian Ulrich"}));
  EXPECT_TRUE(rec->attendance->absent.empty());
  // The transcript's header page alone, no item recognised after it: the
  // labelled date, place and those present still make the meeting's record.
  auto page = testing::StructureOfBytes(
      "1 Egebjerg Kommune Kommunalbestyrelsen Referat Dato: Starttidspunkt for møde: Kl Sluttidspunkt for "
      "møde: Kl Mødested: Udsendelsesdato: Afbud fra: Onsdag den 15-maj-2002 Kommunalbestyrelsens "
      "mødelokaler Fraværende: Ingen. Mødedeltagere: Arne Ebsen, Birger Jensen, Christian Ulrich åben\n\n"
      "2 Indholdsfortegnelse Til efterretning - for åbne døre...i 89. Til efterretning - Kvartalsrapport pr "
      "vedr. kommunens samlede budget...i 90. Til efterretning - Dallund Slot...ii\n");
  ASSERT_TRUE(page.ok()) << page.status().message();
  ASSERT_TRUE(page->meeting);
  EXPECT_EQ(page->meeting->date, "2002-05-15");
  ASSERT_TRUE(page->attendance);
  EXPECT_EQ(page->attendance->present.size(), 3u);
}

// Silkeborg Byråd's protocols (2007, via docplayer.dk): the place ends the
// cover's date line after the time, with no word before it.
TEST(Meetings, PlaceAfterTheCoverTime) {
  auto rec = testing::StructureOfBytes(
      "Byrådet\nBeslutningsprotokol\n24. september 2007 - kl. 17:00 Byrådssalen, Silkeborg Rådhus\n\n"
      "191. Dialogmøde med borgerne\n\nBeslutning:\nTaget til efterretning.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "17:00");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Byrådssalen, Silkeborg Rådhus");
  // A body after the time is the body, not a place.
  auto body = testing::StructureOfBytes(
      "Referat\n12. marts 2019 kl. 16.00 Økonomiudvalget\n\n1. Godkendelse\n\nBeslutning:\nGodkendt.\n");
  ASSERT_TRUE(body.ok());
  ASSERT_TRUE(body->meeting);
  EXPECT_FALSE(body->meeting->location.has_value()) << *body->meeting->location;
}

// Odense Byråd's SBSYS minutes (28 November 2018 and 26 March 2008,
// odense.dk): "mødet i Odense Byråd" (the council met), "Afbud fra X.
// Istedet mødte Y." (Y came), "Y deltog ikke i forbindelse med
// behandlingen af punkt 1 pga. inhabilitet." (item 1's absentee), "Mødet
// hævet kl. 17.12" above the agenda,
// "Åbent - 00.01.00-G01-523-18" and "Åbent - 00.01.00A04 - 2007/34364"
// under each title (access and case number), headings in capitals.
TEST(Meetings, OdenseSbsysMinutes) {
  const std::string text =
      "Referat\ntil\nmødet i Odense Byråd\nden 28. november 2018 kl. 17:00\ni Byrådssalen\n\n"
      "Afbud fra Tim Vermund. Istedet mødte Michael Olsen.\n\n"
      "Michael Olsen deltog ikke i forbindelse med behandlingen af punkt 1 pga. inhabilitet.\n\n"
      "Afbud fra Pernille Bendixen. Stedfortræder ikke indkaldt pga. sent afbud.\n\n"
      "Mødet hævet kl. 17.12\n\n"
      "1. Meddelelse fra et byrådsmedlem om fravær i en periode\nA. Sager til afgørelse i byrådet\n"
      "Åbent - 00.01.00-G01-523-18\nRESUMÉ\n\nTim Vermund anmoder om fritagelse.\n\nBESLUTNING\n\nGodkendt.\n\n"
      "2. Beretning nr. 225 vedrørende Odense Kommunes åbningsbalance.\nLukket - 00.01.00K01 - 2008/12345\n\n"
      "BESLUTNING\n\nTaget til efterretning.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->council.value_or("-"), "Odense Byråd");
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Odense Byråd");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2018-11-28");
  EXPECT_EQ(rec->meeting->end_time.value_or("-"), "17:12");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Byrådssalen");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Tim Vermund", "Pernille Bendixen"}));
  // "Istedet mødte Michael Olsen.": the substitute came
  // (substitute_phrases.txt).
  EXPECT_EQ(rec->attendance->present, (std::vector<std::string>{"Michael Olsen"}));
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "00.01.00-G01-523-18");
  EXPECT_EQ(rec->agenda_items[0].public_, std::optional<bool>(true));
  // The note above the agenda naming item 1 is that item's.
  EXPECT_EQ(rec->agenda_items[0].absent, (std::vector<std::string>{"Michael Olsen"}));
  EXPECT_TRUE(rec->agenda_items[1].absent.empty());
  EXPECT_EQ(rec->agenda_items[1].case_number.value_or("-"), "2008/12345");
  EXPECT_EQ(rec->agenda_items[1].public_, std::optional<bool>(false));
  // An initial's dot does not end the list: "Afbud fra: John T. Olsen og Hans Hansen".
  auto initials = testing::StructureOfBytes(
      "Referat\nØkonomiudvalget\nDato: 3. maj 2020\nAfbud fra: John T. Olsen og Hans Hansen\n\n"
      "1. Godkendelse\n\nBeslutning:\nGodkendt.\n");
  ASSERT_TRUE(initials.ok());
  ASSERT_TRUE(initials->attendance);
  EXPECT_EQ(initials->attendance->absent, (std::vector<std::string>{"John T. Olsen", "Hans Hansen"}));
}

// Roskilde Kommune's minutes pages (Kultur- og Idrætsudvalget, 3 April
// 2019): the date with the month first, the case number a serial number
// followed by the body on the "Sagsnr." line, and the body named only by
// the decision headings ("Kultur- og Idrætsudvalget, 03-04-2019, pkt. 44").
// Aabenraa's protocol names it with a label ("Udvalg:") and its case label
// is "Sagsid.".
TEST(Meetings, BodyFromLabelsAndDecisionHeadings) {
  const std::string roskilde =
      "Referat\n\nDato: Onsdag, April 3, 2019 - 18:00\nSted: Mødelokale 2A\n\nPkt. 42\n\n"
      "Beslutninger om dagsordenen\n\nSagsnr. 299835 Kultur- og Idrætsudvalget Åbent punkt\n\n"
      "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42\n\nGodkendt.\n\n"
      "Fraværende: Evan Lynnerup (V) - Marianne Kiærulff (V) mødte som stedfortræder.\n\n"
      "Pkt. 44\n\nNy strategiplan for Museet for Samtidskunst\n\nSagsnr. 315923 Kultur- og Idrætsudvalget "
      "Åbent punkt\n\nSagsfremstilling\n\nByrådet behandlede sagen 12-03-2019.\n\n"
      "Økonomiudvalget, 12-03-2019, pkt. 7\n\nAnbefales.\n\n"
      "Kultur- og Idrætsudvalget, 03-04-2019, pkt. 44\n\nDrøftet.\n";
  auto rec = testing::StructureOfBytes(roskilde);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2019-04-03");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "18:00");
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Kultur- og Idrætsudvalget");
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "299835");
  EXPECT_EQ(rec->agenda_items[1].case_number.value_or("-"), "315923");
  EXPECT_EQ(rec->agenda_items[0].public_, std::optional<bool>(true));  // "… Åbent punkt"
  EXPECT_EQ(rec->agenda_items[0].absent, (std::vector<std::string>{"Evan Lynnerup"}));

  const std::string aabenraa =
      "Beslutningsprotokol\n\nonsdag den 11. august 2021 kl. 09:00\n\nMødested: Lokale 412, Skelbækvej\n"
      "Udvalg: Teknik- og Miljøudvalget\nMedlemmer: Arne Leyh Petersen, Kurt Andresen\n\n"
      "1. Godkendelse af dagsorden\n\nSagsid.: 20/33839, Sagsinitialer: AGVA\n\n"
      "Beslutning Teknik- og Miljøudvalget den 11-08-2021\n\nGodkendt.\n";
  rec = testing::StructureOfBytes(aabenraa);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Teknik- og Miljøudvalget");
  ASSERT_EQ(rec->agenda_items.size(), 1u);
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "20/33839");
  // Without the label, the decision heading with the meeting's date names it.
  std::string unlabelled = aabenraa;
  unlabelled.erase(unlabelled.find("Udvalg: "), std::string("Udvalg: Teknik- og Miljøudvalget\n").size());
  rec = testing::StructureOfBytes(unlabelled);
  ASSERT_TRUE(rec.ok() && rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Teknik- og Miljøudvalget");
}

// Cover lines that hold more than one field: the body before the weekday
// and date (Ishøj Kommune, Teknik- og Bygningsudvalget 13 August 2024),
// the type at the start of a long date line (Frederikssund Kommune's
// "Referat fra møde Torsdag den 6. september 2012 kl. 16.00 i …"), and the
// type after the council's genitive in a historic protocol (Lindknud
// Sogneraads Protokol, 1921).
TEST(Meetings, CoverLinesWithSeveralFields) {
  auto rec = testing::StructureOfBytes(
      "Referat\nTeknik- og Bygningsudvalget tirsdag den 13. august 2024 kl. 16.30\n\n"
      "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n");
  ASSERT_TRUE(rec.ok() && rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Teknik- og Bygningsudvalget");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "16:30");

  rec = testing::StructureOfBytes(
      "Økonomiudvalget\nReferat fra møde Torsdag den 6. september 2012 kl. 16.00 i Borgmesterens kontor\n\n"
      "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n");
  ASSERT_TRUE(rec.ok() && rec->meeting);
  EXPECT_EQ(rec->meeting->document_type.value_or("-"), "referat");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2012-09-06");

  rec = testing::StructureOfBytes(
      "Lindknud Sogneraads Protokol d. 5. Jan. 1921\n\n1. Andragende fra Vittrup Skole om Tilskud til "
      "Brænde.\n\nAntoges.\n\n2. Regnskabet for 1920 fremlagdes.\n\nGodkendt.\n");
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(rec->kind, DocumentKind::kMinutes);
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "1921-01-05");
  // The time on a line of its own under a labelled date, a label between
  // (typewritten minutes: "Kl. 19,30").
  rec = testing::StructureOfBytes(
      "Referat\nByraadet\nMødedato: 12. marts 1938\nMødested: Raadhuset\nKl. 19,30\n\n"
      "1. Budget\n\nBeslutning:\nVedtoges.\n");
  ASSERT_TRUE(rec.ok() && rec->meeting);
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "19:30");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Raadhuset");
  // A sentence of the body that ends in a genitive is no title.
  rec = testing::StructureOfBytes("Kommunens referat af mødet blev sendt ud i går, og det skal godkendes.\n");
  ASSERT_TRUE(rec.ok());
  EXPECT_FALSE(rec->meeting && rec->meeting->document_type);
}

// Region Midtjylland's agenda (Udvalg for regional udvikling, 1 February
// 2023): the body after "mødet i" on the cover, the place under the date
// without its "i", the case number printed above each item's number, and the
// recommendation as "Direktionen indstiller," with "at …" lines under a
// "Resume" heading. Holbæk's labels in capitals give the date with the
// start time ("STARTTIDSPUNKT" / "04-06-2020 09:00:00").
TEST(Meetings, CaseNumberAboveTheItemAndLabelsInCapitals) {
  auto rec = testing::StructureOfBytes(
      "Dagsorden\ntil\nmødet i Udvalg for regional udvikling\nden 1. februar 2023 kl. 09:00\n"
      "i Herning Kommune, Torvet 5, 7400 Herning\n\nSagnr.: 1-51-71-3321-08\n\n"
      "1. Miljøstyrelsens afgørelse om at ophæve påbud om afværgetiltag på Rønland\n\nResume\n\n"
      "Miljøstyrelsen traf i oktober 2021 afgørelse om, at FMC ikke er juridisk forpligtet.\n\n"
      "Direktionen indstiller,\n\nat orienteringen tages til efterretning, og\n\n"
      "at regionen genoptager søgsmålet mod Miljøstyrelsen.\n\nSagsfremstilling\n\n"
      "Miljøstyrelsen har i oktober 2021 truffet en række afgørelser.\n\nSagnr.: 1-30-72-15-22\n\n"
      "2. Orientering om regional udvikling\n\nResume\n\nUdvalget orienteres om status.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Udvalg for regional udvikling");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2023-02-01");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Herning Kommune, Torvet 5, 7400 Herning");
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "1-51-71-3321-08");
  EXPECT_EQ(rec->agenda_items[1].case_number.value_or("-"), "1-30-72-15-22");
  ASSERT_TRUE(rec->agenda_items[0].recommendation);
  EXPECT_EQ(rec->agenda_items[0].recommendation->by.value_or("-"), "Direktionen");
  EXPECT_EQ(rec->agenda_items[0].recommendation->clauses.size(), 2u);

  rec = testing::StructureOfBytes(
      "UDVALG\n\nUdvalget for Ældre og Sundhed\n\nMØDE\n\nReferat\n\nSTED\n\nKanalstræde 2, mødelokale 0.21\n\n"
      "STARTTIDSPUNKT\n\n04-06-2020 09:00:00\n\nSLUTTIDSPUNKT\n\n04-06-2020 11:00:00\n\n"
      "49. Godkendelse af dagsorden\n\nBeslutning i Udvalget for Ældre og Sundhed den 04-06-2020\n\nGodkendt\n");
  ASSERT_TRUE(rec.ok() && rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2020-06-04");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "09:00");
  EXPECT_EQ(rec->meeting->end_time.value_or("-"), "11:00");
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Udvalget for Ældre og Sundhed");
}

// Region Midtjylland's minutes of 2007 (Regionsrådet, 14 November 2007):
// the body after "af mødet i" before the date, the place after the time
// ("kl. 14:00 i Regionsrådssalen, …"), and the absentees in a sentence of
// the header rather than under a label.
TEST(Meetings, HeaderSentences) {
  auto rec = testing::StructureOfBytes(
      "Referat\naf mødet i Regionsrådet 14. november 2007 kl. 14:00 i Regionsrådssalen, Regionshuset Viborg\n\n"
      "Medlemmerne var mødt, bortset fra Anne V. Kristensen, Alice Espeholt og Tove Videbæk, der havde meldt afbud.\n\n"
      "1. Nedsættelse af midlertidige udvalg\n\nBeslutning\n\nIndstillingen blev godkendt.\n");
  ASSERT_TRUE(rec.ok() && rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Regionsrådet");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Regionsrådssalen, Regionshuset Viborg");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent,
            (std::vector<std::string>{"Anne V. Kristensen", "Alice Espeholt", "Tove Videbæk"}));
  // A sentence of the header that is no absence note adds nobody.
  rec = testing::StructureOfBytes(
      "Referat\nRegionsrådet\nDato: 14. november 2007\n\nMødet blev holdt i Viborg med Anne Hansen som ordstyrer.\n\n"
      "1. Budget\n\nBeslutning\n\nGodkendt.\n");
  ASSERT_TRUE(rec.ok());
  EXPECT_FALSE(rec->attendance);
}

// The same minutes as printed (docplayer.dk/1458661): the secretariat's
// dateline first ("Viborg, den 15. november 2007", the day they were
// written), then the title line with the full address, 18 words. The
// meeting is the title line's; Viborg is the region's seat, no municipality
// of the meeting's.
TEST(Meetings, LongTitleLineUnderADateline) {
  const std::string title =
      "af mødet i Regionsrådet 14. november 2007 kl. 14:00 i Regionsrådssalen, Regionshuset Viborg, "
      "Skottenborg 26, 8800 Viborg\n\n";
  const std::string rest =
      "Medlemmerne var mødt, bortset fra Anne V. Kristensen og Tove Videbæk, der havde meldt afbud.\n\n"
      "1. Nedsættelse af midlertidige udvalg\n\nBeslutning\n\nIndstillingen blev godkendt.\n";
  for (const std::string& head : {std::string("Region Midtjylland\nRegionssekretariet\nViborg, den 15. november 2007\n\nReferat\n\n"),
                                  std::string("Referat ")}) {
    auto rec = testing::StructureOfBytes(head + title + rest);
    ASSERT_TRUE(rec.ok() && rec->meeting) << head;
    EXPECT_EQ(rec->kind, DocumentKind::kMinutes) << head;
    EXPECT_EQ(rec->meeting->body.value_or("-"), "Regionsrådet") << head;
    EXPECT_EQ(rec->meeting->date.value_or("-"), "2007-11-14") << head;
    EXPECT_EQ(rec->meeting->start_time.value_or("-"), "14:00") << head;
    EXPECT_EQ(rec->meeting->location.value_or("-"),
              "Regionsrådssalen, Regionshuset Viborg, Skottenborg 26, 8800 Viborg") << head;
    EXPECT_FALSE(rec->meeting->municipality) << head;
  }
}

// Frederikssund Kommune's minutes 2009-2012 (docplayer.dk/1358379, 3833265;
// the transcripts drop the time's digits, restored here as the PDFs print
// them): the type, "fra møde i", the body (its compound in lower case after
// "Plan- og"), a weekday, the date, the time and a place that ends with its
// sentence; "Referat fra Økonomiudvalgets møde …": a word between the type
// and the body's genitive; a room in lower case.
TEST(Meetings, TitleLinesOfOlderMinutes) {
  struct Case {
    const char* title;
    const char* body;
    const char* date;
    const char* location;
  } cases[] = {
      {"Referat fra møde i Plan- og udviklingsudvalget torsdag den 15. januar 2009 Kl. 16.00 i Byrådssalen, "
       "Frederikssund",
       "Plan- og udviklingsudvalget", "2009-01-15", "Byrådssalen, Frederikssund"},
      {"Økonomiudvalget\nReferat fra møde Torsdag den 6. september 2012 kl. 15.00 i Borgmesterens kontor. "
       "Mødet slut kl. 17.",
       "Økonomiudvalget", "2012-09-06", "Borgmesterens kontor"},
      {"Referat fra Økonomiudvalgets møde den 12. august 2014 kl. 16.00 i Gl. Rådhus, Byrådssalen", "Økonomiudvalget",
       "2014-08-12", "Gl. Rådhus, Byrådssalen"},
      {"Referat af møde i Økonomiudvalget den 18. maj 2010 kl. 15.00 i mødelokale 2, Rådhuset", "Økonomiudvalget",
       "2010-05-18", "mødelokale 2, Rådhuset"},
  };
  for (const auto& c : cases) {
    auto rec = testing::StructureOfBytes(std::string(c.title) +
                                         "\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n");
    ASSERT_TRUE(rec.ok() && rec->meeting) << c.title;
    EXPECT_EQ(rec->meeting->body.value_or("-"), c.body) << c.title;
    EXPECT_EQ(rec->meeting->date.value_or("-"), c.date) << c.title;
    EXPECT_EQ(rec->meeting->location.value_or("-"), c.location) << c.title;
  }
}

// FirstAgenda's public minutes page (Ringkøbing-Skjern Kommune, Erhvervs-,
// Klima- og Arbejdskraftudvalget 27. oktober 2025, rksk.dk AgendaID=6255;
// its sections a line each, as the page's elements give them): "Referat:"
// with the meeting's date is the title line, not a decision; "1 : Title"
// starts an item; "Fraværende" without its colon over a dashed name under
// the decision is the item's absentee; the item's link and print buttons
// are no part of its text.
TEST(Meetings, FirstAgendaPublicPage) {
  auto rec = testing::StructureOfBytes(
      "Referat: 27. oktober 2025 kl. 08:00\nDeltagere\n- Hans Østergaard\n- Irvin Christensen\n"
      "- Bent Hauge Brodersen\nReferat\n- Godkendelse af dagsorden\n- Virksomhedsbesøg\n"
      "Kopier link til punktet - Print\n1 : Godkendelse af dagsorden\nSagsnr:\nBilag\nIngen bilag.\n"
      "Beslutning\nGodkendt.\nFraværende\n- Hans Østergaard ()\nKopier link til punktet - Print\n"
      "2 : Virksomhedsbesøg\nSagsnr:\nSagsfremstilling\nUdvalget besøger Tarm Bogtryk, hvor direktør Stig "
      "Madsen holder et oplæg om virksomheden.\nBeslutning\nTaget til efterretning.\n");
  ASSERT_TRUE(rec.ok() && rec->meeting);
  EXPECT_EQ(rec->kind, DocumentKind::kMinutes);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2025-10-27");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "08:00");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present,
            (std::vector<std::string>{"Hans Østergaard", "Irvin Christensen", "Bent Hauge Brodersen"}));
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].number, "1");
  EXPECT_EQ(rec->agenda_items[0].title, "Godkendelse af dagsorden");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->text, "Godkendt.");
  EXPECT_EQ(rec->agenda_items[0].absent, (std::vector<std::string>{"Hans Østergaard"}));
  EXPECT_EQ(rec->agenda_items[1].title, "Virksomhedsbesøg");
}

// Odsherred Kommune's minutes as its web site prints them (Økonomiudvalget,
// 1 October 2018): body, type and date in one title line between dashes,
// no place under it but the first item; the case number 330-2018-3619 and
// the item's access ("Åbent") in the columns of the case line.
TEST(Meetings, TitleBetweenDashesAndAccessOnTheCaseLine) {
  auto rec = testing::StructureOfBytes(
      "Økonomiudvalget – Referat – 1. oktober 2018\n\n1. Godkendelse af dagsorden (B)\n\n"
      "1.     Godkendelse af dagsorden (B)\n\nSagsnr.: 330-2018-3619          Dok.nr.: 330-2018-500301          Åbent\n"
      "Kompetence: Økonomiudvalget\nIndstilling\nBorgmesteren indstiller,\n1.    at dagsordenen godkendes\n"
      "Beslutning i Økonomiudvalget den 1. oktober 2018:\nFraværende: \nGodkendt.\n\n"
      "2. Personalesag\n\nSagsnr.: 330-2018-3620\nLukket\nBeslutning i Økonomiudvalget den 1. oktober 2018:\n"
      "Godkendt.\n");
  ASSERT_TRUE(rec.ok() && rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Økonomiudvalget");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2018-10-01");
  EXPECT_FALSE(rec->meeting->location);
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "330-2018-3619");
  EXPECT_EQ(rec->agenda_items[0].public_, std::optional<bool>(true));
  EXPECT_EQ(rec->agenda_items[1].public_, std::optional<bool>(false));
}

// Copenhagen's Økonomiudvalg (3 June 2014) records the attendance under
// item 1's decision: "Tilstede var:" and "Afbud fra:" with a title before
// each name. They are the meeting's attendance when the header has none,
// and no part of the decision's text.
TEST(Meetings, AttendanceUnderTheFirstItem) {
  auto rec = testing::StructureOfBytes(
      "Referat\nØkonomiudvalget\nDato: 3. juni 2014\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\n"
      "Tilstede var:\nOverborgmester Frank Jensen\n\nBorgmester Morten Kabell\n\nObservatør Claus Friis\n\n"
      "Afbud fra:\nBorgmester Anna Mee Allerslev pga. arbejde.\nKoncerndirektør Svend Hartling\n\n"
      "Dagsordenen blev godkendt.\n\n2. Budget\n\nBeslutning\n\nGodkendt.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present, (std::vector<std::string>{"Frank Jensen", "Morten Kabell", "Claus Friis"}));
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Anna Mee Allerslev", "Svend Hartling"}));
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->text, "Dagsordenen blev godkendt.");
  EXPECT_EQ(Name(rec->agenda_items[0].decision->category), "approved");
}

// Without an echo below, numbered lines in a row are the agenda itself.
TEST(Items, NumberedLinesWithoutAnEchoAreNoContents) {
  const std::string text =
      "Dagsorden\nØkonomiudvalget\n\n1 Godkendelse af dagsorden\nSagsnr.: 24/1\n"
      "2 Budgetopfølgning\nSagsnr.: 24/2\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok());
  EXPECT_TRUE(rec->toc.empty());
}

// "<Udvalgets> beslutning den dd.mm.yyyy" with the item's absentees under
// it ("Følgende deltog ikke i behandlingen af punktet:" and a name a line),
// then the decision.
TEST(Decisions, AbsenteesUnderTheHeadingComeBeforeTheDecision) {
  const std::string text =
      "Referat\nBørne- og Skoleudvalget\n\n1. Skolestruktur\nSagsnr.: 19/1234\n"
      "Børne- og Skoleudvalgets beslutning den 12.03.2019 Punkt 1\n"
      "Følgende deltog ikke i behandlingen af punktet:\nHans Hansen\nGodkendt.\n\n"
      "2. Budget\nSagsnr.: 19/1235\nBørne- og Skoleudvalgets beslutning den 12.03.2019\nGodkendt.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  const auto& it = rec->agenda_items[0];
  EXPECT_EQ(it.absent, std::vector<std::string>{"Hans Hansen"});
  ASSERT_TRUE(it.decision);
  EXPECT_EQ(it.decision->text, "Godkendt.");
  EXPECT_EQ(it.decision->category, DecisionCategory::kApproved);
}

// A decision recorded as its vote alone is carried or falls by the counts;
// counts written before the phrase ("med 6 stemmer for og 3 imod") are
// counts, not voters.
TEST(Decisions, AVoteAloneDecidesByItsCounts) {
  const std::string text =
      "Referat\nByrådet\n\n1. Anlæg\nSagsnr.: 19/3333\nBeslutning:\nFor stemte 5, imod stemte 2.\n\n"
      "2. Drift\nSagsnr.: 19/3334\nBeslutning:\nFor stemte 3, imod stemte 6.\n\n"
      "3. Skole\nSagsnr.: 19/3335\nBeslutning:\nIndstillingen blev vedtaget med 6 stemmer for og 3 imod.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->agenda_items.size(), 3u);
  const auto& items = rec->agenda_items;
  ASSERT_TRUE(items[0].decision && items[1].decision && items[2].decision);
  EXPECT_EQ(items[0].decision->category, DecisionCategory::kApproved);
  EXPECT_EQ(items[1].decision->category, DecisionCategory::kRejected);
  EXPECT_EQ(items[2].decision->category, DecisionCategory::kApproved);
  ASSERT_TRUE(items[2].votes && items[2].votes->counts);
  EXPECT_TRUE(items[2].votes->for_.empty());
  EXPECT_EQ(items[2].votes->counts->for_, 6);
  EXPECT_EQ(items[2].votes->counts->against, 3);
}

// Other councils' decisions (excerpts of their published minutes, put under
// a minimal header): a vote's lines without full stops before the outcome
// "Godkendt." (Rebild Byråd, rebild.dk/node?page=13499); a vote's label
// alone on its line with the voters under it, an abbreviated name among
// them (Thisted Kommunalbestyrelse 26.1.2021,
// thisted.dk/Politik/Kommunalbestyrelse/130/130-1831.aspx); a majority
// named in parentheses (Københavns Kultur- og Fritidsudvalg 7.11.2002,
// kk.dk/dagsordener-og-referater/Kultur-%20og%20Fritidsudvalget/m%C3%B8de-07112002/referat/punkt-24);
// a count before the voters (Faxe Byråd 14.3.2019,
// faxekommune.dk/dagsorden/byraadet-14-03-2019); "N stemmer imod M" is no
// count of the side against (Københavns Borgerrepræsentation 13.9.2007,
// kk.dk/…/m%C3%B8de-13092007/referat/punkt-20); a person as the subject
// (Slagelse Økonomiudvalget 1.10.2018, trung.dk/…/oekonomiudvalget/2018-10-01/…).
TEST(Decisions, OtherCouncilsVotesAndOutcomes) {
  const std::string text =
      "Referat\nByrådet\n\n"
      "1. Lokalplan\nSagsnr.: 19/4001\nBeslutning:\n"
      "For flertalsindstillingen fra ØK stemte 11 (Radikale Venstre, Konservative, Rebildlisten)\n"
      "Imod stemte 8 (Den Sociale Fællesliste, Jeppe Ugilt, Venstre, Enhedslisten)\n"
      "Undlod at stemme 5 (Dansk Folkeparti, Morten Lem, Henrik Christensen, Socialistisk Folkeparti)\n"
      "Godkendt.\n\n"
      "2. Godkendelse af dagsorden\nSagsnr.: 19/4002\nBeslutning:\n"
      "Morten Bo Bertelsen stiller forslag om, at punkt 14 flyttes fra den lukkede dagsorden til den åbne dagsorden.\n\n"
      "For forslaget stemmer:\n\nCasper Søe Larsen, Jens Kr. Yde, Jens Otto Madsen og Torben Overgaard.\n\n"
      "Imod stemmer:\n\nEsben Oddershede, Henrik Gregersen og Ulla Vestergaard.\n\n"
      "Henning Holm undlader at stemme.\n\nForslaget falder.\n\nDagsorden er godkendt.\n\n"
      "3. Foretrædeordning\nSagsnr.: 19/4003\nBeslutning:\n"
      "Et flertal (Hellen Hedemann, Bjarne Fey, Klaus Hansen, Mona Heiberg, Martin Geertsen, Leslie Arentoft, "
      "Klaus Bondam og Jens Kjær Christensen) stemte for procedureforslaget.\n"
      "Et mindretal (Finn Rudaizky) stemte imod.\n"
      "Procedureforslaget blev dermed tiltrådt og sagen udsat.\n\n"
      "4. Rottebekæmpelse\nSagsnr.: 19/4004\nBeslutning:\n"
      "Godkendt.\n"
      "For forslaget stemte 21, Venstre, Eli Jacobi Nielsen (O), Det Konservative Folkeparti og Socialdemokratiet.\n"
      "Imod forslaget stemte 4, Lars Folmann (O), Borgerlisten, Liberal Alliance.\n\n"
      "5. Medlemsforslag\nSagsnr.: 19/4005\nBeslutning:\n"
      "Medlemsforslaget blev tiltrådt med 34 stemmer imod 15.\n\n"
      "6. Siden sidst\nSagsnr.: 19/4006\nBeslutning:\n"
      "Ole Kristensen orienterede om henvendelse fra Vestermose Skole og garantistillelse.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->agenda_items.size(), 6u);
  const auto& items = rec->agenda_items;
  for (const auto& it : items) ASSERT_TRUE(it.decision) << it.number;
  EXPECT_EQ(items[0].decision->category, DecisionCategory::kApproved);
  ASSERT_TRUE(items[0].votes && items[0].votes->counts);
  EXPECT_EQ(items[0].votes->counts->against, 8);
  EXPECT_EQ(items[0].votes->counts->abstained, 5);
  EXPECT_EQ(items[1].decision->category, DecisionCategory::kApproved);
  ASSERT_TRUE(items[1].votes);
  EXPECT_EQ(items[1].votes->for_, (std::vector<std::string>{"Casper Søe Larsen", "Jens Kr. Yde", "Jens Otto Madsen",
                                                             "Torben Overgaard"}));
  EXPECT_EQ(items[1].votes->against.size(), 3u);
  EXPECT_EQ(items[1].votes->abstained, std::vector<std::string>{"Henning Holm"});
  ASSERT_TRUE(items[2].votes);
  EXPECT_EQ(items[2].votes->for_.size(), 8u);
  EXPECT_EQ(items[2].votes->against, std::vector<std::string>{"Finn Rudaizky"});
  ASSERT_TRUE(items[3].votes && items[3].votes->counts);
  EXPECT_EQ(items[3].votes->counts->for_, 21);
  EXPECT_EQ(items[3].votes->counts->against, 4);
  EXPECT_EQ(items[4].decision->category, DecisionCategory::kApproved);
  EXPECT_FALSE(items[4].votes && items[4].votes->counts && items[4].votes->counts->against == 34);
  EXPECT_EQ(items[5].decision->category, DecisionCategory::kNoted);
}

// Stated counts win over voters counted from a list, their sides decided by
// the verb: carried, the count before "stemmer imod" is for; voted down, it
// is against (Københavns Borgerrepræsentation 13.9.2007 and 31.5.2007,
// kk.dk/dagsordener-og-referater/Borgerrepr%C3%A6sentationen/m%C3%B8de-13092007/referat/punkt-20,
// …/m%C3%B8de-31052007/referat/punkt-24); the tally is no one's dissent. A
// phrase inside a longer one of another side is that one's: "imod stemte"
// in "hverken for eller imod stemte 5 (EL)" (Folketinget, 2023,
// ft.dk/samling/20231/forespoergsel/F30/BEH1-104/forhandling.htm).
TEST(Decisions, StatedCountsWinOverCountedLists) {
  const std::string text =
      "Referat\nBorgerrepræsentationen\n\n"
      "1. Medlemsforslag\nSagsnr.: 07/1001\nBeslutning:\n"
      "Medlemsforslaget blev tiltrådt med 34 stemmer imod 15.\n\n"
      "For stemte: A, B, F og Ø.\n\n"
      "Imod stemte: C, O, V og Finn Rudaizky (løsgænger).\n\n"
      "2. Indstilling\nSagsnr.: 07/1002\nBeslutning:\n"
      "Indstillingen blev forkastet med 39 stemmer imod 5.\n"
      "For stemte: Ø.\n"
      "Imod stemte: A, B, C, F, O og V.\n\n"
      "3. Forslag til vedtagelse\nSagsnr.: 07/1003\nBeslutning:\n"
      "For stemte 57 (S, V, M og Jon Stephensen (UFG)), imod stemte 45 (DD, SF, LA, KF, RV, DF, ALT og "
      "Lars Boje Mathiesen (UFG)), hverken for eller imod stemte 5 (EL).\n"
      "Forslag til vedtagelse nr. V 90 er vedtaget.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->agenda_items.size(), 3u);
  const auto& items = rec->agenda_items;
  ASSERT_TRUE(items[0].decision && items[0].votes && items[0].votes->counts);
  EXPECT_EQ(items[0].decision->category, DecisionCategory::kApproved);
  EXPECT_EQ(items[0].votes->counts->for_, 34);
  EXPECT_EQ(items[0].votes->counts->against, 15);
  EXPECT_EQ(items[0].votes->for_.size(), 4u);
  EXPECT_TRUE(items[0].dissents.empty());
  ASSERT_TRUE(items[1].decision && items[1].votes && items[1].votes->counts);
  EXPECT_EQ(items[1].decision->category, DecisionCategory::kRejected);
  EXPECT_EQ(items[1].votes->counts->for_, 5);
  EXPECT_EQ(items[1].votes->counts->against, 39);
  ASSERT_TRUE(items[2].votes && items[2].votes->counts);
  EXPECT_EQ(items[2].votes->counts->for_, 57);
  EXPECT_EQ(items[2].votes->counts->against, 45);
  EXPECT_EQ(items[2].votes->counts->abstained, 5);
  EXPECT_EQ(items[2].votes->against.size(), 8u);
}

// Voters written out before the phrase: the names before the clause that
// ends the list ("A, B og C stemmer imod") are voters too, in the vote and
// in the dissent (Rebild Børne- og Ungdomsudvalg, rebild.dk/node?page=1315);
// "… følger indstillingen" is a vote for; a reason after the voter ("idet
// han …") is no voter, "For beslutningen stemte:" a label (UTM 2022,
// broland.dk/utm-har-taget-besluningen/).
TEST(Decisions, VotersWrittenOutAndTheirReasons) {
  const std::string text =
      "Referat\nBørne- og Ungdomsudvalget\n\n"
      "1. Skolestruktur\nSagsnr.: 20/2001\nBeslutning:\n"
      "Peter Hansen og Lars Hørsman følger indstillingen. Anna Oosterhof, Birgitte Wilsted Simonsen og "
      "Pia Britt Elberg stemmer imod, indstillingen nedstemt.\n\n"
      "2. Lokalplan\nSagsnr.: 20/2002\nBeslutning:\n"
      "Et flertal i Udvalget besluttede, at der gennemføres lokalplan.\n\n"
      "For beslutningen stemte: Per Husted Nielsen (A), Niels Peter Christoffersen (A), Rikke Fonnesbæk (A), "
      "Jørgen Hammer Sørensen (O), Per Kragelund (V) og Christian Johnson (C).\n\n"
      "Imod stemte: Niels Erik Poulsen (V) idet han ikke ønsker at vejadgang kan ske via ekspropriation.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  const auto& items = rec->agenda_items;
  ASSERT_TRUE(items[0].decision && items[0].votes);
  EXPECT_EQ(items[0].decision->category, DecisionCategory::kRejected);
  EXPECT_EQ(items[0].votes->for_, (std::vector<std::string>{"Peter Hansen", "Lars Hørsman"}));
  EXPECT_EQ(items[0].votes->against,
            (std::vector<std::string>{"Anna Oosterhof", "Birgitte Wilsted Simonsen", "Pia Britt Elberg"}));
  ASSERT_EQ(items[0].dissents.size(), 1u);
  EXPECT_EQ(items[0].dissents[0].who, "Anna Oosterhof, Birgitte Wilsted Simonsen og Pia Britt Elberg");
  ASSERT_TRUE(items[1].votes);
  EXPECT_EQ(items[1].votes->for_.size(), 6u);
  EXPECT_EQ(items[1].votes->against, std::vector<std::string>{"Niels Erik Poulsen (V)"});
}

// An orientation item: the recommendation only takes the matter to notice
// and the decision reports what was told, in no known wording: noted
// (Slagelse Økonomiudvalget 1.10.2018, punkt 2, trung.dk/politisk-arbejde/
// dagsordener/oekonomiudvalget/2018-10-01/7379a647-db06-46f8-9fee-3387b0e88a01).
// A decision item with the same kind of text stays other.
TEST(Decisions, OrientationItemsReportingWhatWasToldAreNoted) {
  const std::string text =
      "Økonomiudvalget – Referat – 1. oktober 2018\n\n"
      "1. Godkendelse af dagsorden (B)\n\nSagsnr.: 330-2018-3619\nIndstilling\nBorgmesteren indstiller,\n"
      "1.    at dagsordenen godkendes\nBeslutning i Økonomiudvalget den 1. oktober 2018:\nGodkendt.\n\n"
      "2. Siden sidst fra udvalgets medlemmer (O)\n\nSagsnr.: 330-2018-3619\nBeslutningstema\n"
      "Orientering fra udvalgets medlemmer.\nIndstilling\nBorgmesteren indstiller,\n"
      "1.    at orienteringen tages til efterretning\nBeslutning i Økonomiudvalget den 1. oktober 2018:\n"
      "Brev til regionen vedrørende nedlæggelse af busruter er afsendt. Der arbejdes i Regionen på henvendelse "
      "til Regeringen.\n\n"
      "3. Busruter\n\nSagsnr.: 330-2018-3620\nIndstilling\nBorgmesteren indstiller,\n"
      "1.    at brevet godkendes\nBeslutning i Økonomiudvalget den 1. oktober 2018:\n"
      "Brev til regionen vedrørende nedlæggelse af busruter er afsendt.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->agenda_items.size(), 3u);
  const auto& items = rec->agenda_items;
  ASSERT_TRUE(items[1].decision && items[2].decision);
  EXPECT_EQ(items[1].decision->category, DecisionCategory::kNoted);
  EXPECT_EQ(items[2].decision->category, DecisionCategory::kOther);
}

// Plain text minutes (Greve Kommune's items as text): a reference broken
// onto a line of its own ("pkt. 12)") opens no item; a stray "Lukket" in
// an item's text (opening hours, a line each) does not close the items
// after it; the next number after an item is an item when its title
// marks it closed ("Lukket: …", the title alone) or a section heading
// follows it ("Underskriftsark" / "Fremstilling").
TEST(Items, PlainTextMinutesKeepTheirSequence) {
  const std::string text =
      "Referat\nKlima-, Teknik- og Miljøudvalget\n\n"
      "1. Godkendelse af dagsorden\nSagsnr.: 21-014454\n\nBeslutning\n\nGodkendt.\n\n"
      "2. Valgsteder\nSagsnr.: 21-014455\n\nBeslutning\n\nAnbefales.\n\nSagsbeskrivelse\n\n"
      "Byrådet vedtog den 2. oktober 2023 (\n\npkt. 12)\n\nBudget 2024-2027, hvor der er afsat midler.\n\n"
      "Borgerservice\n\n10-17\n\nLukket\n\n10-12\n\n"
      "3. Lukket: Henvendelser til formanden\n\n"
      "4. Udbudsplan for 2024\nSagsnr.: 21-014456\n\nBeslutning\n\nGodkendt.\n\n"
      "5. Underskriftsark\n\nFremstilling\n\nSagsprocedure\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok());
  std::vector<std::string> got = ItemLines(*rec);
  // A document that marks its closed items says that the others are open.
  EXPECT_EQ(got, (std::vector<std::string>{"1 Godkendelse af dagsorden open", "2 Valgsteder open",
                                           "3 Henvendelser til formanden closed",
                                           "4 Udbudsplan for 2024 open", "5 Underskriftsark open"}));
}

// Minutes without section headings, as historic minutes are written
// (spelling before 1948, decisions in a word under each item; modelled on
// the typed council minutes archives hold): the items, their inline
// decisions and the recommendation before them.
TEST(Items, MinutesWithoutHeadingsRecordTheirDecisionsInline) {
  const std::string text =
      "Horsens Byraad\nReferat af Byraadets ordinære Møde\nMandag den 24. Oktober 1938 Kl. 19,30 paa Raadhuset.\n"
      "Fraværende: P. Jensen.\n\n"
      "1. Forslag til Aarsregnskab for 1937-38.\nUdvalget indstiller, at Regnskabet godkendes.\nVedtaget.\n\n"
      "2. Andragende fra Foreningen af Haandværksmestre om Tilskud.\nSagen henvises til Finansudvalget.\n\n"
      "3. Forhøjelse af Bevillingen til Vejvæsenet med Kr. 1.500,00.\nBevilget.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->agenda_items.size(), 3u);
  const auto& items = rec->agenda_items;
  ASSERT_TRUE(items[0].decision && items[1].decision && items[2].decision);
  EXPECT_EQ(items[0].decision->text, "Vedtaget.");
  EXPECT_EQ(items[0].decision->category, DecisionCategory::kApproved);
  ASSERT_TRUE(items[0].recommendation);
  EXPECT_EQ(items[1].decision->category, DecisionCategory::kReferred);
  EXPECT_EQ(items[2].decision->category, DecisionCategory::kApproved);
}

// A closed item that shows only what was decided, then who was absent
// (Greve Kommune's published minutes); an item whose last line is prose
// gets no decision.
TEST(Items, AClosedItemsTextIsItsDecision) {
  const std::string text =
      "Referat\nØkonomiudvalget\n\n"
      "1. Godkendelse af dagsorden\nSagsnr.: 24/1\nBeslutning:\nGodkendt.\n\n"
      "2. Lukket: Salg af grunde\n1. Godkendt\n2. Godkendt\nFraværende: Marc Genning\n\n"
      "3. Lukket: Tillæg til grundkøbsaftalen\n"
      "Økonomiudvalget anbefaler overfor Byrådet, at administrationens indstilling godkendes.\n\n"
      "4. Orientering om anlæg\nSagsnr.: 24/4\nSagsfremstilling:\n"
      "Administrationen orienterer om status for de igangværende anlægsprojekter i kommunen.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->agenda_items.size(), 4u);
  const auto& items = rec->agenda_items;
  ASSERT_TRUE(items[1].decision);
  EXPECT_EQ(items[1].decision->category, DecisionCategory::kApproved);
  EXPECT_EQ(items[1].absent, std::vector<std::string>{"Marc Genning"});
  ASSERT_TRUE(items[2].decision);
  EXPECT_EQ(items[2].decision->category, DecisionCategory::kRecommended);
  EXPECT_FALSE(items[3].decision);
}

// HTML minutes whose agenda list and item headings are table rows with the
// number in a cell of its own (the eDoc HTML layout: a printed agenda list
// without page numbers, then "[1.][Title]" per item): the list is the
// contents, each heading row an item.
TEST(Items, HtmlNumbersInCellsAndAPrintedList) {
  const std::string html =
      "<html><body>\n"
      "<h1>Referat</h1>\n"
      "<p>Økonomiudvalget</p>\n"
      "<p>Mødedato: 04-12-2012 kl. 13:00</p>\n"
      "<p>Mødested: Rådhuset, mødelokale 1</p>\n"
      "\n"
      "<table>\n"
      "<tr><td>1</td><td>Godkendelse af dagsorden</td></tr>\n"
      "<tr><td>2</td><td>Budgetopfølgning pr. 31. oktober 2012</td></tr>\n"
      "<tr><td>3</td><td>Lukket: Ejendomssag</td></tr>\n"
      "</table>\n"
      "<table><tr><td>1.</td><td><b>Godkendelse af dagsorden</b></td></tr></table>\n"
      "<p>Sagsnr.: 12/1234</p>\n"
      "<p><b>Beslutning</b></p>\n"
      "<p>Godkendt.</p>\n"
      "<table><tr><td>2.</td><td><b>Budgetopfølgning pr. 31. oktober 2012</b></td></tr></table>\n"
      "<p>Sagsnr.: 12/2222</p>\n"
      "<p><b>Indstilling</b></p>\n"
      "<p>Direktionen indstiller, at budgetopfølgningen tages til efterretning.</p>\n"
      "<p><b>Beslutning</b></p>\n"
      "<p>Taget til efterretning.</p>\n"
      "<p><b>Bilag</b></p>\n"
      "<p>Budgetopfølgning oktober 2012.pdf</p>\n"
      "<table><tr><td>3.</td><td><b>Lukket: Ejendomssag</b></td></tr></table>\n"
      "<p><b>Beslutning</b></p>\n"
      "<p>Godkendt.</p>\n"
      "</body></html>\n"
      ;
  auto rec = testing::StructureOfBytes(html);
  ASSERT_TRUE(rec.ok());
  std::vector<std::string> got;
  for (const auto& it : rec->agenda_items)
    got.push_back(it.number + " " + it.title + " " + it.case_number.value_or("-") + " " +
                  (it.public_ ? (*it.public_ ? "open" : "closed") : "?"));
  EXPECT_EQ(got, (std::vector<std::string>{"1 Godkendelse af dagsorden 12/1234 open",
                                           "2 Budgetopfølgning pr. 31. oktober 2012 12/2222 open",
                                           "3 Ejendomssag - closed"}));
  EXPECT_EQ(rec->toc.size(), 3u);
  ASSERT_EQ(rec->agenda_items.size(), 3u);
  EXPECT_EQ(rec->agenda_items[1].attachments.size(), 1u);
}

// A sogneråd's protocol (modelled on Lindknud Sogneraads Protokol,
// 1919-1921, lindknudinfo.dk): each matter numbered, its decision in the
// margin after a run of spaces or on the line under it, in the spelling
// before 1948.
TEST(Items, AProtocolWithDecisionsInTheMargin) {
  const std::string text =
      "Lindknud Sogneraads Protokol d. 29 Marts 1919\n\n"
      "Aar 1919 d. 29/3 holdt Sogneraadet ekstraordinært Møde i Lindknud Kro.\n\n"
      "Følgende Sager forhandledes:\n\n"
      "1. Vittrup Skole. Anders Nielsen for Skolen og de smaa Huse 80 Kr.                Antoges.\n\n"
      "2. Cirkulære af 5. Jan 21 om Statstilskud til Boligbyggerier.        Til Efterretning.\n\n"
      "3. Sogneraadsvalg afholdes i Lindknud Kro Tirsdag d 1. Marts 21.\nUdsattes til næste Møde.\n\n"
      "4. Andragende fra Marie Sørensen om Forhøjelse af Understøttelsen.\n"
      "Det vedtoges at forhøje Understøttelsen til 2 Kr. 25 Øre ugentlig.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok());
  ASSERT_EQ(rec->agenda_items.size(), 4u);
  std::vector<std::string> got;
  for (const auto& it : rec->agenda_items)
    got.push_back(it.number + " " + (it.decision ? std::string(Name(it.decision->category)) : "-"));
  EXPECT_EQ(got, (std::vector<std::string>{"1 approved", "2 noted", "3 postponed", "4 approved"}));
  EXPECT_EQ(rec->agenda_items[0].decision->text, "Antoges.");
  EXPECT_EQ(rec->agenda_items[0].title, "Vittrup Skole. Anders Nielsen for Skolen og de smaa Huse 80 Kr.");
}

// A parish council's protocol as transcribed (Lindknud Sogneraads Protokol
// 9/2 1921, lindknudinfo.dk): the matters numbered "1.´" (an accent after
// the dot, no space) after the lead-in "Følgende Sager behandledes:"; every
// number of the run is a matter, with its decision in the margin or not.
TEST(Items, ProtocolMattersAfterTheLeadIn) {
  const std::string text =
      "Lindknud Sogneraads Protokol 9/2 1921 –\n\n"
      "Aar 1921 d. 9/2 holdt Sogneraadet Møde i Lindknud Kro.\n\n"
      "Følgende Sager behandledes:\n\n"
      "Pastor Barfod har sendt Fødselsanmeldelser for Januar Maaned\n\n"
      "1.´Den 9. en Søn af Gaardejer Kristian Mikael Thomsen, Vittrup\n\n"
      "Den 24.  en Søn af Plantør Nikolaj Herman Petersen og Hustru, Vittrup\n\n"
      "2.´Cirkulære af 5. Jan 21. I Henhold til Lov No. 479 af 10/9 20 om Statstilskud og Statslaan til "
      "Boligbyggerier der er egnede til afhjælpe Bolignøden og Arbejdsløsheden.        Til Efterretning.\n\n"
      "3.´Landstingsvalget d. 1/10 1920. Valgbestyrelsen har indsendt Regning paa 99,40 Kr. til Dækning af "
      "Udgifterne  for Lindknud Kommunes vedkommende.\n\n"
      "4.´Folketingsvalget d 21/9 20. Samlet Udgift for Ribe Amt 1970 Kr. deraf skal Lindknud betale 24,10 Kr."
      "                 Til Efterretning.\n\n"
      "5.´Sogneraadsvalg afholdes i Lindknud og Hovborg Kroer Tirsdag d 1. Marts 21. Afstemningen foregaar paa "
      "sædvanlig Maade. Som Valgbestyrere valgtes Sogneraadet.\n\n"
      "6.´Prøvevalg\n\n"
      "Sogneraadet vedtog at indbyde samtlige kommunale Vælgere til et fælles Prøvevalg, der afholdes i Lindknud "
      "Kro Onsd. Eftermiddag Kl. 3 præcis.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok());
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "1921-02-09");
  std::vector<std::string> got;
  for (const auto& it : rec->agenda_items)
    got.push_back(it.number + " " + (it.decision ? std::string(Name(it.decision->category)) : "-"));
  // Matter 5 ends in its decision, the election in its own paragraph.
  EXPECT_EQ(got, (std::vector<std::string>{"1 -", "2 noted", "3 -", "4 noted", "5 approved", "6 approved"}));
  ASSERT_EQ(rec->agenda_items.size(), 6u);
  EXPECT_EQ(rec->agenda_items[4].decision->text, "Som Valgbestyrere valgtes Sogneraadet.");
  EXPECT_EQ(rec->agenda_items[5].title, "Prøvevalg");
  // The body from the entry under the dated title.
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Sogneraadet");
  // The lead-in alone ending the entry's line (Lindknud 1915): the matters
  // are items and the document minutes, though no decision is worded.
  auto entry = testing::StructureOfBytes(
      "Aar 1915 d. 10. Nov. holdt Sogneraadet Møde i Lindknud Kro. Følgende sager forhandledes:\n\n"
      "1. Fødselsanmeldelser fra Pastor Nielsen forelaa for Oktober Maaned.\n\n"
      "2. Forsømmelseslisterne for Sept. og Okt. Skolemulgter dikteredes. Mulgterne ansættes af Formanden.\n\n"
      "3. Ribe Stiftamt har under 4. Nov. meddelt at der er anvist 20 Kr. som Tilskud til Hjælpekassen for 1914/15.\n\n"
      "4. Ministeriets Cirkulære af 15. Okt. om Arbejdsløshedskasser\n");
  ASSERT_TRUE(entry.ok());
  EXPECT_EQ(entry->kind, DocumentKind::kMinutes);
  EXPECT_EQ(entry->agenda_items.size(), 4u);
  // After the lead-in the matters may be numbered without a dot
  // (Lindknud Sogneraads Forhandlingprotokol, 14. December 1910).
  auto undotted = testing::StructureOfBytes(
      "         Onsdag d. 14. December 1910 holdt Sogneraadet ordinær møde i Lindknud Kro.\n"
      "         Alle Medlemmer var mødte.   Følgende Sager behandledes:\n\n"
      "  1   Overslag over Indtægter og Udgifter for Regnskabsaaret 1911/12 var til 1 Behandling.\n\n"
      "  2   Indberetning om Høstudbytter for Sommeren 1910 udfærdigedes.\n");
  ASSERT_TRUE(undotted.ok());
  ASSERT_TRUE(undotted->meeting);
  EXPECT_EQ(undotted->meeting->date.value_or("-"), "1910-12-14");
  ASSERT_EQ(undotted->agenda_items.size(), 2u);
  EXPECT_EQ(undotted->agenda_items[1].title, "Indberetning om Høstudbytter for Sommeren 1910 udfærdigedes.");
  // Without the lead-in, numbered lines without an item's head stay text.
  auto plain = testing::StructureOfBytes(
      "Aar 1915 d. 10. Nov. holdt Sogneraadet Møde i Lindknud Kro.\n\n"
      "1. Fødselsanmeldelser fra Pastor Nielsen forelaa for Oktober Maaned.\n\n"
      "2. Forsømmelseslisterne for Sept. og Okt. Skolemulgter dikteredes. Mulgterne ansættes af Formanden.\n");
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(plain->agenda_items.empty());
}

// Protocols write the decision on the matter's own lines (Lindknud
// Sogneraads Protokol 9/1 1918 and 9/2 1921, lindknudinfo.dk): in the
// margin of the matter's last line, after a run of spaces, under a matter
// of several paragraphs; a matter after the lead-in may run past 30 words.
TEST(Items, ProtocolDecisionOnTheMattersLastLine) {
  const std::string text =
      "Aar 1918 d. 9/1 holdt Sogneraadet ordinært Møde i Lindknud Kro. Alle var mødt.\n\n"
      "Følgende Sager forhandledes:\n\n"
      "Fødselsanmeldelser fra Pastor Nielsen var fremsendt for December Md.\n\n"
      "1. De 26/12 født en Dreng af Bmd. Frands N. Frandsen og Hustru Mette Marie Ravn, Adsersbøl.\n\n"
      "2. Forsømmelseslisterne for Novb. og Dec. vare fremlagte. Mulkter paaføres af Formanden.\n\n"
      "3. Cirkulære af 11/12 17. Efter Indstilling af Landbrugsudvalget er Honoraret for det kommunale "
      "Kornnævn f. T. fra 1/9 17 til 31/8 1918 fastsat til 300 Kr. til Deling for hvert Nævn.\n\n"
      "I Dagpenge uden for Hjemmet betales for indtil 4 Timer 4 Kr., over 4 Timer 6 Kr pr. dag.\n\n"
      "Dette Beløb udredes af Kommunen der kan faa ½Delen refunderet af Staten.     Til Efterretning.\n\n"
      "4. Cirkulære af 15/12 17. Enhver Landbruger er pligtig til at være i Besiddelse af det for enhver "
      "Ejendom nødvendige Saasæd.\n";
  auto rec = testing::StructureOfBytes(text);
  ASSERT_TRUE(rec.ok());
  std::vector<std::string> got;
  for (const auto& it : rec->agenda_items)
    got.push_back(it.number + " " + (it.decision ? std::string(Name(it.decision->category)) : "-"));
  EXPECT_EQ(got, (std::vector<std::string>{"1 -", "2 -", "3 noted", "4 -"}));
  ASSERT_EQ(rec->agenda_items.size(), 4u);
  EXPECT_EQ(rec->agenda_items[2].decision->text, "Til Efterretning.");
  // The births of the month, the last with the ditto marks of the
  // protocol and the note in its margin (9/2 1921).
  auto births = testing::StructureOfBytes(
      "Aar 1921 d. 9/2 holdt Sogneraadet Møde i Lindknud Kro.\n\n"
      "Følgende Sager behandledes:\n\n"
      "1.´Den 9. en Søn af Gaardejer Kristian Mikael Thomsen, Vittrup\n\n"
      "Den 26  –    –        –   Gmd. Poul Madsen Poulsen og Hustru, Klelund.                 Til Efterretning.\n\n"
      "2.´Cirkulære af 5. Jan 21. I Henhold til Lov No. 479 af 10/9 20 om Statstilskud og Statslaan til "
      "Boligbyggerier der er egnede til afhjælpe Bolignøden og Arbejdsløsheden.        Til Efterretning.\n");
  ASSERT_TRUE(births.ok());
  ASSERT_EQ(births->agenda_items.size(), 2u);
  ASSERT_TRUE(births->agenda_items[0].decision);
  EXPECT_EQ(Name(births->agenda_items[0].decision->category), std::string("noted"));
}

// A date line with the time and the place after it, as historic minutes
// write it ("Kl. 19,30 paa Raadhuset": a comma in the time, spelling
// before 1948) and as modern covers do ("kl. 19.30 på Rådhuset").
TEST(Header, DateLineWithTimeAndPlace) {
  for (const auto& [line, place] : std::vector<std::pair<std::string, std::string>>{
           {"Mandag den 24. Oktober 1938 Kl. 19,30 paa Raadhuset.", "Raadhuset"},
           {"Mandag den 24. oktober 2017 kl. 19.30 på Rådhuset", "Rådhuset"}}) {
    auto rec = testing::StructureOfBytes("Referat\nByraadet\n" + line + "\n\n1. Sag\nBeslutning:\nVedtaget.\n");
    ASSERT_TRUE(rec.ok());
    ASSERT_TRUE(rec->meeting) << line;
    EXPECT_EQ(rec->meeting->start_time, "19:30") << line;
    EXPECT_EQ(rec->meeting->location, place) << line;
  }
}

// Copenhagen's minutes (kk.dk, eDoc): a page per item, its title the one
// heading over "Beslutning", the decision under the body's dated heading
// ("Borgerrepræsentationens beslutning i mødet den 12. december 2019"),
// the meeting's absentees one a line with party and reason; a bare
// "Beslutning" holding only "Dagsordenspunkt 1: <title>" heads the dated
// decision (Økonomiudvalget 31.03.2020); the lokaludvalg note the end time
// and the attendance in the item's head, and number the points of a decision
// ("1. Bent Christensen havde modtaget …").
TEST(Meetings, CopenhagenItemPages) {
  const std::string br =
      "<html><body><p>Mødedato: 12.12.2019, kl. 17:30<br>Mødested: Borgerrepræsentationens mødesal</p>\n"
      "<h1>Godkendelse af dagsordenen</h1><p><a href=\"bilag\">Se alle bilag</a></p><p>…..</p>\n"
      "<h2>Beslutning</h2><p>Borgerrepræsentationens beslutning i mødet den 12. december 2019</p>\n"
      "<p>Fraværende med afbud:</p><p>Borgmester Cecilia Lonning-Skovgaard (V), tjenesterejse.</p>\n"
      "<p>Gyda Heding (Ø), arbejde.</p><p>Anna Maria Hede Christensen (O), personlige årsager.</p>\n"
      "<p>Fraværende uden afbud:</p><p>Ingen.</p>\n"
      "<p>Dagsordenen blev herefter godkendt.</p><p>Mødet sluttede kl. 21:15.</p></body></html>\n";
  auto rec = testing::StructureOfBytes(br);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_EQ(rec->kind, DocumentKind::kMinutes);
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2019-12-12");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "17:30");
  EXPECT_EQ(rec->meeting->end_time.value_or("-"), "21:15");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Borgerrepræsentationens mødesal");
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Borgerrepræsentationen");
  EXPECT_EQ(rec->meeting->council.value_or("-"), "Københavns Borgerrepræsentation");
  EXPECT_EQ(rec->meeting->municipality.value_or("-"), "Københavns Kommune");
  const std::vector<std::string> absent{"Cecilia Lonning-Skovgaard", "Gyda Heding", "Anna Maria Hede Christensen"};
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, absent);
  ASSERT_EQ(rec->agenda_items.size(), 1u);
  const AgendaItem& it = rec->agenda_items[0];
  EXPECT_EQ(it.title, "Godkendelse af dagsordenen");
  ASSERT_TRUE(it.decision);
  EXPECT_EQ(it.decision->text, "Dagsordenen blev herefter godkendt.");
  EXPECT_EQ(it.decision->category, DecisionCategory::kApproved);

  auto eu = testing::StructureOfBytes(
      "1. Godkendelse af dagsorden\n\nSagsfremstilling\n\n.....\n\nBeslutning\n\n"
      "Dagsordenspunkt 1: Godkendelse af dagsorden\n\n"
      "Økonomiudvalgets beslutning i mødet den 31. marts 2020\n\n"
      "Fraværende med afbud:\n\nIngen.\n\nDagsordenen blev herefter godkendt.\n");
  ASSERT_TRUE(eu.ok());
  ASSERT_EQ(eu->agenda_items.size(), 1u);
  ASSERT_TRUE(eu->agenda_items[0].decision);
  EXPECT_EQ(eu->agenda_items[0].decision->text, "Dagsordenen blev herefter godkendt.");

  auto lu = testing::StructureOfBytes(
      "2. Godkendelse af dagsordnen\n\nMødet sluttede kl.21.33\n\nFraværende med afbud:\n"
      "Maria Bagger Grell, Merete Øverup indkaldt\nCharlotte Tørngren og Lasse Kragballe Rasmussen\n"
      "Tina Wittendorf og Henrik Magnussen\n\nFraværende uden afbud:\nJens Andersen\n\n\nBeslutning\n\n"
      "1. Bent Christensen havde modtaget anmodning fra Erik Jønsson, om at tage punkt 9 vedr. "
      "lokaludvalgets synlighed af dagsorden, hvilket der dog ikke var enighed om.\n\n"
      "Dagsorden blev godkendt som udsendt og Erik Jønssons bemærkninger vedr. punkt 9 optages som en "
      "protokolbemærkning i forbindelse med behandling af sagen.\n");
  ASSERT_TRUE(lu.ok());
  ASSERT_EQ(lu->agenda_items.size(), 1u);
  EXPECT_EQ(lu->agenda_items[0].number, "2");
  ASSERT_TRUE(lu->agenda_items[0].decision);
  EXPECT_EQ(lu->agenda_items[0].decision->category, DecisionCategory::kApproved);

  // Item 1 tells how the agenda was settled before it was approved: another
  // item taken off it, one put off. The sentence that says it concludes
  // ("blev herefter godkendt") is the outcome (kk.dk, Borgerrepræsentationen
  // 12.12.2019, punkt 1; more in decision_phrases.examples.tsv).
  auto ag = testing::StructureOfBytes(
      "<html><body><p>Mødedato: 12.12.2019, kl. 17:30</p><h1>Godkendelse af dagsordenen</h1>\n"
      "<h2>Beslutning</h2><p>Borgerrepræsentationens beslutning i mødet den 12. december 2019</p>\n"
      "<p>Dagsordenen:</p><p>Sagerne uden for dagsorden blev besluttet behandlet efter den udsendte "
      "dagsordens punkt 1, ”Godkendelse af dagsorden”.</p>\n<p>Det Konservative Folkeparti meddelte, at de "
      "ønskede at frafalde standsningen af dagsordenspunkt 30 ”Godkendelse af rammerne for udbuddet for "
      "udsatte ledige og sygemeldte”. Som konsekvens heraf blev sagen taget af dagsordenen.</p>\n"
      "<p>Dagsordenen blev herefter godkendt.</p></body></html>\n");
  ASSERT_TRUE(ag.ok());
  ASSERT_EQ(ag->agenda_items.size(), 1u);
  ASSERT_TRUE(ag->agenda_items[0].decision);
  EXPECT_EQ(ag->agenda_items[0].decision->category, DecisionCategory::kApproved);
}

// A decision's clauses numbered on past the recommendation's: "1.-7.
// Godkendt." / "8. Borgermødet blev evalueret." under "Beslutning" (Greve
// Kommune, Plan- og Tryghedsudvalget 21.10.2025, punkt 5, rendered from
// FirstAgenda's JSON as plain text minutes): "8." is the decision's, and
// items 6 and 7 after it are found.
TEST(Meetings, DecisionClausesNumberedOnAreNoItem) {
  auto rec = testing::StructureOfBytes(
      "Greve Kommune\nReferat\nPlan- og Tryghedsudvalget\n"
      "Mødedato: Tirsdag den 21. oktober 2025 kl. 16:00\nSted: Mødelokale 1\n\n"
      "5. Opfølgning på borgermødet om tryghed\nSagsnr.: 25-001550\n\nBeslutning\n\n1.-7. Godkendt.\n\n"
      "8. Borgermødet blev evalueret.\n\nFremstilling\n\nSagsprocedure\n\nPlan- og Tryghedsudvalget.\n\n"
      "Resume\n\nSagen er en opfølgning på borgermødet om tryghed den 2. september 2025.\n\n"
      "Indstilling\n\nAdministrationen indstiller,\n\nat initiativ a godkendes,\n\nat borgermødet evalueres.\n\n"
      "6. Vejen Videre - indtægtsbevilling\nSagsnr.: 25-007449\n\nBeslutning\n\n1.3. Anbefales.\n\n"
      "Fremstilling\n\nSagsprocedure\n\n"
      "7. Budgetopfølgning 2 - Plan- og Tryghedsudvalget\nSagsnr.: 25-011172\n\nBeslutning\n\nAnbefales.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 3u);
  EXPECT_EQ(rec->agenda_items[0].number, "5");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->category, DecisionCategory::kApproved);
  EXPECT_EQ(rec->agenda_items[1].number, "6");
  EXPECT_EQ(rec->agenda_items[1].title, "Vejen Videre - indtægtsbevilling");
  EXPECT_EQ(rec->agenda_items[2].number, "7");
  EXPECT_EQ(rec->agenda_items[2].case_number.value_or("-"), "25-011172");
}

// A title heading may open with a section sign: "§79-puljen, frie midler"
// (Greve, Sundheds- og Omsorgsudvalget 18.03.2024, punkt 3: FirstAgenda's
// item markup from its JSON export, the <h2> holding the title alone). Missing
// it, every later item would take the next one's title.
TEST(Meetings, TitleHeadingOpeningWithASectionSign) {
  auto rec = testing::StructureOfBytes(
      "<html><body><p>Sundheds- og Omsorgsudvalget</p><p>Mødedato: Mandag den 18. marts 2024 kl. 16:00</p>\n"
      "<h2>§79-puljen, frie midler</h2>\n<p>Sagsnr.: 24-001712</p>\n"
      "<div><h3>Beslutning</h3><p>Ad 1) Sagen blev taget til efterretning</p>\n<p>Ad 2-4) Godkendes</p></div>\n"
      "<h2>Valdemarsdag 2024, tilmelding</h2>\n<p>Sagsnr.: 24-001687</p>\n"
      "<div><h3>Beslutning</h3><p>Ad 1) Liselott Blixt og Tina Rottbøll, og evt. Charlotte Levin.</p></div>\n"
      "</body></html>\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].title, "§79-puljen, frie midler");
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "24-001712");
  EXPECT_EQ(rec->agenda_items[1].title, "Valdemarsdag 2024, tilmelding");
}

// A page of one item with its title as the heading over the case label and
// a signature sheet with no decision after it (Greve Kommune,
// Økonomiudvalget 24.01.2025, a written meeting: FirstAgenda's item markup,
// the <h2> holding the title alone): the title is the heading above the label.
TEST(Meetings, OneItemTitleHeadingOverItsCaseLabel) {
  auto rec = testing::StructureOfBytes(
      "<html><body><h1>Referat</h1><p>Økonomiudvalget</p><p>Greve Kommune</p>\n"
      "<p>Mødedato: Fredag den 24. januar 2025 kl. 08:00</p><p>Mødested: Skriftligt møde</p>\n"
      "<h2>Flytning af ØU-møde marts 2025</h2>\n<p>Sagsnr.: 24-005210</p>\n"
      "<div><h3>Beslutning</h3><span>Godkendt.<br></span></div>\n<h3>Fremstilling</h3>\n"
      "<p><strong>Sagsprocedure</strong></p><p>Økonomiudvalget.</p>\n"
      "<h2>Underskriftsark</h2>\n<h3>Fremstilling</h3><h4>Sagsprocedure</h4><p>Økonomiudvalget.</p>\n"
      "<h4>Resume</h4><p>Elektronisk underskriftsblad.</p>\n</body></html>\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_GE(rec->agenda_items.size(), 1u);
  EXPECT_EQ(rec->agenda_items[0].title, "Flytning af ØU-møde marts 2025");
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "24-005210");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->category, DecisionCategory::kApproved);
}

// On a page whose <h2> holds the title alone, an ordinal opening a title
// ("2. behandling af Budget 2025-28", Greve Byråd 02.10.2024, items 8 and
// 9: FirstAgenda's item markup) is no printed item number: the items are
// numbered in order.
TEST(Meetings, OrdinalOpeningATitleHeadingIsNoNumber) {
  auto rec = testing::StructureOfBytes(
      "<html><body><p>Byrådet</p><p>Mødedato: Onsdag den 2. oktober 2024 kl. 18:00</p>\n"
      "<h2>Budgetopfølgning 2 (2024) - bevillingssag</h2>\n<p>Sagsnr.: 23-013405</p>\n"
      "<div><h3>Beslutning</h3><span>Byrådet godkendte Økonomiudvalgets indstilling.</span></div>\n"
      "<h2>2. behandling af Budget 2025-28</h2>\n<p>Sagsnr.: 24-000963</p>\n"
      "<div><h3>Beslutning</h3><p>1 a. Ikke godkendt</p><p>For stemte: Ø</p>\n"
      "<p>2. Selvbudgettering for 2025 blev godkendt.</p></div>\n</body></html>\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[1].number, "2");
  EXPECT_EQ(rec->agenda_items[1].title, "2. behandling af Budget 2025-28");
  EXPECT_EQ(rec->agenda_items[1].case_number.value_or("-"), "24-000963");
}

// A closed first item shows its title alone, with no head of its own; the
// item 2 after it has one (Greve Kommune, Byråd 29.01.2025, rendered from
// FirstAgenda's JSON as plain text minutes): "1. Lukket: …" is item 1.
TEST(Meetings, ClosedFirstItemBeforeAHeadedSecond) {
  auto rec = testing::StructureOfBytes(
      "Greve Kommune\nReferat\nByråd 2022-2025\nMødedato: Onsdag den 29. januar 2025 kl. 17:30\n"
      "Sted: Byrådssalen\nAfbud: Dorthe Bøgh Madsen, Torben Hoffmann\n\n\n"
      "1. Lukket: Temamøde - Tavshedspligt i byrådsarbejdet\n\nAfholdt.\n\n"
      "Afbud: Dorthe Bøgh Madsen, Torben Hoffmann (Stedfortræder: Conni Bergendorff)\n\n\n"
      "2. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt med den ændring, at sag nr. 32 udgår og "
      "erstattes af sag nr. 33 som behandles efter punkt 7.\n\nFremstilling\n\nSagsprocedure\n\nByrådet.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].number, "1");
  EXPECT_EQ(rec->agenda_items[0].title, "Temamøde - Tavshedspligt i byrådsarbejdet");
  EXPECT_EQ(rec->agenda_items[0].public_, std::optional<bool>(false));
  EXPECT_EQ(rec->agenda_items[1].number, "2");
}

// Aalborg's minutes pages (referater.aalborg.dk, Byrådet 22 January 2024):
// the page's title puts the date before the type ("22. januar 2024 - referat
// fra byrådet"), and the council comes again before the same date.
TEST(Meetings, DateFirstTitleLineAndCouncilBeforeTheDate) {
  auto rec = testing::StructureOfBytes(
      "22. januar 2024 - referat fra byrådet\n\nByrådet 22. januar 2024\n\nÅben\n\nBeslutning\n\n"
      "Godkendt.\n\nBjarne Jensen og Kristoffer Storm var fraværende.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_EQ(rec->kind, DocumentKind::kMinutes);
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2024-01-22");
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Byrådet");
  EXPECT_EQ(rec->meeting->document_type.value_or("-"), "referat");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Bjarne Jensen", "Kristoffer Storm"}));
}

// Minutes pages whose items' titles are in the page's markup: the text
// dump opens each item with its case label. Viborg Kommune, Økonomi- og
// Erhvervsudvalget 24 August 2022 (viborg.dk minutes page): "Sagsid.:"
// then "Resume" (no title), the recommendation's "1. at …" point is no
// item. Herning Kommune, Teknik- og Miljøudvalget 6 November 2017
// (politik.herning.dk): the title on the line after the case label.
// Hedensted Kommune, Kommunalbestyrelsen 25 June 2025 (hedensted.dk): the
// body's label holds its election period.
TEST(Meetings, ItemsOpenedByTheirCaseLabel) {
  auto rec = testing::StructureOfBytes(
      "Referat\n\nonsdag den 24. august 2022 kl. 08:30\n\nMødested M.5/rådhuset\n"
      "Udvalg Økonomi- og Erhvervsudvalget\nMødedeltagere Kim Dongsgaard, Kurt Mosgaard, Mads Panny\n"
      "Fraværende Ingen\nBemærkninger\n\nSagsid.: 21/24710\n\nResume\n\nJan Hansen og Ida Jensen fra BDO "
      "deltager fra kl. 8.30 – 9.00 i Økonomi- og Erhvervsudvalgets møde.\n\nIndstilling\n\n"
      "Kommunaldirektøren foreslår,\n \n1. at revisionsberetningen vedrørende årsregnskab 2021 drøftes med BDO.\n\n"
      "Beslutning i Økonomi- og Erhvervsudvalget den 24-08-2022\n\n"
      "Revisionsberetningen vedrørende årsregnskab 2021 blev drøftet med BDO.\n\nSagsfremstilling\n\nHistorik\n\n"
      "Intet.\nBilag\n\nSagsid.: 21/37999\n\nResume\n\nBasisbudgettet opsummerer de økonomiske konsekvenser "
      "af allerede trufne politiske beslutninger og tekniske tilretninger.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_EQ(rec->kind, DocumentKind::kMinutes);
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Økonomi- og Erhvervsudvalget");
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].number, "1");
  EXPECT_EQ(rec->agenda_items[0].title, "");
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "21/24710");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(Name(rec->agenda_items[0].decision->category), "discussed");
  EXPECT_EQ(rec->agenda_items[1].case_number.value_or("-"), "21/37999");

  auto herning = testing::StructureOfBytes(
      "Dagsordener og referater\n\nUdvalg: Teknik- og Miljøudvalget\nMødedato: 6. november 2017\n"
      "Mødested: C3.40\n\nDagsordenpunkter\n\nSagsnr.: 05.00.00-A00-2-17 Sagsbehandler: Lene Ahle Skoubo Jakobsen\n\n"
      "Orientering om beskæftigelsesprojektet \"Naturen som løftestang\"\n\nDIR\n\nFOU\n\nØvrige sagsbehandlere: "
      "Jacob Philipsen\n\nSagsresume\n\nForvaltningen anbefaler, at sagen tages til orientering.\n\nIndstilling\n\n"
      "Direktøren for Teknik og Miljø indstiller,\n\nat sagen tages til orientering.\n\nBeslutning\n\n"
      "Sagen taget til orientering.\n");
  ASSERT_TRUE(herning.ok()) << herning.status().message();
  ASSERT_TRUE(herning->meeting);
  EXPECT_EQ(herning->meeting->body.value_or("-"), "Teknik- og Miljøudvalget");
  EXPECT_EQ(herning->meeting->date.value_or("-"), "2017-11-06");
  ASSERT_EQ(herning->agenda_items.size(), 1u);
  EXPECT_EQ(herning->agenda_items[0].title, "Orientering om beskæftigelsesprojektet \"Naturen som løftestang\"");
  EXPECT_EQ(herning->agenda_items[0].case_number.value_or("-"), "05.00.00-A00-2-17");
  ASSERT_TRUE(herning->agenda_items[0].decision);
  EXPECT_EQ(Name(herning->agenda_items[0].decision->category), "noted");

  auto hedensted = testing::StructureOfBytes(
      "Kommunalbestyrelsen - Dagsordener og referater\nSe dagsordener og referater fra Kommunalbestyrelsens møder.\n"
      "Udvalg: Kommunalbestyrelsen 2022-2025\nMødedato: 25. juni 2025\nMødested: Rådhussalen, Juelsminde Rådhus\n"
      "Sagsnr.: 00.00.00-P35-34-24\nBeslutningstema\nMødets deltagere og fraværende noteres her.\n"
      "Beslutning\nHanne Grangaard (A) var fraværende.\nFraværende:\nSagsnr.: 00.00.00-A00-11-24\nBeslutningstema\n"
      "Der er ikke indenfor den angivne tidsfrist indkommet spørgsmål til kommunalbestyrelsens spørgetid.\nBeslutning\n"
      "Der er ikke indenfor den angivne tidsfrist indkommet spørgsmål til kommunalbestyrelsens spørgetid.\n");
  ASSERT_TRUE(hedensted.ok()) << hedensted.status().message();
  ASSERT_TRUE(hedensted->meeting);
  EXPECT_EQ(hedensted->meeting->body.value_or("-"), "Kommunalbestyrelsen");
  EXPECT_EQ(hedensted->meeting->date.value_or("-"), "2025-06-25");
  ASSERT_EQ(hedensted->agenda_items.size(), 2u);
  EXPECT_EQ(hedensted->agenda_items[0].title, "");
  EXPECT_EQ(hedensted->agenda_items[1].case_number.value_or("-"), "00.00.00-A00-11-24");
}

// A page whose contents were links the text dump lost: the one numbered
// line under "Indholdsfortegnelse" with its case label under it is the
// first item, and the points under "Direktionen indstiller, at" are no
// items (Horsens Kommune, Byrådet 29 March 2016, horsens.dk minutes page).
// "Udvalg: Herning Byråd" names the council that met (Herning Byråd 24
// August 2021, politik.herning.dk print page).
TEST(Meetings, ContentsLostAndRecommendationPoints) {
  auto rec = testing::StructureOfBytes(
      "Byrådet - Referat\n\nDato: 29. marts 2016\nLokale: Byrådssalen\nTidspunkt: Kl. 17:00\n\n\n"
      "Indholdsfortegnelse\n\n\n\n1. ØK Låneoptagelse for 2015 og 2016\n\n\nSagsnummer\n00.34.00-S00-2-14\n"
      "Resume\n\nSagen afgøres af Byrådet.\n\nIndstilling\n\nDirektionen indstiller, at\n\n"
      "  1. Byrådet hjemtager et serielån på 60 mio. kr. med løbetid på 25 år.\nBeslutning\n\n"
      "Byrådet vedtog indstillingen fra Økonomi- og Erhvervsudvalget.\n\nHans Bang-Hansen deltog ikke i mødet.\n\n"
      "Torben Engholm deltog ikke i sagens behandling.\n\n"
      "Sagsfremstilling\n\nHorsens Kommune har låneadgang på i alt 50 mio. kr. vedrørende 2015 og 2016\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_TRUE(rec->toc.empty());
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Byrådet");
  ASSERT_EQ(rec->agenda_items.size(), 1u);
  EXPECT_EQ(rec->agenda_items[0].title, "ØK Låneoptagelse for 2015 og 2016");
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "00.34.00-S00-2-14");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(Name(rec->agenda_items[0].decision->category), "approved");
  // The meeting's absentee; one who left the item alone is only the item's.
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Hans Bang-Hansen"}));
  EXPECT_EQ(rec->agenda_items[0].absent, (std::vector<std::string>{"Hans Bang-Hansen", "Torben Engholm"}));

  auto herning = testing::StructureOfBytes(
      "Udvalg: Herning Byråd\nMødedato: 24. august 2021\nMødested: Byrådssalen\n\nDagsordenpunkter\n\n"
      "119. Cirkulæreskrivelse, orienteringssager m.v.\n\nSagsnr.: 00.01.00-G01-4-19 Sagsbehandler: Marie Jensen\n\n"
      "Cirkulæreskrivelse, orienteringssager m.v.\n\nIndstilling\n\nØkonomi- og Erhvervsudvalget indstiller,\n\n"
      "at orienteringen tages til efterretning.\n\nBeslutning\n\nIndstillingen er tiltrådt.\n\n"
      "120. Forslag til mødekalender for Økonomi- og Erhvervsudvalget og Byrådet i 2022\n\n"
      "Sagsnr.: 00.01.00-P19-1-21 Sagsbehandler: Marie Jensen\n\nSagsresume\n\n"
      "Forslag til afholdelse af Økonomi- og Erhvervsudvalgs- og byrådsmøder i 2022\n");
  ASSERT_TRUE(herning.ok()) << herning.status().message();
  ASSERT_TRUE(herning->meeting);
  EXPECT_EQ(herning->meeting->body.value_or("-"), "Herning Byråd");
  EXPECT_EQ(herning->meeting->council.value_or("-"), "Herning Byråd");
  EXPECT_EQ(herning->meeting->municipality.value_or("-"), "Herning Kommune");
  ASSERT_EQ(herning->agenda_items.size(), 2u);
  EXPECT_EQ(herning->agenda_items[0].number, "119");
  EXPECT_EQ(herning->agenda_items[0].case_number.value_or("-"), "00.01.00-G01-4-19");
  EXPECT_EQ(herning->agenda_items[1].number, "120");
}

// Report sections in plain text (pdftotext output of a PDF report).
std::vector<std::string> SectionHeadings(const Record& rec) {
  std::vector<std::string> out;
  if (rec.report)
    for (const auto& s : rec.report->sections) out.push_back(s.heading);
  return out;
}

// A short line over a lead-in to a list ("Vi vil:" / "- …") is a heading
// (Syddjurs Kommune, Politik for Kultur og Fritid 2009, pages 6-7, as
// pdftotext gives it).
TEST(Reports, PlainHeadingOverListLeadIn) {
  auto r = testing::StructureOfBytes(
      "Politik\nfor\nKultur og Fritid Lokalt engagement.\n\n"
      "Teater\nVi vil:\n- etablere egnsteater, som primært udøver børneteater\n-\n\n"
      "arbejde for bredest mulig formidling/profilering af arrangementer for at synliggøre\n"
      "aktiviteterne og øge tilgængeligheden. IT er det afgørende redskab\n\n"
      "Musik\nVi vil:\n- arbejde for bredest mulig formidling/profilering af arrangementer for at synliggøre\n"
      "aktiviteterne og øge tilgængeligheden gerne gennem virtuelle vejkort. IT er det\n"
      "afgørende redskab\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Name(r->kind), "report");
  EXPECT_EQ(SectionHeadings(*r), (std::vector<std::string>{"Teater", "Musik"}));
}

// A short line over a lead-in to a list the reader marked, each standing
// after a blank line ("Mål" / "Det er Byrådets mål:" / "• at ..."), is a
// heading (Assens Kommune, Kommuneplan 2021-2033, Varmeforsyning, as web text).
TEST(Reports, PlainHeadingOverLeadInAndListAfterBlankLines) {
  auto r = testing::StructureOfBytes(
      "Se Kommuneplan 2021-2033\n"
      "\n"
      "Mål\n"
      "\n"
      "Det er Byrådets mål:\n"
      "\n"
      "  • at individuelle oliefyr er udfaset i 2030\n"
      "  • at individuelle naturgasfyr er udfaset med 70 % i 2030\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Name(r->kind), "report");
  EXPECT_EQ(SectionHeadings(*r), (std::vector<std::string>{"Mål"}));
}

// A short line over a one-line paragraph of five or more words ending a
// sentence is a heading; the lines under it are no headings
// (tryghedsvandring.blogspot.com, "Evaluering af projektet").
TEST(Reports, PlainHeadingOverOneLineSentence) {
  auto r = testing::StructureOfBytes(
      "Evaluering\n\nEVALUERING AF PROJEKTET\n\nSucceskriterier:\n\nOpsamling af erfaringer.\n"
      "Erfaringer fra Sverige med Tryghedsvandringer, og erfaringer med andre vandringer o.l. generelt.\n"
      "Skrive resumeer af interviews, og gøre materialet tilgængeligt.\n\n"
      "Tryghedsvandring\nDefinere vandringernes sigte med partnere i området.\n"
      "Gennemføre vandringer, producere anbefalinger fra deltagere.\n"
      "Gennemføre to vandringer med forskelligt sigte eller målgruppe.\n"
      "Anbefalinger og aftale mekanisme for opfølgning af dem.\n\n"
      "Overordnet\nRapport om projektet ca. 20 sider. Skrives efter projektets afslutning i maj måned.\n"
      "Mulig: deltagerinterviews\nMulig: foto-video-dokumentation.\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Name(r->kind), "report");
  EXPECT_EQ(SectionHeadings(*r), (std::vector<std::string>{"Tryghedsvandring", "Overordnet"}));
}

// A plain-text title runs on over the lines under it until a cover's year
// or date: "2013" under the title is the period, not the title's last word
// (Ballerup Kommune, Kvalitetsstandarder for stof- og alkoholbehandling
// 2013, as pdftotext gives it).
TEST(Reports, PlainTitleStopsAtCoverYear) {
  auto r = testing::StructureOfBytes(
      "Kvalitetsstandarder for behandling af\nstof- og alkoholmisbrug\n2013\n\nFOR BRYDEHUSET\n\n"
      "Ballerup Kommunes rusmiddelcenter\n\nIndhold:\n1. Indledning\n2. Råd og Vejledning\n\n"
      "1. Indledning\nBrydehuset varetager misbrugsbehandlingen i Ballerup Kommune. Brydehuset følger "
      "forpligtelsen til at udarbejde kvalitetsstandarder for social behandling af stofmisbrugere.\n");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->report);
  EXPECT_EQ(r->report->title.value_or("-"), "Kvalitetsstandarder for behandling af stof- og alkoholmisbrug");
  ASSERT_TRUE(r->report->period);
  EXPECT_EQ(r->report->period->from, "2013-01-01");
  EXPECT_EQ(r->report->period->to, "2013-12-31");
}

// A web page's skip link is no title, and a plan's years with the end in
// two digits are its period (Hedensted Kommune, "Kommunalbestyrelsens
// strategi 2022-25", web.hedtest.dk/politik-og-indflydelse/politikker-og-
// strategier/kommunalbestyrelsens-strategi-2022-25); docplayer.dk's
// "Transkript" line and a cover's month and year above the title neither
// (Ea Energianalyse for DK2020, "September 2023" / "Analyse af kommunernes
// CO2-reduktionsbidrag ...", issuu.com/realdania.dk 2023).
TEST(Reports, PageFurnitureIsNoTitleAndAShortEndYearEndsThePeriod) {
  auto r = testing::StructureOfBytes(
      "Gå til hovedindhold\n\nKommunalbestyrelsens strategi 2022-25\n\n"
      "Kommunalbestyrelsen har vedtaget en strategi for de kommende år. Den sætter retningen for "
      "arbejdet i hele kommunen.\n");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->report);
  EXPECT_EQ(r->report->title.value_or("-"), "Kommunalbestyrelsens strategi 2022-25");
  ASSERT_TRUE(r->report->period);
  EXPECT_EQ(r->report->period->from, "2022-01-01");
  EXPECT_EQ(r->report->period->to, "2025-12-31");
  auto d = testing::StructureOfBytes(
      "Sundhedsrapport\n\nTranskript\n\nSeptember 2023\nAnalyse af kommunernes sundhedsprofiler\n\n"
      "Rapporten er udarbejdet for kommunerne. Den beskriver udviklingen i sundheden.\n");
  ASSERT_TRUE(d.ok());
  ASSERT_TRUE(d->report);
  EXPECT_NE(d->report->title.value_or("-"), "Transkript");
}

// A colophon's maker under its label, without the year after it
// (Gentofte Kommune, Gentofte-Plan 2013, its colophon as docplayer.dk/920706
// gives it, one field a line).
TEST(Reports, ColophonOrganisationWithoutItsYear) {
  auto r = testing::StructureOfBytes(
      "GENTOFTE-PLAN 2013\n\nTitel: Gentofte-Plan 2013\nUdarbejdelse: Gentofte Kommune, 2012\n"
      "Layout: Operate A/S\nTryk: Bording A/S\nOplag: 375 stk\nForsidefoto: Hellerup Strandpark\n\n"
      "Indledning\n\nMålområder er en afgrænsning af kommunens aktiviteter og budget i naturligt "
      "sammenhængende grupper.\n");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->report);
  EXPECT_EQ(r->report->title.value_or("-"), "GENTOFTE-PLAN 2013");
  EXPECT_EQ(r->report->organisation.value_or("-"), "Gentofte Kommune");
}

// The title names the municipality; the validity date under it is no part
// of the title (Hjørring Kommune, Kvalitetsstandarder 2016, its cover and
// foreword as docplayer.dk/48241890 gives them, the cover's lines a line each).
TEST(Reports, TitleNamesTheMunicipality) {
  auto r = testing::StructureOfBytes(
      "Kvalitetsstandarder Hjørring Kommune 2016\nGældende fra 15. marts 2016\n\nForord\n\n"
      "Formålet med Kvalitetsstandarder, Hjørring Kommune 2016 er at informere om Hjørring Kommunes "
      "serviceniveau. Heri findes kvalitetstandarder for personlig hjælp og pleje samt praktisk hjælp "
      "efter 83 i Lov om Social Service.\n");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->report);
  EXPECT_EQ(r->report->title.value_or("-"), "Kvalitetsstandarder Hjørring Kommune 2016");
  EXPECT_EQ(r->report->organisation.value_or("-"), "Hjørring Kommune");
  // "Gældende fra 15. marts 2016" without a colon: the period's start.
  ASSERT_TRUE(r->report->period);
  EXPECT_EQ(r->report->period->from.value_or("-"), "2016-03-15");
  EXPECT_FALSE(r->report->period->to);
  // A headline with the municipality acting in it names no author (TV Syd,
  // "Aabenraa Kommune vedtager ny klimaplan", 2022).
  auto news = testing::StructureOfBytes(
      "Aabenraa Kommune vedtager ny klimaplan\n\nKlimaplanen har taget udgangspunkt i Parisaftalen.\n\n"
      "Derfor er målsætningen nu at reducere brugen af drivhusgasser med 70% i 2030, mens reduktionen "
      "skal være på 100% i 2050.\n");
  ASSERT_TRUE(news.ok());
  if (news->report) EXPECT_FALSE(news->report->organisation) << *news->report->organisation;
  // The municipality's own plan or policy, a kind of report after its
  // genitive (Hjørring Kommune, Sundhedspolitik 2008-2014, docplayer.dk/17951453).
  auto policy = testing::StructureOfBytes(
      "Sundhed og trivsel Hjørring Kommunes sundhedspolitik\n\nHjørring blandt de sundeste kommuner i Danmark "
      "Med kommunalreformen fik kommunerne ansvaret for en lang række opgaver på sundhedsområdet.\n");
  ASSERT_TRUE(policy.ok());
  ASSERT_TRUE(policy->report);
  EXPECT_EQ(policy->report->organisation.value_or("-"), "Hjørring Kommune");
}

// Lolland Kommune, Kvalitetsstandarder (lolland.dk, 2017): a web page's
// headings, each over a paragraph of one line without its full stop.
TEST(Reports, PlainHeadingOverWebParagraphWithoutStop) {
  auto r = testing::StructureOfBytes(
      "Kvalitetsstandarder\n\nKvalitetsstandarderne er en helt afgørende forudsætning for at kommunen "
      "kan træffe afgørelser, som afspejler de politiske vedtagelser.\n\nLov om social service\n\n"
      "Disse standarder dækker områderne  jævnfør lov om social service\n\nSundhedsloven\n\n"
      "Disse standarder dækker områderne  jævnfør Sundhedsloven\n\nDet specialiserede område\n\n"
      "Disse standarder dækker områderne på det specialiserede område.\n\nLov om Aktiv socialpolitik\n\n"
      "Denne standard dækker områderne  jævnfør lov om aktiv socialpolitik (Aktivpolitik)\n\n"
      "Sidst opdateret 17-05-2017\n");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->report);
  std::vector<std::string> got;
  for (const auto& s : r->report->sections) got.push_back(s.heading);
  EXPECT_EQ(got, (std::vector<std::string>{"Lov om social service", "Sundhedsloven", "Det specialiserede område",
                                           "Lov om Aktiv socialpolitik"}));
  // Esbjerg Kommune's Kommuneplan page "Politiske mål"
  // (kommuneplan.esbjergkommune.dk): a report, though it has no heading.
  auto goals = testing::StructureOfBytes(
      "Politiske mål\n\nLevedygtige og attraktive lokalsamfund til gavn for borgere i hele kommunen.\n\n"
      "Lokalsamfundenes identitet og særlige karakteristika styrkes og synliggøres.\n");
  ASSERT_TRUE(goals.ok());
  ASSERT_TRUE(goals->report);
  EXPECT_EQ(goals->report->title.value_or("-"), "Politiske mål");
}

// A plain-text title under a page's label: Odsherred Kommune, Årsregnskab
// 2014 (docplayer.dk) opens "Økonomi" / "ÅRSREGNSKAB 2014"; Sønderborg
// Kommune's Sundhedspolitik page (sonderborgkommune.dk, 2019) has the
// date's label "Opdateret" / "15.11.2019" under its title.
TEST(Reports, PlainTitleWithoutPageLabels) {
  auto r = testing::StructureOfBytes(
      "Økonomi\nÅRSREGNSKAB 2014\n\nKommuneoplysninger\nKommune Odsherred Kommune\n"
      "Regnskabsår: 1. januar 31. december\n\nBorgmesterens forord\n\nRegnskabet for Odsherred Kommunes "
      "økonomi er nu på vej til Byrådets behandling.\n");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->report);
  EXPECT_EQ(r->report->title.value_or("-"), "ÅRSREGNSKAB 2014");
  auto web = testing::StructureOfBytes(
      "Sundhedspolitik\nOpdateret\n15.11.2019\nSundhedspolitikken ”Mod på mere sundhed” gælder for perioden "
      "2019-2022. Det er kommunens fjerde sundhedspolitik, og den bygger videre på de foregående "
      "sundhedspolitikker.\n");
  ASSERT_TRUE(web.ok());
  ASSERT_TRUE(web->report);
  EXPECT_EQ(web->report->title.value_or("-"), "Sundhedspolitik");
}

// A plan's period named in a sentence of its opening paragraphs, not on a
// cover: Høje-Taastrup Kommune's Sundhedspolitik (htk.dk 2021, "i perioden
// 2021-2024") and Sønderborg Kommune's (sonderborgkommune.dk 2019, "gælder
// for perioden 2019-2022", under the page's date label).
TEST(Reports, PeriodNamedInOpeningSentence) {
  auto htk = testing::StructureOfBytes(
      "Sundhedspolitik\n\nSundhedspolitikken udstikker retningen for, hvordan Høje-Taastrup Kommune vil arbejde "
      "og prioritere på sundhedsområdet i perioden 2021-2024.\n\nSundhed skal forstås bredt – ikke kun som "
      "fraværet af sygdom.\n");
  ASSERT_TRUE(htk.ok());
  ASSERT_TRUE(htk->report);
  ASSERT_TRUE(htk->report->period);
  EXPECT_EQ(htk->report->period->from, "2021-01-01");
  EXPECT_EQ(htk->report->period->to, "2024-12-31");
  auto web = testing::StructureOfBytes(
      "Sundhedspolitik\nOpdateret\n15.11.2019\nSundhedspolitikken ”Mod på mere sundhed” gælder for perioden "
      "2019-2022. Det er kommunens fjerde sundhedspolitik, og den bygger videre på de foregående "
      "sundhedspolitikker.\n");
  ASSERT_TRUE(web.ok());
  ASSERT_TRUE(web->report);
  ASSERT_TRUE(web->report->period);
  EXPECT_EQ(web->report->period->from, "2019-01-01");
  EXPECT_EQ(web->report->period->to, "2022-12-31");
  // Its end alone: a period without a start (Hjørring Kommune, Sundhedspolitik
  // 2008-2014, docplayer.dk/17951453).
  auto until = testing::StructureOfBytes(
      "Sundhed og trivsel Hjørring Kommunes sundhedspolitik\n\nAt forbedre sundheden for kommunens borgere er et "
      "langt sejt træk. Derfor er denne sundhedspolitik en langsigtet plan, som i første omgang gælder til 2014, "
      "hvor den skal revideres.\n");
  ASSERT_TRUE(until.ok());
  ASSERT_TRUE(until->report);
  ASSERT_TRUE(until->report->period);
  EXPECT_FALSE(until->report->period->from);
  EXPECT_EQ(until->report->period->to, "2014-12-31");
  // The title named with its years in the opening sentence (Faaborg-Midtfyn
  // Kommune, Udviklingsstrategi, fmk.dk 2019).
  auto named = testing::StructureOfBytes(
      "Udviklingsstrategi\n\nKommunalbestyrelsen vedtog den 18. februar 2019 \"Sammen skaber vi det bedste sted - "
      "Udviklingsstrategi 2019-2030\", som også er kommunens planstrategi.\n\nVision: Sammen skaber vi det bedste "
      "sted\n");
  ASSERT_TRUE(named.ok());
  ASSERT_TRUE(named->report);
  ASSERT_TRUE(named->report->period);
  EXPECT_EQ(named->report->period->from, "2019-01-01");
  EXPECT_EQ(named->report->period->to, "2030-12-31");
}

// Gentofte's minutes (Acadre PDF as pdftotext gives it; Økonomiudvalget

// The organisation named in the opening paragraphs' sentences when the title
// and the cover name none: the municipality named first and most.
TEST(Reports, OrganisationFromOpeningSentences) {
  // randers.dk, "Klimaplan 2050" (udvikling-by-og-land/baeredygtig-udvikling/
  // klimaliga/en-faelles-klimaindsats/klimaplan-2050, 2021).
  auto randers = testing::StructureOfBytes(
      "Klimaplan 2050\n\nRanders Kommunes DK2020-plan, Klimaplan 2050, viser vores fælles vej frem mod "
      "klimaneutralitet i 2050.\n\nKlimaplan 2050 blev tirsdag 25. maj 2021 vedtaget af Randers Byråd, og "
      "planen har fået det officielle DK2020-stempel fra det internationale bynetværk C40.\n");
  ASSERT_TRUE(randers.ok());
  ASSERT_TRUE(randers->report);
  EXPECT_EQ(randers->report->organisation.value_or("-"), "Randers Kommune");
  // Hedensted Kommune, Klimaplan 2050 in the council's report
  // (issuu.com/hedenstedkommune/docs/kb_afrapportering_2ca93dbe2b1670): the
  // first paragraph names none, the second and third do.
  auto hedensted = testing::StructureOfBytes(
      "KLIMAPLAN 2050\n\nPå FN’s Klimakonference i december 2015 vedtog 196 af verdens lande Parisaftalen og "
      "forpligtede sig til at begrænse den globale temperaturstigning til under 2°C. Det kræver aktiv handling – "
      "ikke mindst fra kommunerne.\n\nHedensted Kommune er derfor indgået i DK2020 projektet, som forpligter "
      "kommuner til at arbejde målrettet mod de nationale mål.\n\nKlimaplan 2050 beskriver de delmål og "
      "handlinger, som Hedensted Kommune vil drive fremad for at nå målet.\n");
  ASSERT_TRUE(hedensted.ok());
  ASSERT_TRUE(hedensted->report);
  EXPECT_EQ(hedensted->report->organisation.value_or("-"), "Hedensted Kommune");
  // Svendborg Kommune, Årsberetning og regnskab 2022 (svendborg.dk/om-kommunen/
  // oekonomi-og-tal/aarsberetning-og-regnskab-fra-tidligere-aar/aarsberetning-og-regnskab-0).
  auto svendborg = testing::StructureOfBytes(
      "Årsberetning og regnskab 2022\n\nBorgmesterens forord\n\n2022 blev på trods af svære rammevilkår et "
      "fantastisk år.\n\nTilflytningen til Svendborg Kommune fortsatte i 2022 og vi er godt på vej mod en "
      "milepæl på 60.000 borgere.\n\nMange tilflyttere havde børn med, og det sammen med et babyboom har "
      "medført behov for en større udbygning af kapaciteten på dagtilbudsområdet.\n");
  ASSERT_TRUE(svendborg.ok());
  ASSERT_TRUE(svendborg->report);
  EXPECT_EQ(svendborg->report->organisation.value_or("-"), "Svendborg Kommune");
  // Several municipalities, each named once, name none (a paragraph about
  // other municipalities' plans).
  auto many = testing::StructureOfBytes(
      "Status på beskæftigelsesplaner\n\nI Aalborg Kommune er planen vedtaget, og i Esbjerg Kommune er den "
      "sendt i høring.\n\nSilkeborg Kommune har valgt at vente med sin plan til efteråret.\n");
  ASSERT_TRUE(many.ok());
  if (many->report) EXPECT_FALSE(many->report->organisation) << *many->report->organisation;
}

// A page naming a plan by its title and year in its opening sentences is
// about that plan: a report, though its own title names none (Randers
// Kommune, "Hvad gør kommunen selv?", randers.dk/udvikling-by-og-land/
// baeredygtig-udvikling/klimaliga/en-faelles-klimaindsats/hvad-goer-kommunen-selv, 2021).
TEST(Reports, PlanNamedInTheOpeningIsAReport) {
  auto r = testing::StructureOfBytes(
      "Hvad gør kommunen selv?\n\nKommunen som koncern skal være et godt eksempel for borgere og erhvervsliv. "
      "Derfor er der sat gang i mange initiativer, der skal bidrage til at mindske CO2-udledningen.\n\n"
      "I Klimaplan 2050 kan du se, hvilke tiltag, kommunen som koncern sætter gang i, for at blive grønnere.\n\n"
      "Det er fx.:\n\n  • 75% af kommunens personbiler skal være drevet af el eller brint senest i 2030\n"
      "  • Kommunalt byggeri med byggebudget over 20 mio. skal DGNB-certificeres\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(Name(r->kind), "report");
  ASSERT_TRUE(r->report);
  EXPECT_EQ(r->report->title.value_or("-"), "Hvad gør kommunen selv?");
  // A year after a capitalised word that names no kind of report is no
  // plan's name ("I Randers 2021 ...").
  auto other = testing::StructureOfBytes(
      "Hvad skete der?\n\nI Randers 2021 var der mange arrangementer for borgerne i byen og på landet.\n");
  ASSERT_TRUE(other.ok());
  EXPECT_NE(Name(other->kind), "report");
}

// "Gældende fra" gives the period's start: after the title in the cover's
// own line ("Kvalitetsstandarder Hjørring Kommune Gældende fra 15. marts
// 2016", Hjørring Kommune, docplayer.dk/48241890), and with a year alone or a
// month and year on the line under the title, no part of it.
TEST(Reports, ValidFromGivesThePeriodsStart) {
  auto cover = testing::StructureOfBytes(
      "Kvalitetsstandarder Hjørring Kommune Gældende fra 15. marts 2016\n\n"
      "Forord Formålet med Kvalitetsstandarder, Hjørring Kommune 2016 er at informere om Hjørring Kommunes "
      "serviceniveau. Heri findes kvalitetstandarder for personlig hjælp og pleje samt praktisk hjælp.\n");
  ASSERT_TRUE(cover.ok());
  ASSERT_TRUE(cover->report);
  EXPECT_EQ(cover->report->title.value_or("-"), "Kvalitetsstandarder Hjørring Kommune");
  ASSERT_TRUE(cover->report->period);
  EXPECT_EQ(cover->report->period->from.value_or("-"), "2016-03-15");
  EXPECT_FALSE(cover->report->period->to);
  for (const char* line : {"Gældende fra 2017", "Gældende fra januar 2017"}) {
    auto r = testing::StructureOfBytes(std::string("Kvalitetsstandard for hjemmepleje\n") + line +
                                       "\n\nFormål\n\nFormålet med kvalitetsstandarden er at informere borgerne "
                                       "om serviceniveauet for hjemmepleje og praktisk hjælp.\n");
    ASSERT_TRUE(r.ok());
    ASSERT_TRUE(r->report);
    EXPECT_EQ(r->report->title.value_or("-"), "Kvalitetsstandard for hjemmepleje") << line;
    ASSERT_TRUE(r->report->period) << line;
    EXPECT_EQ(r->report->period->from.value_or("-"), "2017-01-01") << line;
  }
  // The phrase in lower case inside a title is no label.
  auto phrase = testing::StructureOfBytes(
      "Regler gældende fra 2020 for tilskud til foreninger\n\nReglerne beskriver, hvordan foreninger kan "
      "søge tilskud til aktiviteter for børn og unge.\n");
  ASSERT_TRUE(phrase.ok());
  if (phrase->report)
    EXPECT_EQ(phrase->report->title.value_or("-"), "Regler gældende fra 2020 for tilskud til foreninger");
}

// A plain-text heading over a paragraph opening with a year (Svendborg
// Kommune, Årsberetning og regnskab 2022 and 2023, svendborg.dk): "Borgmesterens
// forord" / "2022 blev på trods af svære rammevilkår et fantastisk år.".
TEST(Reports, PlainHeadingOverParagraphOpeningWithAYear) {
  auto r = testing::StructureOfBytes(
      "Årsberetning og regnskab 2023\n\nBorgmesterens forord\n\n2023 blev på trods af svære rammevilkår endnu "
      "et godt år.\n\nBefolkningsudviklingen har været præget af en nettotilflytning, som bidrog til, at den "
      "samlet set har været så godt som uændret i 2023.\n");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->report);
  ASSERT_FALSE(r->report->sections.empty());
  EXPECT_EQ(r->report->sections[0].heading, "Borgmesterens forord");
  // A count opening the line under a short line is no year: no heading
  // ("Nøgletal" / "1200 borgere fik hjælp ..." keeps its rule: a year only).
  auto count = testing::StructureOfBytes(
      "Årsberetning 2023\n\nNøgletal\n\n1200 borgere fik hjælp til rengøring i løbet af året.\n");
  ASSERT_TRUE(count.ok());
  if (count->report)
    for (const auto& s : count->report->sections) EXPECT_NE(s.heading, "Nøgletal");
}
// 10 June 2013 and Kommunalbestyrelsen 16 December 2013): each item is
// "1  Åbent         Kommuneplan 2013 - juni. Endelig vedtagelse" (number,
// access and title in columns; one space each in another rendering),
// its case number "018520-2013" under it, the page's running header "Møde i
// Økonomiudvalget den 10. juni 2013" above each item; the cover says
// "Dagsorden til møde i Kommunalbestyrelsen".
TEST(Meetings, GentofteAccessColumnAndRunningHeader) {
  auto rec = testing::StructureOfBytes(
      "Gentofte Kommune\n\nDagsorden til\nmøde i\nØkonomiudvalget\n\nDagsorden åben\n\n"
      "Mødedato 10. juni 2013\n\nMødetidspunkt 17.00\n\nMødelokale Udvalgsværelse D\n\n"
      "Møde i Økonomiudvalget den 10. juni 2013\n\n"
      "1  Åbent         Kommuneplan 2013 - juni. Endelig vedtagelse\n\n018520-2013\n\nResumé\n\n"
      "Kommunalbestyrelsen vedtog enstemmigt den 26. november 2012 at sende forslag til Kommuneplan 2013 i "
      "høring.\n\nMøde i Økonomiudvalget den 10. juni 2013\n\n"
      "2  Åbent         Lokalplan 335 for Ordrup Jagtvej 50. Endelig vedtagelse.\n\n018321-2012\n\n"
      "Møde i Økonomiudvalget den 10. juni 2013\n\n15  Lukket        Salg af ejendom\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Økonomiudvalget");
  EXPECT_EQ(rec->meeting->municipality.value_or("-"), "Gentofte Kommune");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2013-06-10");
  ASSERT_EQ(rec->agenda_items.size(), 3u);
  EXPECT_EQ(rec->agenda_items[0].title, "Kommuneplan 2013 - juni. Endelig vedtagelse");
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "018520-2013");
  EXPECT_EQ(rec->agenda_items[0].public_, std::optional<bool>(true));
  EXPECT_EQ(rec->agenda_items[2].number, "15");
  EXPECT_EQ(rec->agenda_items[2].public_, std::optional<bool>(false));
  // The running header is no item's text.
  for (const auto& it : rec->agenda_items)
    for (const auto& sec : it.sections) EXPECT_EQ(sec.text.find("Møde i Økonomiudvalget"), std::string::npos);

  auto kb = testing::StructureOfBytes(
      "Gentofte Kommune\n\nDagsorden til møde i Kommunalbestyrelsen\n\nDagsorden åben\n\n"
      "Mødedato 16. december 2013\n\nMøde i Kommunalbestyrelsen den 16. december 2013\n\n"
      "1 Åbent Meddelelser fra formanden\n\n050527-2012\n\n______\n\n"
      "Møde i Kommunalbestyrelsen den 16. december 2013\n\n"
      "2 Åbent Forslag til tillæg 2 til Kommuneplan 2013, Klimatilpasningsplan\n\n053164-2012\n\nResumé\n");
  ASSERT_TRUE(kb.ok());
  ASSERT_TRUE(kb->meeting);
  EXPECT_EQ(kb->meeting->body.value_or("-"), "Kommunalbestyrelsen");
  ASSERT_EQ(kb->agenda_items.size(), 2u);
  EXPECT_EQ(kb->agenda_items[1].title, "Forslag til tillæg 2 til Kommuneplan 2013, Klimatilpasningsplan");
  EXPECT_EQ(kb->agenda_items[1].case_number.value_or("-"), "053164-2012");
  EXPECT_EQ(kb->agenda_items[1].public_, std::optional<bool>(true));
}

// Rødovre's minutes pages (rk.dk, Kommunalbestyrelsen 24-09-2019): the title
// on the line right above "Sag nr. 130"; Køge's (Klima- og Planudvalget
// 09.01.2020): the place's postcode and town name the municipality.
TEST(Meetings, TitleAboveTheMarkerAndTownAfterThePostcode) {
  auto rec = testing::StructureOfBytes(
      "Kommunalbestyrelsen\n\n24-09-2019\n\nFraværende\n\nBritt Jensen (A), sag 129-138\n\n"
      "Sager 129 - 138\n\nFold alle ud\n\nSpørgetid\nSag nr. 129\n\nBeslutningskompetence: KB\n\n"
      "Sagens kerne\n\nBeslutning\n\nTaget til efterretning.\n\n"
      "Tillæg 1 til Lokalplan 145 Udvidelse af delområde F og G - endelig vedtagelse\nSag nr. 130\n\n"
      "Beslutningskompetence: KB\n\nIndstilling\n\nTeknisk Forvaltning indstiller,\n\n"
      "at Tillæg 1 til Lokalplan 145 vedtages.\n\nBeslutning\n\nGodkendt.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].number, "129");
  EXPECT_EQ(rec->agenda_items[0].title, "Spørgetid");
  EXPECT_EQ(rec->agenda_items[1].title, "Tillæg 1 til Lokalplan 145 Udvidelse af delområde F og G - endelig vedtagelse");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->text, "Taget til efterretning.");
  ASSERT_TRUE(rec->agenda_items[1].decision);
  EXPECT_EQ(rec->agenda_items[1].decision->category, DecisionCategory::kApproved);

  auto koege = testing::StructureOfBytes(
      "Referat af møde i Klima- og Planudvalget\n\nDen 09.01.2020 kl. 13:00 i Tapperiet, Sdr. Badevej 1, 4600 "
      "Køge\n\nDeltagere:\n\nErling Larsen, (A)\nKen Kristensen, (V)\n\n\n1.   Godkendelse af dagsorden\n\n\n"
      "Beslutning\n\nGodkendt.\n\nSag 3 udgår.\n");
  ASSERT_TRUE(koege.ok());
  ASSERT_TRUE(koege->meeting);
  EXPECT_EQ(koege->meeting->body.value_or("-"), "Klima- og Planudvalget");
  EXPECT_EQ(koege->meeting->municipality.value_or("-"), "Køge Kommune");
  EXPECT_EQ(koege->meeting->start_time.value_or("-"), "13:00");
}

// Hedensted's minutes pages (Kommunalbestyrelsen 25 June 2025): the first
// item records the meeting's absentees, each with the substitute in a second
// sentence on the line ("Jacob Ejs (A) var fraværende. Som stedfortræder
// deltog Helle Obenhausen Mortensen (A)"); the substitute is not absent.
TEST(Meetings, AbsenteeAndSubstituteInOneLine) {
  auto rec = testing::StructureOfBytes(
      "Kommunalbestyrelsen - Dagsordener og referater\nUdvalg: Kommunalbestyrelsen 2022-2025\n"
      "Mødedato: 25. juni 2025\nMødested: Rådhussalen, Juelsminde Rådhus\nSagsnr.: 00.00.00-P35-34-24\n"
      "Beslutningstema\nMødets deltagere og fraværende noteres her.\nBeslutning\n"
      "Jacob Ejs (A) var fraværende. Som stedfortræder deltog Helle Obenhausen Mortensen (A)\n"
      "Merete Skovgaard-Jensen (V) var fraværende. Som stedfortræder deltog Peter Sebastian Petersen (V)\n"
      "Hanne Grangaard (A) var fraværende.\nFraværende:\nSagsnr.: 00.00.00-A00-11-24\nBeslutningstema\n"
      "Der er ikke indenfor den angivne tidsfrist indkommet spørgsmål til kommunalbestyrelsens spørgetid.\n"
      "Beslutning\nDer er ikke indenfor den angivne tidsfrist indkommet spørgsmål til kommunalbestyrelsens "
      "spørgetid.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Kommunalbestyrelsen");
  ASSERT_TRUE(rec->attendance);
  const std::vector<std::string> absent{"Jacob Ejs", "Merete Skovgaard-Jensen", "Hanne Grangaard"};
  EXPECT_EQ(rec->attendance->absent, absent);
  ASSERT_GE(rec->agenda_items.size(), 1u);
  EXPECT_EQ(rec->agenda_items[0].absent, absent);
}

// Randers Kommune's NemAgenda pages (Byrådet 2013, nemweb.randers.dk
// DocumentView.aspx?document_id=1687190) as text: "Punkt Titel" (the item
// table's column header) over "88 Indkaldelse af stedfortræder …", the number
// without its dot; "Bilag Funktioner" over the attachments; the page names
// no date, but its participants and place head a meeting.
TEST(Meetings, NemAgendaColumnHeaderOverItemLines) {
  auto rec = testing::StructureOfBytes(
      "| Rss | Tip en ven | Print |\nTitel Udvalg Funktioner\n"
      "Byrådet Byrådet Vis medlemmer Rss-feed til udvalget Udskriv\n\nMødedeltagere\n\n"
      "Anders Buhl-Christensen, Berner Nielsen, Bjarne Overmark, Christian Boldsen, Christian Kirk\n\n"
      "Møde lokation\n\nDet gamle Rådhus\n\n\n\nDIVERSE SAGER\nPunkt Titel\n"
      "88 Indkaldelse af stedfortræder for Ole Skiffard\nResume\n\n"
      "Ole Skiffard (A) har meddelt, at han vil være forhindret i at deltage i byrådsmødet på grund af ferie.\n\n"
      "Sagsfremstilling\n\nOle Skiffard har meddelt, at han vil være forhindret i at deltage i byrådsmødet på "
      "grund af ferie.\n\nØkonomi\n\nFor en stedfortræders deltagelse i enkelte byrådsmøder ydes diæter.\n\n"
      "Indstilling\n\nBorgmesteren indstiller til byrådet,\n\nat det godkendes, at betingelserne for at "
      "indkalde stedfortræder for Ole Skiffard er til stede.\n\nIndstilling:\nBeslutning\n\nTiltrådt.\n\n"
      "Bilag Funktioner\nIngen bilag\n\n\nPunkt Titel\n89 Klage over afgørelse i bevillingsnævne\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_EQ(ItemLines(*rec), (std::vector<std::string>{"88 Indkaldelse af stedfortræder for Ole Skiffard ?",
                                                        "89 Klage over afgørelse i bevillingsnævne ?"}));
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->text, "Tiltrådt.");
  EXPECT_EQ(rec->agenda_items[0].decision->category, DecisionCategory::kApproved);
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Det gamle Rådhus");
  // "Titel Udvalg Funktioner" over "Byrådet Byrådet Vis medlemmer …": the
  // body under its column label.
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Byrådet");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present.size(), 5u);
}

// Thisted Kommune's minutes pages (Kommunalbestyrelsen 31 May 2022,
// sydthy.dk 206-2264) as text: the date and "Deltagere:" head the page, and
// each item's sections ("Udskriv" / "Sagstema" / "Redegørelse" / …) put its
// recommendation and decision more than six lines below its number.
TEST(Meetings, FirstItemWithLongSectionsAndDateOverParticipants) {
  auto rec = testing::StructureOfBytes(
      "31. maj 2022\n\nDeltagere:\n\n • Brian Nielsen (D)\n • Claus Nybo (A)\n • Henning Holm (A)\n\n"
      "89. Godkendelse af dagsorden\n\nUdskriv\n\nSagstema\n\nGodkendelse af dagsorden til dagens møde i "
      "Kommunalbestyrelsen.\n\nRedegørelse\n\nIfølge forretningsordenen skal dagsorden godkendes som første "
      "punkt på dagsordenen.\n\nRetsgrundlag\n\nForretningsordenen for Kommunalbestyrelsen § 5\n\n"
      "Økonomiske konsekvenser\n\nIntet at bemærke.\n\nAndre konsekvenser\n\nIntet at bemærke.\n\n"
      "Høring og sagsgang\n\nKommunalbestyrelsen den 31. maj 2022\n\nIndstilling\n\nTil godkendelse.\n\n"
      "Beslutning\n\nGodkendt.\n\n"
      "90. Naturnationalpark - udpegning af to repræsentanter til lokal projektgruppe\n\nUdskriv\n\n"
      "Sagstema\n\nUdpegning af to repræsentanter til den lokale projektgruppe ved etablering af en "
      "naturnationalpark i Thy.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].number, "89");
  EXPECT_EQ(rec->agenda_items[0].title, "Godkendelse af dagsorden");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->text, "Godkendt.");
  EXPECT_EQ(rec->kind, DocumentKind::kMinutes);
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2022-05-31");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present,
            (std::vector<std::string>{"Brian Nielsen", "Claus Nybo", "Henning Holm"}));
}

// Bornholms Regionskommune's minutes pages (Referat Kommunalbestyrelsen
// 20-08-2020, dagsorden-og-referater.brk.dk InfRef8366.html) as text: " Åbent
// punkt" over " 1  Fraværende og bemærkninger til dagsorden" (no dot after
// the number), the case number "00.01.00P35-0098" under it; the contents
// under "Dagsordenspunkter" end the place.
TEST(Meetings, AccessLineOverUndottedNumber) {
  auto rec = testing::StructureOfBytes(
      "Referat\nKommunalbestyrelsen\n20-08-2020 kl. 18:00\nkommunalbestyrelsessalen, Landemærket 26, Rønne\n"
      "Dagsordenspunkter\n\n  åbent 1 Fraværende og bemærkninger til dagsorden\n"
      "  åbent 2 Anmodning om udtræden af Bornholms Kommunalbestyrelse og indtræden af stedfortræder\n\n"
      "Til indholdsfortegnelse\n\n Åbent  punkt\n\n 1  Fraværende og bemærkninger til dagsorden\n\n"
      "00.01.00P35-0098\n\nBehandling\n\nMødedato\n\nÅbent punkt\n\nLukket punkt\n\nKommunalbestyrelsen\n\n"
      "20-08-2020\n\n1\n\nFraværende\n\nJonna Nielsen, Winni Grosbøll, Lars Randorff Nørgaard\n\n"
      "Bemærkninger til dagsordenen\n\nPer Ole Petersen er indkaldt som suppleant for Jonna Nielsen.\n\n"
      "Til indholdsfortegnelse\n\n Åbent  punkt\n\n 2  Anmodning om udtræden af Bornholms Kommunalbestyrelse "
      "og indtræden af stedfortræder\n\n00.01.00A30-0083\n\nBehandling\n\nMødedato\n\nÅbent punkt\n\n"
      "Lukket punkt\n\nKommunalbestyrelsen\n\n20-08-2020\n\n2\n\nHvem beslutter\n\n"
      "Kommunalbestyrelsen beslutter.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].title, "Fraværende og bemærkninger til dagsorden");
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "00.01.00P35-0098");
  EXPECT_EQ(rec->agenda_items[1].number, "2");
  EXPECT_EQ(rec->agenda_items[1].case_number.value_or("-"), "00.01.00A30-0083");
  EXPECT_TRUE(rec->agenda_items[1].public_.value_or(false));
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->location.value_or("-"), "kommunalbestyrelsessalen, Landemærket 26, Rønne");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent,
            (std::vector<std::string>{"Jonna Nielsen", "Winni Grosbøll", "Lars Randorff Nørgaard"}));
}

// Bornholms Regionskommune's minutes pages (Referat Kommunalbestyrelsen
// 20-08-2020, dagsorden-og-referater.brk.dk/Sites/Politiske_Internet
// /Internet/2020/InfRef8366.html): under "Indstilling og beslutning" the
// recommendations, then "Kommunalbestyrelsen den 20. august 2020:" over
// the council's decision (the body and the date as a label).
TEST(Meetings, BodyOnDateLabelOverDecision) {
  auto rec = testing::StructureOfBytes(
      "Referat\nKommunalbestyrelsen\n20-08-2020 kl. 18:00\nkommunalbestyrelsessalen, Landemærket 26, Rønne\n"
      "Dagsordenspunkter\n\n  åbent 1 Fraværende og bemærkninger til dagsorden\n"
      "  åbent 2 Anmodning om udtræden af Bornholms Kommunalbestyrelse og indtræden af stedfortræder\n\n"
      "Til indholdsfortegnelse\n\n Åbent  punkt\n\n 1  Fraværende og bemærkninger til dagsorden\n\n"
      "00.01.00P35-0098\n\nFraværende\n\nJonna Nielsen, Winni Grosbøll, Lars Randorff Nørgaard\n\n"
      "Til indholdsfortegnelse\n\n Åbent  punkt\n\n 2  Anmodning om udtræden af Bornholms Kommunalbestyrelse "
      "og indtræden af stedfortræder\n\n00.01.00A30-0083\n\nBehandling\n\nMødedato\n\nÅbent punkt\n\n"
      "Lukket punkt\n\nKommunalbestyrelsen\n\n20-08-2020\n\n2\n\nHvem beslutter\n\n"
      "Kommunalbestyrelsen beslutter.\n\nIndstilling og beslutning\n\nBorgmesteren indstiller,\n\n"
      "a)    At kommunalbestyrelsesmedlem Lars Randorff Nørgaards anmodning imødekommes\n\n"
      "b)    At Rebecca Douglas Elleby, valgt som stedfortræder for liste Å – Alternativet, indtræder pr. 20. "
      "august 2020 i Bornholms Kommunalbestyrelse\n\n \n\nKommunalbestyrelsen den 20. august 2020:\n\n"
      "Indstillingerne godkendt, idet der sker følgende rokering i posterne i valggruppe AFKØÅ:\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  ASSERT_TRUE(rec->agenda_items[1].decision);
  EXPECT_EQ(rec->agenda_items[1].decision->text,
            "Indstillingerne godkendt, idet der sker følgende rokering i posterne i valggruppe AFKØÅ:");
  EXPECT_EQ(rec->agenda_items[1].decision->category, DecisionCategory::kApproved);
  ASSERT_TRUE(rec->agenda_items[1].recommendation);
  EXPECT_EQ(rec->agenda_items[1].recommendation->by.value_or("-"), "Borgmesteren");
  EXPECT_EQ(rec->kind, DocumentKind::kMinutes);
}

// Bornholms Regionskommune's agenda pages (Dagsorden Kommunalbestyrelsen
// 26-03-2020, dagsorden-og-referater.brk.dk/Sites/Politiske_Internet
// /Internet/2020/InfDag8218.html) as text: the rows under
// "Dagsordenspunkter" ("åbent 1 Title", "lukket 101 Lukket punkt. Anlæg")
// are the printed agenda list, the word before the number its access.
TEST(Meetings, OpenClosedWordBeforeContentsNumber) {
  auto rec = testing::StructureOfBytes(
      "Dagsorden\nKommunalbestyrelsen\n26-03-2020 kl. 18:00\nvia Skype\n\n\nDagsordenspunkter\n\n"
      "  åbent 1 Fraværende og bemærkninger til dagsorden\n"
      "  åbent 2 Kommissorium for en ny energipolitik og energistrategi på Bornholm\n"
      "  åbent 3 Befolkningsprognose 2020\n  lukket 101 Lukket punkt. Anlæg\n\n\n\n \n\n"
      "Til indholdsfortegnelse\n\n Åbent  punkt\n\n 1  Fraværende og bemærkninger til dagsorden\n\n"
      "00.01.00P35-0098\n\nBehandling\n\nMødedato\n\nÅbent punkt\n\nLukket punkt\n\nKommunalbestyrelsen\n\n"
      "26-03-2020\n\n1\n\n \n\n \n\nFraværende\n\n \n\n \n\nBemærkninger til dagsordenen\n\n \n\n"
      "Til indholdsfortegnelse\n\n Åbent  punkt\n\n 2  Kommissorium for en ny energipolitik og "
      "energistrategi på Bornholm  \n\nTil indholdsfortegnelse\n\n Åbent  punkt\n\n 3  Befolkningsprognose 2020\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->toc.size(), 4u);
  EXPECT_EQ(rec->toc[0].number, "1");
  EXPECT_EQ(rec->toc[0].title, "Fraværende og bemærkninger til dagsorden");
  EXPECT_EQ(rec->toc[0].public_, std::optional<bool>(true));
  EXPECT_EQ(rec->toc[3].number, "101");
  EXPECT_EQ(rec->toc[3].title, "Lukket punkt. Anlæg");
  EXPECT_EQ(rec->toc[3].public_, std::optional<bool>(false));
  ASSERT_EQ(rec->agenda_items.size(), 3u);
  EXPECT_EQ(rec->agenda_items[2].title, "Befolkningsprognose 2020");
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Kommunalbestyrelsen");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "via Skype");
}

// Albertslund Kommune's minutes pages (Miljø- og Byudvalg 23 March 2021,
// albertslund.dk/politik/dagsordener-og-referater/?agendaId=1409) as the
// page's text with its items cut off after the first's opening sections:
// no type word, but "Udvalg:", "Dato:", "Tid:", "Sted:" and the printed
// agenda list ("Indholdsfortegnelse") are a meeting's agenda.
TEST(Meetings, LabelledBodyAndDateWithContentsButNoItemsAreAnAgenda) {
  auto rec = testing::StructureOfBytes(
      "Dagsordener og referater\n\nDu kan læse dagsordener og referater fra kommunalbestyrelsens og udvalgenes "
      "møder ved at følge linket.\n\n\nLæs dagsordener og referater til og med den 10. februar 2016\n\n"
      "Dagsordener og referater fra efter den 10. februar 2016\n\nPrintvenlig version\n\nForside:\n\n \n\n\n"
      "Udvalg: Miljø- og Byudvalg\n\nDato: Tirsdag den 23. marts 2021\n\nTid: Kl. 17:30\n\nSted: TEAMS\n\n"
      "Indkaldelse :\n\n  • Formand Leif Pedersen (F)\n  • Jørn Jensby (A)\n  • Dogan Polat (A)\n\n\n"
      "Indholdsfortegnelse\n\n1. MBU/ØU/KB - Forslag fra Socialistisk Folkeparti om screening for skimmelsvamp\n"
      "2. MBU/ØU/KB - Forslag fra Enhedslisten vedr. asbestrenovering\n"
      "3. MBU/ØU/KB - Lokalplan Smedeland 28 - igangsætning af plangrundlag\n\n"
      "1. MBU/ØU/KB - Forslag fra Socialistisk Folkeparti om screening for skimmelsvamp\n\nAnledning\n\n"
      "Forslag fra Socialistisk Folkeparti om screening for skimmelsvamp.\n\nSagsfremstilling\n\n"
      "Skimmelsvampen er og har længe været en udfordring, og konstateres i større og større omfang i kommunens "
      "bygninger.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_EQ(rec->kind, DocumentKind::kAgenda);
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Miljø- og Byudvalg");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2021-03-23");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "17:30");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "TEAMS");
  EXPECT_EQ(rec->toc.size(), 3u);
}

// Albertslund's pages for a §17 committee (Udvikling af Albertslund Midtby,
// 5 December 2016, albertslund.dk/politik/dagsordener-og-referater
// ?agendaId=222): the value of "Udvalg:" is the body though its name has
// no body's word; its note in parentheses is no part of it.
TEST(Meetings, BodyLabelValueWithoutABodysWord) {
  auto rec = testing::StructureOfBytes(
      "Printvenlig version\n\nForside:\n\n\nUdvalg: Udvikling af Albertslund Midtby (§17, stk.4)\n\n"
      "Dato: Mandag den 05. december 2016\n\nTid: Kl. 18:30\n\nSted: Mødelokale 1 forhallen\n\n"
      "Indkaldelse :\n\n • Formand Steen Christiansen (A)\n • Leif Pedersen (F)\n\n\nIndholdsfortegnelse\n\n"
      "1. MBU/17.4 Albertslund Midtby/ØU/KB - Byudvikling - Styrket indsats (bevilling)\n"
      "2. 17.4 Albertslund Midtby - Orientering fra formanden\n\n"
      "1. MBU/17.4 Albertslund Midtby/ØU/KB - Byudvikling - Styrket indsats (bevilling)\n\nAnledning\n\n"
      "Budget 2017 angiver en række projekter, der skal styrke by- og boligudviklingen i Albertslund.\n\n"
      "Indstilling\n\nDirektøren for By, Kultur, Miljø & Beskæftigelse indstiller,\n\n 1. at der gives "
      "tillægsbevilling til en 3 årig ansættelse på i alt 1.950.000 kr.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Udvikling af Albertslund Midtby");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2016-12-05");
}

// Hillerød Kommune's minutes pages ("Referat byrådet 31. oktober 2018",
// hillerod.dk vis-dagsorden agendaId=361944): the type before the council;
// "Afbud:" then "Stedfortræder:" under the first decision, the substitute
// no absentee.
TEST(Meetings, TypeBeforeCouncilAndSubstituteUnderAbsence) {
  auto rec = testing::StructureOfBytes(
      "Referat byrådet 31. oktober 2018\n\nPubliceringsdato: den 02. november 2018\n\n"
      "1. Godkendelse af stedfortræder\n\nSagsnummer: 17/409\n\nGodkendelse af stedfortræder\n\n\n"
      "Sagsfremstilling\nI tilfælde af, at et medlem af byrådet er fraværende med lovligt anmeldt forfald, "
      "skal der indkaldes stedfortræder for den pågældende.\n\nIndstilling\nDirektionen indstiller til "
      "byrådet at godkende de eventuelt indkaldte stedfortrædere.\n\nBeslutning i byrådet den 31-10-2018\n"
      "Byrådet godkendte Ebbe Mosbæk Rasmussen (B) som stedfortræder.\n \nAfbud: Jørgen Suhr (B)\n \n"
      "Stedfortræder: Ebbe Mosbæk Rasmussen (B)\n\n2. Sang til byrådets møde den 31. oktober 2018\n\n"
      "Sagsnummer: 18/5339\n\nSang til byrådets møde den 31. oktober 2018\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Byrådet");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2018-10-31");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Jørgen Suhr"}));
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].absent, (std::vector<std::string>{"Jørgen Suhr"}));
  EXPECT_EQ(rec->agenda_items[1].case_number.value_or("-"), "18/5339");
}

// Næstved's minutes pages (Kultur- og Demokratiudvalget 3 September 2018,
// naestved.dk 99-1225): "Politisk behandling:" lists the case's route
// ("Kultur- og Demokratiudvalget (til efterretning), 03.09.2018"); the
// decision is the one under "Beslutning".
TEST(Meetings, CaseRouteIsNoDecisionHeading) {
  auto rec = testing::StructureOfBytes(
      "Referat\nKultur- og Demokratiudvalget 3. september 2018\n\nDato\n\n03.09.2018\n\nTid\n\n15.00\n\n"
      "104. Orientering om Børnekulturhuset\n\nSagsbehandler:\nSagsnr.: 00.01.00-A00-57-17\n\nResume\n\n"
      "Politisk behandling:\n\nKultur- og Demokratiudvalget (til efterretning), 03.09.2018\n\n"
      "Udvalget indtroduceres til Børnekulturhusets aktiviteter af Næstved Kommunes Børnekulturkonsulent, "
      "Katrine Gjesing.\n\nIndstilling\n\nAdministrationen indstiller, at udvalget tager orienteringen til "
      "efterretning.\n\nBeslutning\n\nKultur- og Demokratiudvalget, 03.09.2018\n\nTil efterretning.\n\nBilag\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 1u);
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->text, "Til efterretning.");
}

// Aalborg's minutes pages as text (23. oktober 2023 - referat fra byrådet,
// referater.aalborg.dk): each item's number and title are in the page's
// markup only; its text opens with "Åben" over "Indstilling" or
// "Beslutning". The items are read in order, numbered 1, 2, …, with empty
// titles (the text does not hold them).
TEST(Meetings, AccessLinesOpenItemsWithoutTitles) {
  auto rec = testing::StructureOfBytes(
      "23. oktober 2023 - referat fra byrådet\n\nByrådet 23. oktober 2023\n\nÅben\n\nBeslutning\n\nGodkendt.\n\n"
      "Helle Frederiksen, Jan Nymark Rose Thaysen og Michael Mansdotter var fraværende.\n\nÅben\n\nIndstilling\n\n"
      "Klima- og Miljøudvalget indstiller, at byrådet godkender, at der ydes kommunal lånegaranti på 20,4 mio. "
      "kr. til Aalborg Vand A/S. Låntypen er et aftalelån med fast rente og en løbetid på 30 år.\n\n"
      "Økonomiudvalget anbefaler indstillingen.\n\nBeslutning\n\nGodkendt.\n\n"
      "Helle Frederiksen, Jan Nymark Rose Thaysen og Michael Mansdotter var fraværende.\n\nÅben\n\nIndstilling\n\n"
      "Økonomiudvalget indstiller, at byrådet godkender, at byrådets forretningsorden ændres jf. "
      "sagsbeskrivelsen.\n\nBeslutning\n\nGodkendt.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_EQ(ItemLines(*rec), (std::vector<std::string>{"1  open", "2  open", "3  open"}));
  ASSERT_TRUE(rec->agenda_items[1].decision);
  EXPECT_EQ(rec->agenda_items[1].decision->category, DecisionCategory::kApproved);
  EXPECT_EQ(rec->agenda_items[1].absent,
            (std::vector<std::string>{"Helle Frederiksen", "Jan Nymark Rose Thaysen", "Michael Mansdotter"}));
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Byrådet");
}

// Slagelse's minutes pages (Økonomiudvalget – Referat – 17. februar 2020,
// trung.dk's copy of the municipality's pages) as text: each item's number
// and title twice, the link over the heading ("2. Budgetopfølgning …" /
// "2.     Budgetopfølgning …"); the item starts at the first, which is no
// part of the decision above it.
TEST(Meetings, ItemTitleLineRepeatedUnderItself) {
  auto rec = testing::StructureOfBytes(
      "Økonomiudvalget – Referat – 17. februar 2020\n\n\n\n1. Godkendelse af dagsorden (B)\n\n"
      "1.     Godkendelse af dagsorden (B)\n\nSagsnr.: 330-2020-1487                 Dok.nr.: 330-2020-54192"
      "                                            Åbent\nKompetence: Økonomiudvalget\nBeslutningstema\n"
      "Godkendelse af dagsorden.\nIndstilling\nBorgmesteren indstiller,\n1.    at dagsordenen godkendes\n"
      "Beslutning i Økonomiudvalget den 17. februar 2020:\nFraværende:  Villum Christensen (I)\nGodkendt.\n\n"
      "2. Budgetopfølgning 1 for 2020 - Økonomiudvalget (B)\n\n"
      "2.     Budgetopfølgning 1 for 2020 - Økonomiudvalget (B)\n\nSagsnr.: 330-2020-2521                 "
      "Dok.nr.: 330-2020-13798                                            Åbent\nKompetence: Økonomiudvalget\n"
      "Beslutningstema\nAlle fagudvalg gennemfører budgetopfølgning 1 for 2020 med rapportering og godkendelse "
      "af den økonomiske status på udvalgets område.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->text, "Godkendt.");
  EXPECT_EQ(rec->agenda_items[1].case_number.value_or("-"), "330-2020-2521");
  // The "(B)" after every title is the system's code, not the title's.
  EXPECT_EQ(rec->agenda_items[0].title, "Godkendelse af dagsorden");
  EXPECT_EQ(rec->agenda_items[1].title, "Budgetopfølgning 1 for 2020 - Økonomiudvalget");
}

// Vejen Kommune's minutes pages (Udvalget for teknik og miljø, 18-02-2019,
// vejen.dk agendaId=1606431): "(B)" after every item's title is the
// system's code. A member's party letter after the title of one item of
// several is kept: only a code every title carries is cut.
TEST(Meetings, SystemCodeAfterEveryTitle) {
  auto rec = testing::StructureOfBytes(
      "Udvalg: Udvalget for teknik og miljø\n\nMødedato: 18-02-2019\n\nMødested: M 5 - Vejen Rådhus\n\n"
      "1.Temamøde - Diger (B)\n\nSagsnummer: 19/2484\n\nTemamøde - Diger (B)\n\nAdministrativ indstilling\n\n"
      "Chef for Teknik & Miljø Peter Hansen indstiller, at\n\n • orienteringen drøftes.\n\n"
      "Beslutning Udvalget for teknik og miljø den 18-02-2019\n\nDrøftet og taget til efterretning.\n\n"
      "Afbud: Claus Grimm (Løsgænger)\n\n"
      "2.Orientering om udbud af indsamling af og beholderindkøb til madaffald (B)\n\nSagsnummer: 18/1039\n\n"
      "Orientering om udbud af indsamling af og beholderindkøb til madaffald (B)\n\nAdministrativ indstilling\n\n"
      "Chef for Teknik & Miljø Peter Hansen indstiller, at\n\n • orienteringen tages til efterretning.\n\n"
      "Beslutning Udvalget for teknik og miljø den 18-02-2019\n\nOrientering taget til efterretning.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].title, "Temamøde - Diger");
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "19/2484");
  EXPECT_EQ(rec->agenda_items[1].title, "Orientering om udbud af indsamling af og beholderindkøb til madaffald");
  auto party = testing::StructureOfBytes(
      "Udvalg: Økonomiudvalget\n\nMødedato: 18-02-2019\n\n1.Forslag fra Jens Hansen (A)\n\nSagsnummer: 19/1\n\n"
      "Beslutning Økonomiudvalget den 18-02-2019\n\nGodkendt.\n\n2.Budget 2019\n\nSagsnummer: 19/2\n\n"
      "Beslutning Økonomiudvalget den 18-02-2019\n\nGodkendt.\n");
  ASSERT_TRUE(party.ok());
  ASSERT_EQ(party->agenda_items.size(), 2u);
  EXPECT_EQ(party->agenda_items[0].title, "Forslag fra Jens Hansen (A)");
}

// A council that meets as "Byrådet" in a named municipality is that town's
// council ("Greve Byråd", as Greve's FirstAgenda exports name the body
// "Byråd"; Vejen Kommune's pages, Byrådet 09-02-2021, vejen.dk
// agendaId=526756). A committee gets no council its minutes do not name.
TEST(Meetings, CouncilOfTheBodyThatIsTheCouncil) {
  auto rec = testing::StructureOfBytes(
      "Udvalg: Byrådet\n\nMødedato: 09-02-2021\n\nMødested: Byrådssalen (3. sal) Vejen Rådhus\n\n"
      "1.Alfabo, 39 familieboliger i Søndergade, Brørup, Skema B\n\nSagsnummer: 20/8545\n\n"
      "Beslutning Byrådet den 09-02-2021\n\nGodkendt.\n");
  ASSERT_TRUE(rec.ok() && rec->meeting);
  EXPECT_EQ(rec->meeting->municipality.value_or("-"), "Vejen Kommune");
  EXPECT_EQ(rec->meeting->council.value_or("-"), "Vejen Byråd");
  auto kb = testing::StructureOfBytes(
      "Referat\nKommunalbestyrelsen\nSyddjurs Kommune\nDato: 12. marts 2020\n\n1. Budget\n\nBeslutning\n\nGodkendt.\n");
  ASSERT_TRUE(kb.ok() && kb->meeting);
  EXPECT_EQ(kb->meeting->council.value_or("-"), "Syddjurs Kommunalbestyrelse");
  auto committee = testing::StructureOfBytes(
      "Udvalg: Økonomiudvalget\n\nMødedato: 03-04-2018\n\nMødested: M 5 - Vejen Rådhus\n\n"
      "1.Budget\n\nSagsnummer: 17/26296\n\nBeslutning Økonomiudvalget den 03-04-2018\n\nGodkendt.\n");
  ASSERT_TRUE(committee.ok() && committee->meeting);
  EXPECT_EQ(committee->meeting->municipality.value_or("-"), "Vejen Kommune");
  EXPECT_FALSE(committee->meeting->council);
}

// Gentofte Kommune's agenda (Økonomiudvalget 10. juni 2013, PDF as text,
// pdf2html.opoint.com): "Mødelokale" without a colon before the room's own
// name is the label; before a code ("Mødelokale SL 1") it is the name's.
TEST(Meetings, RoomLabelWithoutColonBeforeTheRoomsName) {
  auto rec = testing::StructureOfBytes(
      "Side 1 af 27\n\nGentofte Kommune\n\nDagsorden til\n\nmøde i\n\nØkonomiudvalget\n\nDagsorden åben\n\n"
      "Mødedato 10. juni 2013\n\nMødetidspunkt 17.00\n\nMødelokale Udvalgsværelse D\n\n"
      "1  Åbent         Kommuneplan 2013 - juni. Endelig vedtagelse\n\n018520-2013\n\nResumé\n\n"
      "Kommunalbestyrelsen vedtog enstemmigt den 26. november 2012 at sende forslag til Kommuneplan 2013 i "
      "høring.\n");
  ASSERT_TRUE(rec.ok() && rec->meeting);
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Udvalgsværelse D");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "17:00");
}

// Frederiksberg's minutes pages (Referat til mødet i Kommunalbestyrelsen
// 2022-25 den 3. oktober 2022, frederiksberg.dk): "Dagsordenspunkter" heads
// the items themselves; it is no contents list that would swallow them.
TEST(Meetings, FrederiksbergTitleLineAndItemsUnderDagsordenspunkter) {
  auto rec = testing::StructureOfBytes(
      "Referat til mødet i Kommunalbestyrelsen 2022-25 den 3. oktober 2022 kl. 19:00 i Kommunalbestyrelsens "
      "mødesal\n\nStedfortræder Jacob Rosenberg mødte for Laura Lindahl, der havde forfald.\n\n"
      "Dagsordenspunkter\n\nPkt. 197 Forslag til beslutning fra rådmænd Lotte Kofoed, Gunvor Wibroe, Freja "
      "Fokdal, Helle Sjelle og Jan E. Jørgensen og kommunalbestyrelsesmedlem Sabrina L. Christiansen, Brian "
      "Holm og Michael Brautsch om sang inden hvert møde i kommunalbestyrelsen\n\nSagsfremstilling\n\n"
      "Beslutningsforslaget blev oversendt til Magistraten.\n\n(Til udvalgsbehandling)\n\nopen\n\n"
      "Pkt. 198 Valg af nyt medlem til Valgbestyrelsen ved folketingsvalg, folkeafstemninger og EP-valg\n\n"
      "Resume\n\nKommunalbestyrelsen skal vælge et nyt medlem til Valgbestyrelsen ved folketingsvalg, "
      "folkeafstemninger og EP-valg.\n\nBeslutning\n\nKommunalbestyrelsen tiltrådte indstillingen.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].number, "197");
  EXPECT_EQ(rec->agenda_items[1].number, "198");
  // The title line names the meeting in 15 words.
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Kommunalbestyrelsen");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2022-10-03");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "19:00");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Kommunalbestyrelsens mødesal");
  // "Stedfortræder X mødte for Y, der havde forfald.": Y was away
  // (absence_phrases.txt's substitute).
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Laura Lindahl"}));
  // ... and X came in Y's place.
  EXPECT_EQ(rec->attendance->present, (std::vector<std::string>{"Jacob Rosenberg"}));

  // The 2016 pages (info.frederiksberg.dk, Kommunalbestyrelsen 10 October
  // 2016): the title line again under the place is no part of it.
  auto old = testing::StructureOfBytes(
      "Kommunalbestyrelsen - Referat\nReferat\ntil\nmødet i Kommunalbestyrelsen\nden 10. oktober 2016 kl. 19:00\n"
      "i Kommunalbestyrelsens mødesal\n\nKommunalbestyrelsen - Referat\n\n\n"
      "Tryk 'Ctrl F' for at søge i hele teksten\n\nÅbne dagsordenspunkter\n\n272. 2. behandling af budget 2017\n\n"
      "Sagsnr.: 00.30.10-Ø00-4-16\n\nBeslutning\n\nTaksterne blev tiltrådt.\n");
  ASSERT_TRUE(old.ok());
  ASSERT_TRUE(old->meeting);
  EXPECT_EQ(old->meeting->location.value_or("-"), "Kommunalbestyrelsens mødesal");
  EXPECT_EQ(old->meeting->date.value_or("-"), "2016-10-10");
}

// Helsingør's minutes (Referat Økonomiudvalget 16 March 2015, abcdocz.com
// /doc/3999806) as text: the labels "Mødedato:" … "Bemærkninger:" in one
// column, their values in the next ("Mandag den 16. marts 2015" / "Kl.
// 17:00" / "Kl. 20:45" / the place); "Sagsoversigt" opens the contents,
// which end the absentees' list.
TEST(Meetings, LabelColumnOverValueColumnAndSagsoversigt) {
  auto rec = testing::StructureOfBytes(
      "Referat\nØkonomiudvalget\nMødedato:\nMødetidspunkt:\nSluttidspunkt:\nMødested:\nBemærkninger:\n"
      "Mandag den 16. marts 2015\nKl. 17:00\nKl. 20:45\nDet Hvide Værelse, Rådhuset\nMedlemmer:\n"
      "Benedikte Kiær (C)\nHenrik Møller (A)\nMarlene Harpsøe (O)\nFraværende:\nMarlene Harpsøe\nSagsoversigt\n"
      "Side\n01.\nGodkendelse af indkaldte stedfortræder ..............................................3\n"
      "02.\nGodkendelse af dagsorden.................................................................4\n"
      "03.\nLovliggørelse af Julianelund ...............................................................5\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2015-03-16");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "17:00");
  EXPECT_EQ(rec->meeting->end_time.value_or("-"), "20:45");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Det Hvide Værelse, Rådhuset");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Marlene Harpsøe"}));
  // The contents: each number alone over its title with a dotted leader
  // and page.
  ASSERT_EQ(rec->toc.size(), 3u);
  EXPECT_EQ(rec->toc[0].number, "01");
  EXPECT_EQ(rec->toc[0].title, "Godkendelse af indkaldte stedfortræder");
  EXPECT_EQ(rec->toc[0].page.value_or(0), 3);
  EXPECT_EQ(rec->toc[2].title, "Lovliggørelse af Julianelund");
}

// Holstebro Byråd's minutes (Referat Byrådet 17 December 2013,
// holstebro.dk/Filarkiv/BY/2013/17122013/01-Referatden17december2013-Byrådet.htm):
// under "Indholdsfortegnelse" each row runs a dotted leader from the number
// to the title ("1......... Title. 3", "10...... Title  16"); "Åben del 3"
// heads the rows.
TEST(Meetings, DottedLeaderBetweenContentsNumberAndTitle) {
  auto rec = testing::StructureOfBytes(
      "Referat\n\nfra møde i\n\nByrådet\n\nReferat åben\n\nMødedato 17. december 2013\n\n"
      "Mødetidspunkt 17.00\n\nMødelokale Byrådssalen\n\n \n\nBemærkninger\n\n"
      "Susanne Thiim (A) deltog i mødet fra kl. 17.10.\n\nMødet sluttede kl. 18.00.\n\n \n\n"
      "Indholdsfortegnelse\n\nÅben del 3\n\n"
      "1......... Forslag til ændring af styrelsesvedtægten for Holstebro Kommune. 3\n\n"
      "2......... Budgetomplacering som følge af DUT-regulering for 2013. 5\n\n"
      "9......... Anlægsregnskaber over 2 mio. kr. - Teknik og Miljø.. 15\n\n"
      "10...... Frigivelse af rådighedsbeløb til Energibesparende arbejder November 2013  16\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->toc.size(), 4u);
  EXPECT_EQ(rec->toc[0].number, "1");
  EXPECT_EQ(rec->toc[0].title, "Forslag til ændring af styrelsesvedtægten for Holstebro Kommune");
  EXPECT_EQ(rec->toc[0].page.value_or(0), 3);
  EXPECT_EQ(rec->toc[2].title, "Anlægsregnskaber over 2 mio. kr. - Teknik og Miljø");
  EXPECT_EQ(rec->toc[2].page.value_or(0), 15);
  EXPECT_EQ(rec->toc[3].number, "10");
  EXPECT_EQ(rec->toc[3].page.value_or(0), 16);
}

// Faxe Byråd's minutes pages (Byrådet - 14-03-2019, faxekommune.dk
// /dagsorden/byraadet-14-03-2019): "X (A) deltog i mødet i stedet for Y
// (A)." under the first decision names Y as away (absence_phrases.txt's
// substitute), the item's and, with no list in the header, the meeting's.
TEST(Meetings, SubstituteInsteadOfMemberUnderFirstDecision) {
  auto rec = testing::StructureOfBytes(
      "Byrådet - 14-03-2019\n\nReferat\nUdvalg:\nDato:\nTorsdag, 14 marts, 2019 - 18:30\nHent som fil:\n"
      "23. Godkendelse af dagsorden\n\nBeslutning\n\nImod forslaget stemte 4, Lars Folmann (O), Borgerlisten, "
      "Liberal Alliance.\n\n\nInger Andersen (A) deltog i mødet i stedet for Tanja Larsson (A).\n\n"
      "Jens Hvidemose (A) deltog i mødet i stedet for Per Thomsen (A).\n\n24. Spørgetid\n\nSagsfremstilling\n\n"
      "Forretningsordenen for spørgetid:\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].absent, (std::vector<std::string>{"Tanja Larsson", "Per Thomsen"}));
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Tanja Larsson", "Per Thomsen"}));
  // The substitutes came: they are present.
  EXPECT_EQ(rec->attendance->present, (std::vector<std::string>{"Inger Andersen", "Jens Hvidemose"}));
}

// Roskilde's minutes pages (Kultur- og Idrætsudvalget 03-04-2019,
// roskilde.dk/dagsorden-og-referat/moeder/kultur-og-idraetsudvalget-03-04-2019-kl-1800):
// "Fraværende: Evan Lynnerup (V) - Marianne Kiærulff (V) mødte som
// stedfortræder." under each decision: the member before the dash was
// away, the substitute after it came (substitute_phrases.txt).
TEST(Meetings, SubstituteAfterDashInAbsenceNote) {
  auto rec = testing::StructureOfBytes(
      "Referat\n\nDato: Onsdag, April 3, 2019 - 18:00\nSted: Mødelokale 2A\n\n  Pkt. 42\n\n"
      "  Beslutninger om dagsordenen\n\n  Sagsnr. 299835 Kultur- og Idrætsudvalget Åbent punkt\n\n"
      "  Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42\n\n"
      "  Tillægsdagsordenen blev optaget på dagsordenen som punkt 55.\n  Herefter godkendt.\n\n"
      "  Fraværende: Evan Lynnerup (V) - Marianne Kiærulff (V) mødte som stedfortræder.\n\n  Pkt. 43\n\n"
      "  Meddelelser fra formanden\n\n  Sagsnr. 299835 Kultur- og Idrætsudvalget Åbent punkt\n\n"
      "  Kultur- og Idrætsudvalget, 03-04-2019, pkt. 43\n\n  ̵ Standerhejsning i Roskilde Roklub\n"
      "  Fraværende: Evan Lynnerup (V) - Marianne Kiærulff (V) mødte som stedfortræder.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].absent, (std::vector<std::string>{"Evan Lynnerup"}));
  EXPECT_EQ(rec->agenda_items[1].absent, (std::vector<std::string>{"Evan Lynnerup"}));
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Evan Lynnerup"}));
  EXPECT_EQ(rec->attendance->present, (std::vector<std::string>{"Marianne Kiærulff"}));
}

// Hvidovre's minutes pages (Referat - Økonomiudvalget den 21. januar 2019,
// hvidovre.dk agendaid=1952) as text: the contents under
// "Indholdsfortegnelse" were links the dump lost, so the first line under
// it is item 1 with its decision heading under it, no contents entry; "X
// deltog for Y." under "Bemærkninger" names Y as away.
TEST(Meetings, FirstItemRightUnderAnEmptyContentsHeading) {
  auto rec = testing::StructureOfBytes(
      "Referat - Økonomiudvalget den 21. januar 2019\n\nMødefakta\n\nDato: Mandag den 21. januar 2019\n"
      "Mødetidspunkt: Kl. 17:00\nMødested: Hvidovre\n\nMedlemmer\n\n  • Anders Wolf Andresen (F)\n"
      "  • Gert Wahl (Ø)\n\nBemærkninger\n\nLisa Skov deltog for Steen Ørskov Larsen. René Langhorn deltog "
      "for Mikkel Dencker.\n\nIndholdsfortegnelse\n\n\n1. Godkendelse af dagsorden\n\n"
      "Beslutning i Økonomiudvalget den 21-01-2019\n\nPunkt 16 sendes tilbage til udvalget med henblik på nye "
      "oplysninger.\n\n \n\nGodkendt.\n\n\n2. Meddelelser\n\nBeslutning i Økonomiudvalget den 21-01-2019\n\n"
      "Ingen meddelelser.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].number, "1");
  EXPECT_EQ(rec->agenda_items[0].title, "Godkendelse af dagsorden");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_TRUE(rec->toc.empty());
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Steen Ørskov Larsen", "Mikkel Dencker"}));
  // The place is the municipality's name alone.
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Hvidovre");
  EXPECT_EQ(rec->meeting->municipality.value_or("-"), "Hvidovre Kommune");
}

// Gribskov's minutes pages (Byråd, Tirsdag den 03-04-2018, gribskov.dk
// dagsordener-og-referater?agendaId=331234) as text: the body "Byråd" alone
// over the date line, then the page's link "Tilbage", which is no place.
TEST(Meetings, CouncilHeadingOverDateAndBackLink) {
  auto rec = testing::StructureOfBytes(
      "Dagsordener og referater\n\nSe hvilke fagudvalg der er aktive\n\nByråd\n\n"
      "Tirsdag den 03-04-2018 kl. 07:00\n\nTilbage\n\nIndholdsfortegnelse\n\n63. Godkendelse af dagsorden\n\n"
      "Sagsnummer: 00.22.04-G01-2-18\n\n\nAdministrationen indstiller til Byrådet\n 1. at godkende dagsorden.\n\n"
      "Beslutning\n 1. Godkendt\n\n \n\nFraværende: Michael Hemming Nielsen (Ø). Morten Rohde Klitgaard (G)\n\n"
      "64. Indkaldelse af stedfortræder for Morten Rohde Klitgaard\n\nSagsnummer: 00.22.00-A00-2597-18\n\n\n"
      "Resume\n\nByrådet behandler sagen for at beslutte, om betingelserne for stedfortræderens indtræden er "
      "opfyldt.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_EQ(rec->kind, DocumentKind::kMinutes);
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Byråd");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2018-04-03");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "07:00");
  EXPECT_FALSE(rec->meeting->location.has_value());
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  // Both names of "Fraværende: X (Ø). Y (G)" under the first decision.
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent,
            (std::vector<std::string>{"Michael Hemming Nielsen", "Morten Rohde Klitgaard"}));
}

// Greve's Økonomiudvalg 26.6.2024 (FirstAgenda's page, from the export in
// ../shared/corpus/real/firstagenda-json/greve): "Fraværende: Pernille
// Beckmann" under both decisions and no absence in the header. Away from
// every item is away from the meeting, and not present; a name under one
// item alone stays that item's (the test above it).
TEST(Meetings, AbsentUnderEveryDecisionIsAbsentFromTheMeeting) {
  const std::string head =
      "Referat\n\nØkonomiudvalget\n\nGreve Kommune\n\nMødedato: Onsdag den 26. juni 2024 kl. 14:15\n\n"
      "Mødested: Biblioteket\n\nMedlemmer: Pernille Beckmann, Mehmet Zeki Dogru, Liselott Blixt, "
      "Hans-Jørgen Kirstein, Bjarke Abel, Marc Genning, Brigitte Klintskov Jerkel\n\n"
      "1. Godkendelse af dagsorden\n\nSagsnr.: 21-014439\n\nBeslutning\n\nGodkendt.\n\n"
      "Fraværende: Pernille Beckmann\n\nFremstilling\n\nResume\n\n"
      "Godkendelse af dagsorden for mødet den 26. juni 2024.\n\n"
      "2. Beslutning om støtte til sikring af borgmesterens bolig\n\nSagsnr.: 24-006588\n\nBeslutning\n\n"
      "2. Anbefales godkendt\n\nImod stemte (Ø) med bemærkning om, at vi kun vil dække dét, der er "
      "uforventede tiltag i en privat bolig.\n\n";
  auto rec = testing::StructureOfBytes(head + "Fraværende: Pernille Beckmann\n\nFremstilling\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Pernille Beckmann"}));
  EXPECT_EQ(rec->attendance->present.size(), 6u);
  // Noted under the first item only: the item's, not the meeting's.
  auto first_only = testing::StructureOfBytes(head + "Fremstilling\n");
  ASSERT_TRUE(first_only.ok());
  ASSERT_TRUE(first_only->attendance);
  EXPECT_TRUE(first_only->attendance->absent.empty());
  EXPECT_EQ(first_only->agenda_items[0].absent, (std::vector<std::string>{"Pernille Beckmann"}));
}

// Vejen's minutes pages (Udvalget for sundhed, kultur og fritid
// 21-08-2018, vejen.dk agendaId=1506223): the place "M 5 - Vejen Rådhus"
// names the municipality (function_words.txt `town_hall`), the page's
// "Vejen Kommune" twice is too few; "Afbud: Jørgen Lastein (V)" under both
// decisions makes him the meeting's absentee.
TEST(Meetings, TownHallInThePlaceAndAfbudUnderEveryDecision) {
  auto rec = testing::StructureOfBytes(
      "Dagsordener og referater\n\nHer kan du se dagsordener og referater fra møder i udvalgene i Vejen "
      "Kommune.\n\nUdvalg: Udvalget for sundhed, kultur og fritid\n\nMødedato: 21-08-2018\n\n"
      "Mødested: M 5 - Vejen Rådhus\n\n1.Vejen Kunstmuseum - frigivelse af rådighedsbeløb 2018 (C)\n\n"
      "Sagsnummer: 16/9585\n\nAdministrativ indstilling\nChef for Udvikling & Erhverv Peer M. Rexen indstiller, "
      "at\n • der gives en anlægsbevilling på 7.300.000 kr. fra rådighedsbeløbet i henhold til den videre "
      "investeringsplan for Vejen Kunstmuseum.\n\nBeslutning Udvalget for sundhed, kultur og fritid den "
      "21-08-2018\nIndstilles godkendt.\n \nAfbud: Jørgen Lastein (V)\n\nBilag\n\n"
      "2.Orientering om regnskaber for haller og centre 2017 (B)\n\nSagsnummer: 18/8283\n\n"
      "Sagsfremstilling\nHaller og centre i Vejen Kommune har fremsendt regnskaber for 2017.\n\n"
      "Beslutning Udvalget for sundhed, kultur og fritid den 21-08-2018\nTaget til efterretning.\n \n"
      "Afbud: Jørgen Lastein (V)\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->municipality.value_or("-"), "Vejen Kommune");
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Jørgen Lastein"}));
}

// Greve's Social- og Handicapudvalg 12.8.2024 (FirstAgenda, from the export
// in ../shared/corpus/real/firstagenda-json/greve): the decision's subject
// is a person named with the party's letters, "blev valgt" an election.
TEST(Meetings, DecisionWithAPersonAndPartyAsSubject) {
  auto rec = testing::StructureOfBytes(
      "Referat\n\nSocial- og Handicapudvalget\n\nGreve Kommune\n\nMødedato: Mandag den 12. august 2024 kl. "
      "17:00\n\n1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n2. Omkonstituering af "
      "Social- og Handicapudvalget\n\n"
      "Beslutning\n\nBjarke Abel (A) blev valgt som formand for Social- og Handicapudvalget.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  ASSERT_TRUE(rec->agenda_items[1].decision);
  EXPECT_EQ(rec->agenda_items[1].decision->category, DecisionCategory::kApproved);
}

// Thisted Kommune's minutes pages (Kommunalbestyrelsen 31 May 2022,
// sydthy.dk 206-2264): "Fraværende i Thisted Kommunalbestyrelsen, 31. maj
// 2022:" under the first decision with the names a line each under it
// (absence_phrases.txt's prefix_open), then the page's link "Til toppen":
// the item's absentee, not the decision's text.
TEST(Meetings, AbsenceNoteNamingTheMeetingWithNamesUnderIt) {
  auto rec = testing::StructureOfBytes(
      "31. maj 2022\n\nDeltagere:\n\n • Brian Nielsen (D)\n • Claus Nybo (A)\n • Henning Holm (A)\n\n"
      "89. Godkendelse af dagsorden\n\nUdskriv\n\nSagstema\n\nGodkendelse af dagsorden til dagens møde i "
      "Kommunalbestyrelsen.\n\nHøring og sagsgang\n\nKommunalbestyrelsen den 31. maj 2022\n\nIndstilling\n\n"
      "Til godkendelse.\n\nBeslutning\n\nGodkendt.\n\nFraværende i Thisted Kommunalbestyrelsen, 31. maj 2022:\n\n"
      "Claus Nybo\n\nTil toppen\n\n"
      "90. Naturnationalpark - udpegning af to repræsentanter til lokal projektgruppe\n\nUdskriv\n\n"
      "Sagstema\n\nUdpegning af to repræsentanter til den lokale projektgruppe ved etablering af en "
      "naturnationalpark i Thy.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->text, "Godkendt.");
  EXPECT_EQ(rec->agenda_items[0].absent, (std::vector<std::string>{"Claus Nybo"}));
}


// Allerød's minutes pages (Teknik, Erhverv, Plan og Miljøudvalget
// 2018-2021, referat 06-03-2018, alleroed.dk/Files/Files/Dagsordener/
// committee_189346/agenda_327182/agenda_327182.html) as text: the body's
// name lists its fields with commas before "og"; item 2 has no decision
// heading in its first lines, but "Punkttype" (a section heading, its value
// "Orientering." under it) right under its title.
TEST(Meetings, CommaListedCommitteeAndPunkttypeUnderTitle) {
  auto rec = testing::StructureOfBytes(
      "UDVALG\n\nTeknik, Erhverv, Plan og Miljøudvalget 2018-2021\n\nMØDE\n\nReferat\n\nSTED\n\nMødelokale C\n\n"
      "STARTTIDSPUNKT\n\n06-03-2018 07:30:00\n\nSLUTTIDSPUNKT\n\n06-03-2018 10:50:00\n\n\nPUNKTER\n\n"
      "1. Bemærkninger til dagsordenen\n2. Meddelelser\n3. Orientering om Movia og kollektiv trafik\n\n\n\n"
      "1. Bemærkninger til dagsordenen\n\nBemærkninger til dagsordenen\n\nPunkttype\nBeslutning.\n\n"
      "Beslutning Teknik, Erhverv, Plan og Miljøudvalget 2018-2021 den 06-03-2018\nIngen.\n\n\n\n\n"
      "2. Meddelelser\n\nMeddelelser\n\nPunkttype\nOrientering.\n\nTema\n1 Ny kontrakt for Iværksætterhus\n"
      "Iværksætterhuset varetager den lokale erhvervsservice indenfor rammerne af lov om erhvervsfremme.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Teknik, Erhverv, Plan og Miljøudvalget");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2018-03-06");
  ASSERT_GE(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].number, "1");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->text, "Ingen.");
  EXPECT_EQ(rec->agenda_items[1].number, "2");
  EXPECT_EQ(rec->agenda_items[1].title, "Meddelelser");
}

// Høje-Taastrup's minutes pages (Byrådet 29. august 2017, htk.dk
// Dagsordener-og-referater 18-2112) as text: the site's menu "Byråd og
// udvalg" over the date is no body; the decision heading "Beslutning Byrådet
// den 29-08-2017" names it.
TEST(Meetings, SiteMenuIsNoBody) {
  auto rec = testing::StructureOfBytes(
      "Byråd og udvalg\n • Få siden oplæst\n\n29. august 2017\n\nReferat (29. august 2017)\n\nAgenda\n\n"
      "Deltagere:\n\nAnne Mette Bak (A)\nBjarne Kogsbøll (C)\nConny Trøjborg Krogh (F)\n\nFraværende:\n\n\n \n\n"
      "1. Godkendelse af dagsorden\n\nBeslutning Byrådet den 29-08-2017\n\nGodkendt.\n\n\n \n\n"
      "2. Forslag fra A, F og Ø om proaktivt at bruge anlægsprojekterne\n\nSagsnr: 14/110\n\nBaggrund\n\n"
      "Høje-Taastrup Kommune skal proaktivt bruge anlægsprojekterne\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Byrådet");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2017-08-29");
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[1].case_number.value_or("-"), "14/110");
}

// Rudersdal's minutes pages (Kommunalbestyrelsen 12. december 2018,
// rudersdal.dk/dagsorden/2019/dagsorden-med-vedtagelser-10): "Dagsorden med
// vedtagelser" (the agenda with what was resolved) is minutes.
TEST(Meetings, DagsordenMedVedtagelserIsMinutes) {
  auto rec = testing::StructureOfBytes(
      "Dagsorden med vedtagelser\n\nUdvalg:\n\nKommunalbestyrelsen\n\nMødested:\n\nRådssalen\n\nMødedato:\n\n"
      "12. december 2018\n\nMødetid:\n\nKl. 17\n\nIndhold\n\n1. Meddelelser\nResumé\n \n\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->document_type.value_or("-"), "referat");
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Kommunalbestyrelsen");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2018-12-12");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Rådssalen");
  // "Mødetid:" / "Kl. 17": the hour alone under a time label is the start.
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "17:00");
}
// Lyngby-Taarbæk's minutes (Kommunalbestyrelsen, referat 22. december 2016,
// docslib.org/doc/3559752) as text: "Indkaldelse" over the summoned members
// a line each ends the place under the date line.
TEST(Meetings, SummonedMembersUnderIndkaldelse) {
  auto rec = testing::StructureOfBytes(
      "Kommunalbestyrelsen\n\nReferat\n\n22. december 2016 kl. 17:00\n\nKommunalbestyrelsens mødesal\n\n"
      "Indkaldelse\n\nHanne Agersnap\n\nBodil Kornbek\n\nMette Schmidt Olsen\n\nFinn Riber Rasmussen\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2016-12-22");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "17:00");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Kommunalbestyrelsens mødesal");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->present,
            (std::vector<std::string>{"Hanne Agersnap", "Bodil Kornbek", "Mette Schmidt Olsen", "Finn Riber Rasmussen"}));
}

// Lyngby-Taarbæk's minutes (Kommunalbestyrelsen 22. december 2016,
// docslib.org/doc/3559752): the full stop after each substitute is lost
// ("I stedet deltog Rie Frank (A) Bodil Kornbek (A) var fraværende."), so
// the absent one is the name after the substitute's party, not the
// substitute.
TEST(Meetings, AbsenceSentenceRunOnAfterSubstitute) {
  auto rec = testing::StructureOfBytes(
      "Kommunalbestyrelsen\n\nReferat\n\n22. december 2016 kl. 17:00\n\nKommunalbestyrelsens mødesal\n\n"
      "Indkaldelse\n\nHanne Agersnap\n\nBodil Kornbek\n\nMette Schmidt Olsen\n\nMette Hoff\n\n"
      "Mette Hoff (A) var fraværende. I stedet deltog Rie Frank (A) Bodil Kornbek (A) var fraværende. I stedet "
      "deltog Silas Mudoh (A) Hanne Agersnap (F) var fraværende. I stedet deltog Dorthe Daubjerg (F).\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Mette Hoff", "Bodil Kornbek", "Hanne Agersnap"}));
}

// Allerød's minutes pages (Allerød Byråd 26-04-2018, alleroed.dk
// agenda_334916.html) as text: "Der er afbud fra Lone Hansen." under item
// 1's decision heading is the meeting's absence; the next sentence ("Niels
// Kirkegaard er indkaldt som suppleant.") says something and is no more of
// the list.
TEST(Meetings, AbsenceSentenceInFirstItem) {
  auto rec = testing::StructureOfBytes(
      "UDVALG\n\nAllerød Byråd 2018-2021\n\nMØDE\n\nReferat\n\nSTED\n\nBorgerportalen\n\n"
      "STARTTIDSPUNKT\n\n26-04-2018 18:30:00\n\nSLUTTIDSPUNKT\n\n26-04-2018 20:00:00\n\n\nPUNKTER\n\n"
      "1. Bemærkninger til dagsordenen\n2. Meddelelser\n\n\n\n1. Bemærkninger til dagsordenen\n\n"
      "Bemærkninger til dagsordenen\n\nBeslutning Allerød Byråd 2018-2021 den 26-04-2018\n\n"
      "Der er afbud fra Lone Hansen. Niels Kirkegaard er indkaldt som suppleant.\n\n"
      "I sag nr. 18 på dagsorden ”Trafikbestilling 2019” foreligger der ny indstilling fra Teknik, Erhverv, "
      "Plan og Miljøudvalget og Økonomiudvalget umiddelbart forud for dette møde.\n\n\n\n"
      "2. Meddelelser\n\nMeddelelser\n\nPunkttype\nOrientering.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Lone Hansen"}));
  ASSERT_GE(rec->agenda_items.size(), 1u);
  EXPECT_EQ(rec->agenda_items[0].absent, (std::vector<std::string>{"Lone Hansen"}));
}

// Middelfart's minutes pages (Byrådet 12. august 2019, middelfart.dk
// Byraadet 2019/20190812): "Mødetid:" with "12. august 2019 kl. 17:00" on
// the next line; the date opening that line is the label's value, no item
// numbered 12, so the time is the start.
TEST(Meetings, LabelValueOpeningWithADate) {
  auto rec = testing::StructureOfBytes(
      "Referat for Byrådet møde den 12. august 2019\n\nMøde:\nByrådet\nMødetid:\n12. august 2019 kl. 17:00\n"
      "Tilstede:\nJohannes Lundsfryd Jensen\nLars Vigsø\nFraværende:\nKaj Piilgaard Nielsen\nJohn Kruse\n\n"
      "ÅBNE SAGER\n\n205. Rekruttering af ny kommunaldirektør til Middelfart Kommune\nSagsnr.: 2019-010736\n"
      "Sagsbehandler: Pernille Frøkjær Gustafsson\n\nPræsentation:\n\nDer skal ansættes en ny kommunaldirektør "
      "til Middelfart Kommune.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2019-08-12");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "17:00");
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Kaj Piilgaard Nielsen", "John Kruse"}));
  ASSERT_EQ(rec->agenda_items.size(), 1u);
  EXPECT_EQ(rec->agenda_items[0].number, "205");
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "2019-010736");
}

// Aabenraa's minutes pages (Byrådet, beslutningsprotokol 20. september
// 2017, aabenraa.dk dagsordener-og-referater/byraadet/2017-09-20-1700-5004),
// the label and its value in cells: "Bemærkninger:" holds "Der er afbud fra
// Eivind Underbjerg Hansen.", the meeting's absence; he leaves the members.
TEST(Meetings, AbsenceNoteAsValueOfRemarksLabel) {
  auto rec = testing::StructureOfBytes(
      "Beslutningsprotokol\nonsdag den 20. september 2017 kl. 17:00\nMødested:\tByrådssalen, Skelbækvej\n"
      "Udvalg:\tByrådet\nMedlemmer:\tThomas Andresen, Kirsten Nørgård Christensen, Eivind Underbjerg Hansen, "
      "Bent Sørensen\nBemærkninger:\tDer er afbud fra Eivind Underbjerg Hansen.\n-\n"
      "UdskrivSagsid.: 17/3668, Sagsinitialer: GES\nSagsfremstilling\nØkonomiudvalget har den 12. september "
      "2017 fremsat forslag til budget 2018 og overslagsårene 2019-2021.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->attendance);
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Eivind Underbjerg Hansen"}));
  EXPECT_EQ(rec->attendance->present,
            (std::vector<std::string>{"Thomas Andresen", "Kirsten Nørgård Christensen", "Bent Sørensen"}));
}

// Dragør's minutes pages (Økonomiudvalget 22. oktober 2020, dragoer.dk
// oekonomiudvalgets-moeder/2020-10-22-1700-1197) as text: "• 1", the title,
// then "Sagsid.: 20/2955" open the item; "BESLUTNING: Økonomiudvalget den
// 22-10-2020" is the decision's heading whole, the votes and "Godkendt."
// under it its text.
TEST(Meetings, NumberTitleThenCaseLabelAndDatedDecisionLabel) {
  auto rec = testing::StructureOfBytes(
      "Skip navigationen\n\nReferat\n\nTorsdag den 22. oktober 2020 kl. 17:00\n\nMødested: Havnestuen\n"
      "Udvalg: Økonomiudvalget\nMedlemmer: Ebbe Kyrø (T), Eik Dahl Bidstrup (V), Kenneth Gøtterup (C), Morten "
      "Dreyer (O), Nicolaj Bertel Riber (A), Ole Hansen (A)\nAfbud fra: Peter Læssøe (T)\nBemærkninger: "
      "Godkendelse af dagsorden: Godkendt.\n\nAnnette Nyvang (T) var indkaldt som stedfortræder for Peter "
      "Læssøe (T).\n  • 1\n    Café Havslapning - ansøgning om ændrede vilkår for udeservering m.m.\n"
      "    Sagsid.: 20/2955\n\n    RESUMÉ:\n\n    Café Havslapning ansøger om tilladelse til at opsætte en "
      "flytbar træterrasse på udeserveringsarealet ud for butiksfacaden.\n\n    INDSTILLING:\n\n"
      "    Administrationen indstiller,\n\n    1. at der gives afslag på at opsætte en flytbar træterrasse foran "
      "caféens facade,\n       \n    BESLUTNING: Økonomiudvalget den 22-10-2020\n\n    Ad 1\n\n"
      "    For stemte:    5 (A+T+V)\n\n    Imod stemte:  2 (C+O)\n\n    Undlod at stemme: \n\n    Godkendt.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_TRUE(rec->meeting);
  EXPECT_EQ(rec->meeting->body.value_or("-"), "Økonomiudvalget");
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2020-10-22");
  ASSERT_EQ(rec->agenda_items.size(), 1u);
  EXPECT_EQ(rec->agenda_items[0].number, "1");
  EXPECT_EQ(rec->agenda_items[0].title, "Café Havslapning - ansøgning om ændrede vilkår for udeservering m.m.");
  EXPECT_EQ(rec->agenda_items[0].case_number.value_or("-"), "20/2955");
  ASSERT_TRUE(rec->agenda_items[0].decision);
  EXPECT_EQ(rec->agenda_items[0].decision->text.substr(0, 4), "Ad 1");
}

// Solrød's minutes pages (Byrådet 20-12-2021, solrod.dk dagsordener-og-referater
// agenda=163aa891) as text: the page's control "Åbn/luk punkt" glued to each
// item's title is cut off it.
TEST(Meetings, PageControlGluedToTheTitle) {
  auto rec = testing::StructureOfBytes(
      "Referat\nUdvalg: Byrådet\nMødedato: 20-12-2021\nMødested: Solrød Aktivitets- og Frivilligcenter, Solrød "
      "Center 85, 2680 Solrød Strand\n183. Godkendelse af dagsordenÅbn/luk punkt\nSagsnummer: "
      "85.02.02-P35-34-20\nGodkendelse af dagsorden\nIndstilling\nAdministrationen indstiller, at forslag til "
      "dagsorden godkendes.\nBeslutning\nTiltrådt.\nAfbud: Brian Mørch, Peter Klokker, Jonas Ring Madsen og Emil "
      "Blücher.\n184. Ændring af styrelsesvedtægt for Solrød KommuneÅbn/luk punkt\nSagsnummer: "
      "00.15.00-A21-1-21\nÆndring af styrelsesvedtægt for Solrød Kommune\nBeslutningstema\nByrådet skal tage "
      "stilling til ændring af styrelsesvedtægt for Solrød Kommune, så der er mulighed for etablering af en "
      "borgerrådgiverfunktion.\nIndstilling\nAdministrationen indstiller, at Byrådet 2. behandler ændring af "
      "styrelsesvedtægten for Solrød Kommune.\nBeslutning\nTiltrådt.\n");
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[0].number, "183");
  EXPECT_EQ(rec->agenda_items[0].title, "Godkendelse af dagsorden");
  EXPECT_EQ(rec->agenda_items[1].title, "Ændring af styrelsesvedtægt for Solrød Kommune");
  EXPECT_EQ(rec->agenda_items[1].case_number.value_or("-"), "00.15.00-A21-1-21");
}

// Region Sjælland's minutes pages (Referat - Regionsrådet 2018-2021,
// 08-03-2021, regionsjaelland.dk MOD-2020-00246): the date and a time
// without "kl." alone on a line; the time is the meeting's start. A time
// with words after it is not read bare.
TEST(Meetings, BareTimeRightAfterTheDate) {
  auto rec = testing::StructureOfBytes(
      "Referat\n\nReferat - Regionsrådet 2018-2021\n\n08-03-2021 16:00\n\nVideo\n\nMedlemmer af udvalget:\n\n"
      "Heino Knudsen\n\nFormand\n\n(A)\n\nFreddy Blak\n\n(A)\n\nFraværende:\n\nFreddy Blak\n\n(A)\n\n\n"
      "Indholdsfortegnelse\n\n1 (Åben) Godkendelse af dagsorden 4\n\n2 (Åben) Forslag til Plan for udvikling af "
      "dialyseområdet 2021-2025 5\n");
  ASSERT_TRUE(rec.ok() && rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2021-03-08");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "16:00");
  auto words = testing::StructureOfBytes(
      "Referat\n\nRegionsrådet\n\n8. marts 2021 16:00 i salen\n\n1. Godkendelse\n\nBeslutning\n\nGodkendt.\n");
  ASSERT_TRUE(words.ok() && words->meeting);
  EXPECT_FALSE(words->meeting->start_time);
}

// Region Sjælland's Regionsrådet 8.3.2021 (regionsjaelland.dk
// MOD-2020-00246): the members a name, a role and a party a line each;
// "2. næstformand" is a role, not an agenda item ending the list.
TEST(Meetings, NumberedRoleLineInsideTheMemberList) {
  auto rec = testing::StructureOfBytes(
      "Referat\n\nReferat - Regionsrådet 2018-2021\n\n08-03-2021 16:00\n\nVideo\n\nMedlemmer af udvalget:\n\n"
      "Heino Knudsen\n\nFormand\n\n(A)\n\nPeter Jacobsen\n\nNæstformand\n\n(O)\n\nJacob Jensen\n\n2. næstformand\n\n"
      "(V)\n\nFreddy Blak\n\n(A)\n\nCamilla Aff Bredegaard\n\n(A)\n\nFraværende:\n\nCamilla Aff Bredegaard\n\n(A)\n\n\n"
      "Indholdsfortegnelse\n\n1 (Åben) Godkendelse af dagsorden 4\n\n2 (Åben) Forslag til Plan for udvikling af "
      "dialyseområdet 2021-2025 5\n");
  ASSERT_TRUE(rec.ok() && rec->attendance);
  EXPECT_EQ(rec->attendance->present,
            (std::vector<std::string>{"Heino Knudsen", "Peter Jacobsen", "Jacob Jensen", "Freddy Blak"}));
  EXPECT_EQ(rec->attendance->absent, (std::vector<std::string>{"Camilla Aff Bredegaard"}));
}

// AffaldPlus's board minutes (Bestyrelsesmøde 29. januar 2016): the place
// after the time and a comma, its house number too, on the title line; the
// heading under it ("Mødedeltagelse / Afbud") is no place.
TEST(Meetings, PlaceAfterTheTimeAndAComma) {
  auto rec = testing::StructureOfBytes(
      "Bestyrelsesmøde 29. januar 2016 kl. 10.00, Ved Fjorden 20 \"Mødelokale 1\"\n\nMødedeltagelse / Afbud\n\n\n"
      "Bestyrelsen: Niels O. Pedersen, Villum Christensen, Benny Christensen\n\nAfbud: Kurt Munck\n\n\n"
      "Pkt. 1. Godkendelse af protokoludskrift fra sidste møde (B)\n\nIndstilling:\nTil godkendelse.\n\n"
      "Beslutning:\nGodkendt.\n\nPkt. 2. Godkendelse af dagsorden (B)\n\nIndstilling:\nTil godkendelse.\n\n"
      "Beslutning:\nGodkendt.\n");
  ASSERT_TRUE(rec.ok() && rec->meeting);
  EXPECT_EQ(rec->meeting->date.value_or("-"), "2016-01-29");
  EXPECT_EQ(rec->meeting->start_time.value_or("-"), "10:00");
  EXPECT_EQ(rec->meeting->location.value_or("-"), "Ved Fjorden 20 \"Mødelokale 1\"");
  ASSERT_EQ(rec->agenda_items.size(), 2u);
  EXPECT_EQ(rec->agenda_items[1].title, "Godkendelse af dagsorden");
}

}  // namespace
}  // namespace referat

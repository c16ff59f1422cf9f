// The keys of FirstAgenda's meeting JSON (firstagenda.cc shows the shape).
// They are the format's schema, named in Danish (and some in English) by
// its makers, not wording referat chooses: they stay literals, all of them
// here, read by the reader and by the format sniffer (read/sniff.cc).
// check_literals: format keys only
#ifndef REFERAT_READ_EXPORTS_FIRSTAGENDA_KEYS_H_
#define REFERAT_READ_EXPORTS_FIRSTAGENDA_KEYS_H_

namespace referat::exports::firstagenda_key {

// The root object.
inline constexpr char kItems[] = "Dagsordenpunkter";  // array of items
inline constexpr char kMeeting[] = "Moede";           // object
inline constexpr char kCommittee[] = "Udvalg";        // object: kName
// The meeting.
inline constexpr char kName[] = "Navn";  // also of committee, item, field, attachment
inline constexpr char kDate[] = "Dato";
inline constexpr char kBegin[] = "MeetingBeginUtc";
inline constexpr char kEnd[] = "MeetingEndUtc";
inline constexpr char kPlace[] = "Sted";
inline constexpr char kConcluded[] = "Afsluttet";
inline constexpr char kParticipants[] = "Moededeltagere";  // array
inline constexpr char kParticipantName[] = "Name";
inline constexpr char kAbsent[] = "Absent";
inline constexpr char kCancelled[] = "ParticipationCancelled";
// An item (Danish key, else the English one).
inline constexpr char kNumber[] = "Punktnummer";
inline constexpr char kNumberEn[] = "Number";
inline constexpr char kCaptionEn[] = "Caption";
inline constexpr char kCaseNumber[] = "SagsNummer";
inline constexpr char kCaseNumberEn[] = "CaseNumber";
inline constexpr char kIsOpen[] = "IsOpen";
inline constexpr char kFields[] = "Felter";          // array: kName, kHtml or kText
inline constexpr char kHtml[] = "Html";
inline constexpr char kText[] = "Tekst";
inline constexpr char kAttachments[] = "Bilag";      // array: kName

}  // namespace referat::exports::firstagenda_key

#endif  // REFERAT_READ_EXPORTS_FIRSTAGENDA_KEYS_H_

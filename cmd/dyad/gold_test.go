package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dyad-events/dyad"
	"github.com/dyad-events/dyad/eval"
)

// Floors on the gold sets, through the whole pipeline as `dyad eval` runs it. They only ever rise: when a
// change lifts a score, lift its floor here in the same commit.
var goldFloors = []struct {
	file         string
	f1, p, r     float64
	perLangF1Min float64
}{
	{"../../testdata/gold/events.jsonl", 0.84, 0.91, 0.78, 0.70},
	{"../../testdata/gold/events-dev.jsonl", 0.92, 0.95, 0.88, 0.75},
	{"../../testdata/gold/actors.jsonl", 0.96, 0.96, 0.96, 0.90},
	{"../../testdata/gold/actors-2.jsonl", 0.85, 0.74, 0.99, 0.81},
	{"../../testdata/gold/actors-3.jsonl", 0.99, 0.99, 0.99, 0.99},
	{"../../testdata/gold/actors-4.jsonl", 0.98, 0.98, 0.98, 0.89},
	{"../../testdata/gold/actors-5.jsonl", 0.98, 0.98, 0.98, 0.86},
	// actors-6: 300 bare actor strings written blind in the session of 2026-12-05 21:05-00:05 (nine
	// languages, smaller countries and past decades, armed groups, breakaway regions, 15 traps), read only at
	// its start (fe46abd: country F1 .909, country+sector .817) and end (.933, .843).
	{"../../testdata/gold/actors-6.jsonl", 0.78, 0.74, 0.83, 0.70}, // .748 -> .789 (actor14)
	// actors-7: 300 bare actor strings written blind in the session of 2026-12-06 00:07-03:05 (nine languages,
	// smaller countries and past decades, people before and after their office, breakaway regions, 15 traps),
	// read only at its start (6689831: country F1 .954, country+sector .877) and end (.956, .890).
	{"../../testdata/gold/actors-7.jsonl", 0.94, 0.94, 0.95, 0.86}, // .890 -> .948 (actor14)
	// actors-8: 300 bare actor strings written blind in the session of 2026-12-06 03:17-06:15 (nine languages,
	// smaller countries and past decades, people before and after their office, armed groups, 15 traps), read
	// only at its start (339dfa4: country F1 .949, country+sector .862) and end (.962, .915).
	{"../../testdata/gold/actors-8.jsonl", 0.91, 0.90, 0.92, 0.77},
	// offices12: office holders since 1990 that `dyad dict gaps` found missing, written before the data, .595 -> 1.000
	{"../../testdata/gold/actors-offices12.jsonl", 0.98, 0.98, 0.98, 0.98},
	// offices14: office holders of 1988-2005 that `dyad dict gaps` still listed as none (helper actor14), .385 -> 1.000
	{"../../testdata/gold/actors-offices14.jsonl", 0.98, 0.98, 0.98, 0.98},
	// actors12: bare actor strings of smaller countries, breakaway regions, bodies by name, traps (helper
	// actors12, 2026-12-05), written before their data: country+sector .713 -> .983
	{"../../testdata/gold/actors12.jsonl", 0.98, 0.98, 0.98, 0.90},
	// actors12b: 79 more of the same kinds, written after actors12's first rules as a held-out check, .819 -> .979
	{"../../testdata/gold/actors12b.jsonl", 0.97, 0.97, 0.98, 0.96},
	// actors13: actor errors of real text by cause (former titles after a nationality, groups in a region of a
	// country, the apostolic nuncio, generals, national newspapers, the Luftwaffe, the ANP agency, the ELN),
	// written before their rules (helper actor13, 2026-12-06): country+sector F1 .098 -> .806; precision counts
	// the places the sentences name, which the set does not list
	{"../../testdata/gold/actors13.jsonl", 0.80, 0.69, 0.96, 0.50},
	// actors13b: Spanish's lower-case adjective "china" (the cap list's "china" blocked it), .000 -> .833
	{"../../testdata/gold/actors13b.jsonl", 0.83, 0.83, 0.83, 0.83},
	// actors14: actor errors of actors-7 and the blind wire12 by cause (a title before a known person without
	// a role on the date, "former", Mauritania's leaders imported under Mauritius, party leaders, regions whose
	// names hold another country's, clergy, government troops, German genitives of two-word names), written
	// before their rules (helper actor14): country+sector .078 -> 1.000
	{"../../testdata/gold/actors14.jsonl", 0.98, 0.98, 0.98, 0.98},
	// actors14b: breakaway regions, opposition and congressional leaders, journalists held abroad (helper actor14),
	// written before their data: country+sector .000 -> .732 (Gershkovich, Lai, İmamoğlu, Nagorno-Karabakh left out)
	{"../../testdata/gold/actors14b.jsonl", 0.73, 0.93, 0.60, 0.00},
	// actors17: actors real text names and dyad did not find, by class in nine languages (seats of power in each
	// language's spelling and case, the ECB and the ESM, the Revolutionary Guards, the Houthis in lower case, the
	// EU as "the Twenty-Seven", Ben-Gvir, juntas and military rulers, traps: a white house, a church's torentje,
	// the Brazilian planalto), written before their data (helper code17d): overall F1 .562 -> .952 (two spans
	// and one missed "kabinet" set to the resolver's conventions after the first run, 军政府 to GOV as actors-7/8)
	{"../../testdata/gold/actors17.jsonl", 0.94, 0.96, 0.93, 0.86},
	// actors18: actor classes real text names and dyad did not find, in nine languages (central banks, officers
	// and fighter jets by a country's adjective, transitional governments, ruling juntas as governments, The Hague,
	// Italian "Onu", NGOs in pt/it/vi, Generalbundesanwalt, bodies of two coordinated countries; traps), written
	// before their data (helper code18d): overall F1 .513 -> .996 ("Southeast Asian leaders" left out)
	{"../../testdata/gold/actors18.jsonl", 0.99, 0.99, 0.98, 0.96},
	// actors19: actor classes of round 19 in nine languages (Brussels as the EU, places named after a country,
	// the Taliban government, junta militar, military transport planes, US cabinet members; traps), written
	// before their data (helper code19d): overall F1 .673 -> .946 (its data landed in round 20, helper code20d)
	{"../../testdata/gold/actors19.jsonl", 0.94, 0.93, 0.94, 0.90},
	// actors20: actor classes of round 20 in nine languages (customs administrations, ministries named in full
	// before their adjective, coast guards, plural juntas, Vietnamese artillery and guards, Chinese state organs
	// without their country; traps: customs duties and unions), written before their data (helper code20d):
	// overall F1 .578 -> .884 (the EU as "the Twenty-Seven" and German bare "Zoll" left out)
	{"../../testdata/gold/actors20.jsonl", 0.88, 0.90, 0.86, 0.78},
	// actors21: actor classes of round 21 in nine languages (the PLA and its theatre commands, marines and special
	// forces by adjective, Gulf capitals, the Permanent Court of Arbitration, Hong Kong police by adjective, German
	// courts, people in office; traps: Abu Dhabi's Grand Prix, fishermen), written before their data (helper
	// code21d): overall F1 .656 -> .970 (Spain's UME left out)
	{"../../testdata/gold/actors21.jsonl", 0.96, 0.96, 0.96, 0.89},
	// actors22: actor classes of round 22 in nine languages (the TPLF by name, the yellow vests, Douma the place,
	// people in office: UN rights chiefs, Vereshchuk, Sergio Moro, Nasrallah; traps: yellow safety vests), written
	// before their data (helper code22d): overall F1 .708 -> .944 (the yellow vests tried and dropped: the coder
	// codes their events wrong; Traditional 美國聯邦眾議院 before a title left)
	{"../../testdata/gold/actors22.jsonl", 0.94, 0.97, 0.91, 0.84},
	// actors23: actor classes of round 23 in nine languages (plural possessives, courts by their seat, paramilitary
	// forces, New Caledonia NCL and its police FRA, the Bolivarian National Guard, Pope Benedict XVI, Karim Khan;
	// traps: paramilitary fashion, a river at Koblenz, a police series, a Benedictine abbey), written before their
	// data (helper code23d): overall F1 .637 -> .961
	{"../../testdata/gold/actors23.jsonl", 0.95, 0.94, 0.97, 0.86},
	{"../../testdata/gold/wire-en.jsonl", 0.95, 0.95, 0.94, 0.95},
	{"../../testdata/gold/wire-en-2.jsonl", 0.93, 0.96, 0.89, 0.93},
	{"../../testdata/gold/wire3-en.jsonl", 0.82, 0.86, 0.79, 0.82},
	{"../../testdata/gold/wire4-en.jsonl", 0.82, 0.91, 0.73, 0.82},
	{"../../testdata/gold/sweep-en.jsonl", 0.94, 0.95, 0.92, 0.94},
	{"../../testdata/gold/sweep2-en.jsonl", 0.88, 0.88, 0.88, 0.88},
	{"../../testdata/gold/sweep-zh.jsonl", 0.95, 0.97, 0.92, 0.95},
	{"../../testdata/gold/sweep-vi.jsonl", 0.95, 0.94, 0.96, 0.95},
	{"../../testdata/gold/sweep3-en.jsonl", 0.80, 0.85, 0.76, 0.80},
	{"../../testdata/gold/sweep5-pt.jsonl", 0.91, 0.95, 0.88, 0.91},
	{"../../testdata/gold/sweep5-es.jsonl", 0.91, 0.95, 0.88, 0.91},
	{"../../testdata/gold/sweep10-es.jsonl", 0.91, 0.91, 0.91, 0.91}, // es10: written before its rules, .794 -> .926
	{"../../testdata/gold/sweep12-es.jsonl", 0.80, 0.85, 0.75, 0.80}, // es12: written before its rules, .712 -> .82
	// sweep13 (helper code13a, 2026-12-06): own sentences written before the rules of round 13 (expulsions told as a
	// deadline to leave, an accusation hung on the object, aid flown in verb first); root F1 before -> after
	{"../../testdata/gold/sweep13-en.jsonl", 0.90, 0.85, 0.95, 0.90}, // .375 -> .941
	{"../../testdata/gold/sweep13-fr.jsonl", 0.82, 0.87, 0.78, 0.82}, // .667 -> .941; with its second batch (no French rule kept) .842
	{"../../testdata/gold/sweep13-es.jsonl", 0.76, 0.88, 0.67, 0.76}, // .571 -> .824; with its second batch .667 -> .783
	{"../../testdata/gold/sweep13-pt.jsonl", 0.97, 0.97, 0.97, 0.97}, // .667 -> 1.000; with its second batch .900 -> 1.000
	{"../../testdata/gold/sweep13-it.jsonl", 0.83, 0.97, 0.72, 0.83}, // .500 -> .857; with its second batch .889
	// sweep14 (helper code14a, 2026-12-06): own sentences written before the rules of round 14 (contingents sent,
	// ambassadors recalled told by a noun, house arrest and prison, kidnapping by a gang, strikes with the weapon
	// before the object, athletes as a trap; then house arrest told by a pronoun, two sides before an apposition,
	// relief goods; then a mediator beside two sides' act; then visits cancelled, Italian tariffs; then cities
	// named by their exonyms); root F1 of the first batch before, of all after
	{"../../testdata/gold/sweep14-en.jsonl", 0.97, 0.97, 0.97, 0.97}, // .750 -> 1.000
	{"../../testdata/gold/sweep14-fr.jsonl", 0.91, 0.84, 0.97, 0.91}, // .571 -> .917
	{"../../testdata/gold/sweep14-es.jsonl", 0.97, 0.97, 0.97, 0.97}, // .000 -> 1.000
	{"../../testdata/gold/sweep14-pt.jsonl", 0.97, 0.97, 0.97, 0.97}, // .333 -> 1.000
	{"../../testdata/gold/sweep14-it.jsonl", 0.92, 0.92, 0.92, 0.92}, // .750 -> .929
	// sweep15 (helper code15a, 2026-12-06): own sentences written before the verb lexicon of en fr es pt it (roots
	// 02-19 in the clause shapes a lexicon must read: clitics, pronominal verbs, compound tenses, passives with and
	// without agent, infinitives under frames, phrasal verbs); root F1 before -> after
	{"../../testdata/gold/sweep15-en.jsonl", 0.83, 0.83, 0.83, 0.83}, // .852 -> .852; with its second batch .795 -> .838
	{"../../testdata/gold/sweep15-fr.jsonl", 0.76, 0.85, 0.69, 0.76}, // .717 -> .741; with its second batch .746 -> .767
	{"../../testdata/gold/sweep15-es.jsonl", 0.92, 0.91, 0.93, 0.92}, // .906 -> .923; with its second batch .909 -> .925
	{"../../testdata/gold/sweep15-pt.jsonl", 0.84, 0.87, 0.81, 0.84}, // .828 -> .828; with its second batch .844 -> .844
	{"../../testdata/gold/sweep15-it.jsonl", 0.76, 0.76, 0.76, 0.76}, // .767 -> .806; with its second batch .765 -> .765
	{"../../testdata/gold/protest-es.jsonl", 0.89, 0.90, 0.88, 0.89},
	{"../../testdata/gold/wire-romance.jsonl", 0.98, 0.98, 0.98, 0.78},
	{"../../testdata/gold/wire-nl.jsonl", 0.97, 0.97, 0.97, 0.97},
	{"../../testdata/gold/wire-de.jsonl", 0.98, 0.99, 0.97, 0.98},
	{"../../testdata/gold/wire2-de.jsonl", 0.96, 0.96, 0.96, 0.96},
	{"../../testdata/gold/wire2-nl.jsonl", 0.89, 0.92, 0.86, 0.89},
	{"../../testdata/gold/protest-es2.jsonl", 0.81, 0.87, 0.77, 0.81},
	{"../../testdata/gold/wire-romance2.jsonl", 0.85, 0.93, 0.78, 0.77},
	{"../../testdata/gold/wire-zh.jsonl", 0.98, 0.98, 0.98, 0.98},
	{"../../testdata/gold/wire-vi.jsonl", 0.98, 0.99, 0.97, 0.98},
	{"../../testdata/gold/wire3-de.jsonl", 0.91, 0.95, 0.87, 0.91},
	{"../../testdata/gold/wire3-nl.jsonl", 0.93, 0.96, 0.91, 0.93},
	{"../../testdata/gold/wire4-de.jsonl", 0.86, 0.94, 0.79, 0.86}, // de9: .800 -> .867
	{"../../testdata/gold/wire4-nl.jsonl", 0.75, 0.90, 0.64, 0.75},
	{"../../testdata/gold/wire3-zh.jsonl", 0.89, 0.95, 0.83, 0.89},
	{"../../testdata/gold/wire3-vi.jsonl", 0.85, 0.91, 0.79, 0.85},
	{"../../testdata/gold/wire4-zh.jsonl", 0.83, 0.90, 0.77, 0.83},
	{"../../testdata/gold/traps-1.jsonl", 0.68, 0.77, 0.60, 0.20},
	// intent7: own sentences of the intent round (announced transfers, 2026-12-05), nine languages
	{"../../testdata/gold/intent7.jsonl", 0.95, 0.95, 0.95, 0.95},
	// nounacts8: own sentences of the noun-acts round (light verb + event noun, 2026-12-05), nine languages
	{"../../testdata/gold/nounacts8.jsonl", 0.95, 0.95, 0.95, 0.95},
	// joint2: own sentences of the coordinated-subjects round (2026-12-05), eight languages: both sides long phrases
	{"../../testdata/gold/joint2.jsonl", 0.80, 0.87, 0.74, 0.49},
	// pt9: own sentences of the Portuguese and Spanish round (2026-12-05): where clauses, two sides after an opening
	// phrase, calls received, condolences, hostings, recalled ambassadors, announced meetings (pt es fr it)
	{"../../testdata/gold/pt9.jsonl", 0.94, 0.95, 0.93, 0.66}, // 49 items after its fourth round (2 sentences it does not all find): .947 / .957 / .938
	// join9: own sentences of the nothing-coded class (2026-12-05 12:00-), nine languages: mutual acts (each way),
	// delegations, joint acts of two subjects; 6 with no event
	{"../../testdata/gold/join9.jsonl", 0.95, 0.98, 0.92, 0.88},
	// wire5: held-out sets written blind this session (2026-12-05) and measured only at its start and end.
	{"../../testdata/gold/wire5-en.jsonl", 0.82, 0.83, 0.80, 0.82},
	{"../../testdata/gold/wire5-fr.jsonl", 0.53, 0.63, 0.44, 0.53},
	{"../../testdata/gold/wire5-it.jsonl", 0.84, 0.87, 0.82, 0.84}, // it10: .794 -> .812 -> .848
	{"../../testdata/gold/wire5-es.jsonl", 0.82, 0.88, 0.76, 0.82}, // pt9 round: .753, second round .769, third .821
	{"../../testdata/gold/wire5-pt.jsonl", 0.63, 0.73, 0.55, 0.63}, // pt9 round: .610, second round .633
	{"../../testdata/gold/wire5-de.jsonl", 0.73, 0.86, 0.64, 0.73}, // intent round: P .895 -> .864 is one sector slip (JPN for JPNGOV, c+r P stays 1.0); second round .864 -> .833: "... zur unerwünschten Person erklärt und ihn aufgefordert, das Land zu verlassen" (020 besides 174), F1 .623 -> .635
	{"../../testdata/gold/wire5-nl.jsonl", 0.78, 0.80, 0.76, 0.78}, // nl11: .754 -> .800
	{"../../testdata/gold/wire5-zh.jsonl", 0.59, 0.65, 0.54, 0.59},
	{"../../testdata/gold/wire5-vi.jsonl", 0.73, 0.83, 0.65, 0.73},
	// wire6 (+ wire6-en-long, protest6-es): held-out sets written blind in the session of 2026-12-05 03:19-06:19,
	// measured only at its start and end (docs/eval.md "Held-out sets written blind").
	{"../../testdata/gold/wire6-en.jsonl", 0.48, 0.53, 0.43, 0.48},
	{"../../testdata/gold/wire6-fr.jsonl", 0.50, 0.57, 0.44, 0.50}, // fr10 round 2: .494 -> .512 (cabinet de sécurité GOV); french round: 138 IRNGOV->ISR for gold ISRGOV is a sector slip at root match (P .562 -> .559), c+r .641 -> .700; frit9: P .571, F1 .494
	{"../../testdata/gold/wire6-it.jsonl", 0.49, 0.52, 0.47, 0.49}, // it10: .466 -> .486 -> .500
	{"../../testdata/gold/wire6-es.jsonl", 0.43, 0.54, 0.36, 0.43}, // es10 round 2: .416 -> .436 (diplomats ordered out, "desechó"); earlier: third round .368 again (an aid accepted no longer coded), fourth .390; // pt9 round: .368, then .364 (P .483 -> .467: "Delegaciones de Rusia y Ucrania ... negociaciones" codes RUS->UKR 046 where the gold has RUSGOV->UKRGOV, a sector slip that countries+root counts as a hit)
	{"../../testdata/gold/wire6-pt.jsonl", 0.51, 0.59, 0.45, 0.51}, // pt9 round: .493, second round .514. crowd round: one trip coded where the gold has aid to a third place (BRAMIL->EGY 042 for ->PSE 073)
	{"../../testdata/gold/wire6-de.jsonl", 0.58, 0.67, 0.51, 0.58}, // second round: "Dörfer überfallen und ... getötet" codes 190 where the gold says 180 (P .636 -> .609)
	{"../../testdata/gold/wire6-nl.jsonl", 0.64, 0.69, 0.60, 0.64}, // nl11: .628 -> .651
	{"../../testdata/gold/wire6-zh.jsonl", 0.37, 0.49, 0.29, 0.37},
	{"../../testdata/gold/wire6-vi.jsonl", 0.58, 0.64, 0.53, 0.58}, // crowd round: R .395 -> .442; P .62 -> .613 by the sector slips of two new c+r hits (VNM for VNMMIL)
	{"../../testdata/gold/wire6-en-long.jsonl", 0.50, 0.55, 0.45, 0.50},
	// wire7: held-out sets written blind in the session of 2026-12-05 06:10-09:10 (three helpers, 06:10-06:18),
	// scored only at its start (480fe8d) and end (docs/eval.md "Held-out sets written blind, a third time").
	{"../../testdata/gold/wire7-en.jsonl", 0.79, 0.92, 0.68, 0.79},
	{"../../testdata/gold/wire7-fr.jsonl", 0.64, 0.77, 0.54, 0.64},
	{"../../testdata/gold/wire7-it.jsonl", 0.72, 0.84, 0.63, 0.72}, // it10: .658 -> .694 -> .720 -> .727 (round 3: P .871 -> .848, the unnamed bomber of it-w7-033 coded again at the place, a countries+root hit)
	{"../../testdata/gold/wire7-es.jsonl", 0.61, 0.72, 0.53, 0.61}, // pt9 round: .612
	{"../../testdata/gold/wire7-pt.jsonl", 0.59, 0.68, 0.52, 0.59}, // pt9 round: .556, second round .575; pt11 .595
	{"../../testdata/gold/wire7-de.jsonl", 0.47, 0.59, 0.39, 0.47},
	{"../../testdata/gold/wire7-nl.jsonl", 0.74, 0.80, 0.70, 0.74},
	{"../../testdata/gold/wire7-zh.jsonl", 0.59, 0.70, 0.50, 0.59},
	{"../../testdata/gold/wire7-vi.jsonl", 0.82, 0.84, 0.80, 0.82},
	// wire8: held-out sets written blind in the session of 2026-12-05 09:12-12:12 (three helpers, 09:13-09:22),
	// scored only at its start (de40284) and end (docs/eval.md "Held-out sets written blind, a fourth time").
	{"../../testdata/gold/wire8-en.jsonl", 0.74, 0.80, 0.69, 0.74},
	{"../../testdata/gold/wire8-fr.jsonl", 0.56, 0.60, 0.52, 0.56},
	{"../../testdata/gold/wire8-it.jsonl", 0.69, 0.70, 0.68, 0.69}, // it10 round 2: .633 -> .699
	{"../../testdata/gold/wire8-es.jsonl", 0.70, 0.76, 0.65, 0.70}, // pt9 round: .685, second round .703
	{"../../testdata/gold/wire8-pt.jsonl", 0.63, 0.66, 0.60, 0.63}, // pt9 round: .587, second round .632
	{"../../testdata/gold/wire8-de.jsonl", 0.72, 0.84, 0.64, 0.72}, // de9: .516 -> .730
	{"../../testdata/gold/wire8-nl.jsonl", 0.48, 0.60, 0.40, 0.48}, // nl11: .482 -> .500
	{"../../testdata/gold/wire8-zh.jsonl", 0.62, 0.70, 0.56, 0.62},
	{"../../testdata/gold/wire8-vi.jsonl", 0.48, 0.56, 0.42, 0.48},
	// wire9: held-out sets written blind in the session of 2026-12-05 12:00-15:00 (three helpers, 12:02-12:10),
	// scored only at its start (ecd049e) and end (docs/eval.md "Held-out sets written blind, a fifth time").
	{"../../testdata/gold/wire9-en.jsonl", 0.70, 0.73, 0.67, 0.70},
	{"../../testdata/gold/wire9-fr.jsonl", 0.57, 0.66, 0.50, 0.57},
	{"../../testdata/gold/wire9-it.jsonl", 0.64, 0.68, 0.60, 0.64}, // it10: .574 -> .633 -> .646
	{"../../testdata/gold/wire9-es.jsonl", 0.67, 0.69, 0.65, 0.67}, // es10 round 2: .637 -> .674
	{"../../testdata/gold/wire9-pt.jsonl", 0.74, 0.84, 0.66, 0.74}, // pt11 .747
	{"../../testdata/gold/wire9-de.jsonl", 0.72, 0.86, 0.62, 0.72},
	{"../../testdata/gold/wire9-nl.jsonl", 0.68, 0.83, 0.58, 0.68}, // nl11: .649 -> .700
	{"../../testdata/gold/wire9-zh.jsonl", 0.60, 0.82, 0.47, 0.60},
	{"../../testdata/gold/wire9-vi.jsonl", 0.79, 0.83, 0.75, 0.79},
	// wire10: held-out sets written blind in the session of 2026-12-05 15:08-18:07 (three helpers, 15:09-15:16),
	// scored only at its start (76ef928) and end (docs/eval.md "Held-out sets written blind, a sixth time").
	{"../../testdata/gold/wire10-en.jsonl", 0.77, 0.77, 0.76, 0.77},
	{"../../testdata/gold/wire10-fr.jsonl", 0.70, 0.77, 0.64, 0.70},
	{"../../testdata/gold/wire10-it.jsonl", 0.69, 0.78, 0.61, 0.69},
	{"../../testdata/gold/wire10-es.jsonl", 0.58, 0.69, 0.51, 0.58},
	{"../../testdata/gold/wire10-pt.jsonl", 0.62, 0.67, 0.58, 0.62}, // pt11 .628
	{"../../testdata/gold/wire10-de.jsonl", 0.79, 0.96, 0.67, 0.79},
	{"../../testdata/gold/wire10-nl.jsonl", 0.64, 0.71, 0.58, 0.64}, // nl11: .597 -> .659
	{"../../testdata/gold/wire10-zh.jsonl", 0.45, 0.49, 0.42, 0.45},
	{"../../testdata/gold/wire10-vi.jsonl", 0.71, 0.83, 0.63, 0.71},
	// wire11 and protest11-es: held-out sets written blind in the session of 2026-12-05 18:02-21:02 (four
	// helpers, 18:04-18:14 and 19:36-19:40), scored only at its start (a7ec5da) and end (docs/eval.md "Held-out
	// sets written blind, a seventh time").
	{"../../testdata/gold/wire11-en.jsonl", 0.71, 0.79, 0.64, 0.71},
	{"../../testdata/gold/wire11-fr.jsonl", 0.74, 0.85, 0.65, 0.74},
	{"../../testdata/gold/wire11-it.jsonl", 0.71, 0.80, 0.64, 0.71},
	{"../../testdata/gold/wire11-es.jsonl", 0.64, 0.79, 0.54, 0.64},
	{"../../testdata/gold/wire11-pt.jsonl", 0.78, 0.85, 0.73, 0.78},
	{"../../testdata/gold/wire11-de.jsonl", 0.70, 0.78, 0.64, 0.70},
	{"../../testdata/gold/wire11-nl.jsonl", 0.74, 0.88, 0.63, 0.74},
	{"../../testdata/gold/wire11-zh.jsonl", 0.69, 0.79, 0.61, 0.69},
	{"../../testdata/gold/wire11-vi.jsonl", 0.81, 0.83, 0.78, 0.81},
	// wire12: held-out sets written blind in the session of 2026-12-06 00:07-03:05 (two helpers, 00:08-00:25),
	// scored only at its start (6689831) and end (docs/eval.md "Held-out sets written blind, an eighth time").
	{"../../testdata/gold/wire12-en.jsonl", 0.67, 0.75, 0.60, 0.67},
	{"../../testdata/gold/wire12-fr.jsonl", 0.70, 0.76, 0.64, 0.70},
	{"../../testdata/gold/wire12-es.jsonl", 0.79, 0.83, 0.76, 0.79},
	{"../../testdata/gold/wire12-pt.jsonl", 0.62, 0.73, 0.54, 0.62},
	{"../../testdata/gold/wire12-it.jsonl", 0.57, 0.73, 0.46, 0.57},
	{"../../testdata/gold/wire12-de.jsonl", 0.54, 0.68, 0.45, 0.54}, // code14b: the verb lexicon, .494 -> .550
	{"../../testdata/gold/wire12-nl.jsonl", 0.65, 0.76, 0.57, 0.65},
	{"../../testdata/gold/wire12-vi.jsonl", 0.84, 0.89, 0.80, 0.84},
	{"../../testdata/gold/wire12-zh.jsonl", 0.65, 0.72, 0.60, 0.65},
	// wire13: held-out sets written blind in the session of 2026-12-06 03:17-06:15 (three helpers, 03:18-03:33),
	// scored only at its start (339dfa4) and end (docs/eval.md "Held-out sets written blind, a ninth time").
	{"../../testdata/gold/wire13-en.jsonl", 0.70, 0.72, 0.66, 0.70}, // .688 -> .701 (code15a: verb lexicon); P .73 -> .72 (code27a): en-w13-039 codes Iran's release of five Americans "in exchange for five Iranians held in the United States" one way, where wire7/12/17/18/22/23-en code such a swap, the same Iranian one included, both ways
	{"../../testdata/gold/wire13-fr.jsonl", 0.69, 0.78, 0.62, 0.69}, // .651 -> .698 (code15a: verb lexicon)
	{"../../testdata/gold/wire13-es.jsonl", 0.84, 0.86, 0.83, 0.84},
	{"../../testdata/gold/wire13-pt.jsonl", 0.77, 0.77, 0.77, 0.77},
	{"../../testdata/gold/wire13-it.jsonl", 0.62, 0.76, 0.53, 0.62},
	{"../../testdata/gold/wire13-de.jsonl", 0.57, 0.68, 0.49, 0.57},
	{"../../testdata/gold/wire13-nl.jsonl", 0.54, 0.68, 0.45, 0.54},
	{"../../testdata/gold/wire13-vi.jsonl", 0.69, 0.78, 0.61, 0.69},
	{"../../testdata/gold/wire13-zh.jsonl", 0.72, 0.85, 0.62, 0.72},
	// wire14: held-out sets written blind in the session of 2026-12-06 06:13-09:13 (three helpers, 06:14-06:24),
	// scored only at its start (ac22ce1) and end (docs/eval.md "Held-out sets written blind, a tenth time").
	{"../../testdata/gold/wire14-en.jsonl", 0.62, 0.68, 0.57, 0.62},
	{"../../testdata/gold/wire14-fr.jsonl", 0.62, 0.76, 0.52, 0.62},
	{"../../testdata/gold/wire14-es.jsonl", 0.72, 0.82, 0.64, 0.72},
	{"../../testdata/gold/wire14-pt.jsonl", 0.67, 0.78, 0.58, 0.67},
	{"../../testdata/gold/wire14-it.jsonl", 0.63, 0.70, 0.57, 0.63},
	{"../../testdata/gold/wire14-de.jsonl", 0.60, 0.78, 0.48, 0.60},
	{"../../testdata/gold/wire14-nl.jsonl", 0.62, 0.73, 0.54, 0.62},
	{"../../testdata/gold/wire14-vi.jsonl", 0.70, 0.75, 0.66, 0.70},
	{"../../testdata/gold/wire14-zh.jsonl", 0.64, 0.76, 0.54, 0.64},
	// wire15: held-out sets written blind in the session of 2026-12-06 09:20-12:20 (three helpers, 09:21-09:33),
	// scored only at its start (4db129f) and end (docs/eval.md "Held-out sets written blind, an eleventh time");
	// floors raised to round seventeen's end (fe01df2: root F1 .623 -> .699 in all).
	{"../../testdata/gold/wire15-en.jsonl", 0.69, 0.79, 0.61, 0.69},
	{"../../testdata/gold/wire15-fr.jsonl", 0.69, 0.84, 0.58, 0.69},
	{"../../testdata/gold/wire15-es.jsonl", 0.74, 0.92, 0.62, 0.74},
	{"../../testdata/gold/wire15-pt.jsonl", 0.59, 0.74, 0.49, 0.59},
	{"../../testdata/gold/wire15-it.jsonl", 0.76, 0.83, 0.71, 0.76},
	{"../../testdata/gold/wire15-de.jsonl", 0.69, 0.91, 0.55, 0.69},
	{"../../testdata/gold/wire15-nl.jsonl", 0.75, 0.96, 0.62, 0.75},
	// code20c: P .78 -> .77: a purpose clause after an aside now read ("... Mexico ... (giờ địa phương) để bắt X": the embassy as arrester); F1 .690 -> .697
	{"../../testdata/gold/wire15-vi.jsonl", 0.69, 0.77, 0.61, 0.69}, // R .63 -> .61 (round 26): Kim Yo Jong is an actor now, and "Triều Tiên ... cảnh báo" matched across her only by chance
	{"../../testdata/gold/wire15-zh.jsonl", 0.67, 0.87, 0.54, 0.67},
	// wire16: held-out sets written blind in the session of 2026-12-06 12:08-15:08 (three helpers, 12:13-12:17),
	// scored only at its start (7e19f0d) and end (fe01df2) (docs/eval.md "Held-out sets written blind, a twelfth time");
	// floors raised to round eighteen's end (ee2a822: root F1 .584 -> .657 in all).
	{"../../testdata/gold/wire16-en.jsonl", 0.63, 0.73, 0.55, 0.63},
	{"../../testdata/gold/wire16-fr.jsonl", 0.72, 0.82, 0.64, 0.72},
	{"../../testdata/gold/wire16-es.jsonl", 0.72, 0.81, 0.64, 0.72},
	{"../../testdata/gold/wire16-pt.jsonl", 0.55, 0.72, 0.44, 0.55},
	{"../../testdata/gold/wire16-it.jsonl", 0.68, 0.80, 0.59, 0.68},
	{"../../testdata/gold/wire16-de.jsonl", 0.69, 0.85, 0.59, 0.69},
	{"../../testdata/gold/wire16-nl.jsonl", 0.58, 0.76, 0.46, 0.58},
	{"../../testdata/gold/wire16-vi.jsonl", 0.69, 0.79, 0.61, 0.69},
	{"../../testdata/gold/wire16-zh.jsonl", 0.59, 0.83, 0.46, 0.59},
	// wire17: held-out sets written blind in the session of 2026-12-06 14:55-17:55 (three helpers, 14:55-15:03),
	// scored only at its start (b5f5c7d) and end (ee2a822) (docs/eval.md "Held-out sets written blind, a thirteenth time");
	// floors raised to round nineteen's end (dd12441), when it was the census set.
	{"../../testdata/gold/wire17-en.jsonl", 0.65, 0.74, 0.58, 0.65},
	{"../../testdata/gold/wire17-fr.jsonl", 0.62, 0.83, 0.49, 0.62},
	{"../../testdata/gold/wire17-es.jsonl", 0.65, 0.86, 0.53, 0.65},
	{"../../testdata/gold/wire17-pt.jsonl", 0.77, 0.83, 0.71, 0.77},
	{"../../testdata/gold/wire17-it.jsonl", 0.64, 0.83, 0.52, 0.64},
	{"../../testdata/gold/wire17-de.jsonl", 0.51, 0.76, 0.39, 0.51},
	{"../../testdata/gold/wire17-nl.jsonl", 0.67, 0.88, 0.55, 0.67},
	{"../../testdata/gold/wire17-vi.jsonl", 0.72, 0.78, 0.66, 0.72},
	{"../../testdata/gold/wire17-zh.jsonl", 0.60, 0.70, 0.52, 0.60},
	// wire18: held-out sets written blind in the session of 2026-12-06 17:57-20:57 (three helpers, 17:58-18:08),
	// scored only at its start (a96aace) and end (dd12441) (docs/eval.md "Held-out sets written blind, a fourteenth time");
	// floors raised to round twenty's end (a711717).
	{"../../testdata/gold/wire18-en.jsonl", 0.63, 0.75, 0.55, 0.63},
	// code20a: F1 and R raised to round 20 (.550 -> .588); P lowered, its two new false positives are events of the
	// right root and pair whose actor the actor stage gives otherwise ("les douanes chinoises" CHN, not CHNGOV; the
	// Nouvelle-Calédonie FRA, not NCL)
	{"../../testdata/gold/wire18-fr.jsonl", 0.60, 0.78, 0.49, 0.60},
	{"../../testdata/gold/wire18-es.jsonl", 0.76, 0.85, 0.69, 0.76},
	// P .82 -> .81 (code20e): an import ban now coded (+2 TP in the set) whose source the actor stage reads wrong
	// ("Ministério do Comércio turco" as PSEGOV: an actor miss); F1 .651 -> .674
	{"../../testdata/gold/wire18-pt.jsonl", 0.69, 0.83, 0.59, 0.69},
	{"../../testdata/gold/wire18-it.jsonl", 0.64, 0.79, 0.54, 0.64},
	{"../../testdata/gold/wire18-de.jsonl", 0.66, 0.82, 0.55, 0.66},
	{"../../testdata/gold/wire18-nl.jsonl", 0.67, 0.88, 0.54, 0.67},
	// code20c: F1 .629 -> .681; P .875 -> .865 (a verdict by a court "do chính quyền quân sự Myanmar kiểm soát": the junta as source)
	{"../../testdata/gold/wire18-vi.jsonl", 0.68, 0.86, 0.56, 0.68},
	{"../../testdata/gold/wire18-zh.jsonl", 0.62, 0.78, 0.52, 0.62},
	// wire19: held-out sets written blind in the session of 2026-12-06 20:57-23:57 (three helpers, 20:57-21:05),
	// scored only at its start (d8eee49) and end (a711717)
	// (docs/eval.md "Held-out sets written blind, a fifteenth time"); floors raised at the end of round 21.
	{"../../testdata/gold/wire19-en.jsonl", 0.57, 0.73, 0.46, 0.57},
	{"../../testdata/gold/wire19-fr.jsonl", 0.73, 0.89, 0.62, 0.73},
	{"../../testdata/gold/wire19-es.jsonl", 0.71, 0.83, 0.62, 0.71},
	{"../../testdata/gold/wire19-pt.jsonl", 0.69, 0.82, 0.60, 0.69},
	{"../../testdata/gold/wire19-it.jsonl", 0.73, 0.81, 0.66, 0.73},
	{"../../testdata/gold/wire19-de.jsonl", 0.64, 0.80, 0.53, 0.64},
	{"../../testdata/gold/wire19-nl.jsonl", 0.64, 0.90, 0.50, 0.64},
	{"../../testdata/gold/wire19-vi.jsonl", 0.72, 0.85, 0.62, 0.72},
	{"../../testdata/gold/wire19-zh.jsonl", 0.69, 0.79, 0.62, 0.69},
	// wire20: held-out sets written blind in the session of 2026-12-07 00:09-03:09 (three helpers, 00:10-00:17),
	// scored only at its start (8a17e93) and end (df4f0ff) (docs/eval.md "Held-out sets written blind, a sixteenth time").
	{"../../testdata/gold/wire20-en.jsonl", 0.65, 0.75, 0.58, 0.65},
	{"../../testdata/gold/wire20-fr.jsonl", 0.80, 0.93, 0.71, 0.80},
	{"../../testdata/gold/wire20-es.jsonl", 0.73, 0.81, 0.65, 0.73},
	{"../../testdata/gold/wire20-pt.jsonl", 0.71, 0.83, 0.61, 0.71},
	{"../../testdata/gold/wire20-it.jsonl", 0.80, 0.81, 0.79, 0.80},
	{"../../testdata/gold/wire20-de.jsonl", 0.76, 0.84, 0.69, 0.76},
	{"../../testdata/gold/wire20-nl.jsonl", 0.66, 0.87, 0.53, 0.66},
	{"../../testdata/gold/wire20-vi.jsonl", 0.72, 0.83, 0.63, 0.72},
	{"../../testdata/gold/wire20-zh.jsonl", 0.67, 0.83, 0.56, 0.67},
	// wire21: held-out sets written blind in the session of 2026-12-07 03:08-06:08 (four helpers, 03:10-03:26),
	// scored only at its start (d552c58) and end (0d42031) (docs/eval.md "Held-out sets written blind, a seventeenth time");
	// the census set of round 23, its floors raised to that round's end (persona non grata relabelled 174 in wire21-pt).
	{"../../testdata/gold/wire21-en.jsonl", 0.60, 0.69, 0.52, 0.60},
	{"../../testdata/gold/wire21-fr.jsonl", 0.73, 0.85, 0.64, 0.73},
	{"../../testdata/gold/wire21-es.jsonl", 0.64, 0.82, 0.52, 0.64},
	{"../../testdata/gold/wire21-pt.jsonl", 0.65, 0.84, 0.52, 0.65},
	{"../../testdata/gold/wire21-it.jsonl", 0.77, 0.83, 0.72, 0.77},
	{"../../testdata/gold/wire21-de.jsonl", 0.83, 0.99, 0.71, 0.83},
	{"../../testdata/gold/wire21-nl.jsonl", 0.62, 0.83, 0.49, 0.62},
	{"../../testdata/gold/wire21-vi.jsonl", 0.66, 0.87, 0.53, 0.66},
	{"../../testdata/gold/wire21-zh.jsonl", 0.62, 0.74, 0.53, 0.62},
	// wire22: held-out sets written blind in the session of 2026-12-07 05:59-08:59 (four helpers, 06:02-06:22),
	// scored only at its start (572ed2f) and end (04e43cc) (docs/eval.md "Held-out sets written blind, an eighteenth time").
	{"../../testdata/gold/wire22-en.jsonl", 0.62, 0.74, 0.53, 0.62},
	// wire22-fr P .90 -> .88 (code26b): the ultimatum to "la junte de Niamey" is coded now (139, F1 .725 -> .732), its
	// target read as the government (fr/agents: a ruling junta is GOV) where this set writes NERMIL
	{"../../testdata/gold/wire22-fr.jsonl", 0.72, 0.88, 0.60, 0.72},
	{"../../testdata/gold/wire22-es.jsonl", 0.60, 0.73, 0.51, 0.60},
	{"../../testdata/gold/wire22-pt.jsonl", 0.63, 0.74, 0.56, 0.63},
	{"../../testdata/gold/wire22-it.jsonl", 0.68, 0.82, 0.58, 0.68},
	{"../../testdata/gold/wire22-de.jsonl", 0.69, 0.83, 0.59, 0.69},
	{"../../testdata/gold/wire22-nl.jsonl", 0.57, 0.81, 0.44, 0.57},
	{"../../testdata/gold/wire22-vi.jsonl", 0.65, 0.76, 0.57, 0.65},
	{"../../testdata/gold/wire22-zh.jsonl", 0.62, 0.74, 0.52, 0.62},
	// wire23: held-out sets written blind in the session of 2026-12-07 11:53-14:53 (three helpers, 11:55-12:06),
	// scored only at its start (cf00db3b) and end (docs/eval.md "Held-out sets written blind, a nineteenth time").
	{"../../testdata/gold/wire23-en.jsonl", 0.69, 0.72, 0.66, 0.69}, // code26a .673 -> .694
	{"../../testdata/gold/wire23-fr.jsonl", 0.61, 0.65, 0.56, 0.61},
	{"../../testdata/gold/wire23-es.jsonl", 0.73, 0.87, 0.63, 0.73}, // code26a .607 -> .681 -> .737
	{"../../testdata/gold/wire23-pt.jsonl", 0.71, 0.80, 0.64, 0.71}, // code26a .629 -> .717
	{"../../testdata/gold/wire23-it.jsonl", 0.71, 0.82, 0.63, 0.71},
	{"../../testdata/gold/wire23-de.jsonl", 0.66, 0.75, 0.59, 0.66},
	{"../../testdata/gold/wire23-nl.jsonl", 0.88, 0.92, 0.84, 0.88}, // code26c .857 -> .884
	{"../../testdata/gold/wire23-vi.jsonl", 0.80, 0.80, 0.80, 0.80}, // code26c .791 -> .804
	{"../../testdata/gold/wire23-zh.jsonl", 0.61, 0.70, 0.54, 0.61}, // code26c .507 -> .620
	// wire24: held-out sets written blind in the session of 2026-12-07 14:32-17:32 (three helpers, 14:33-14:41),
	// scored only at its start (e3179a9c) and end (docs/eval.md "Held-out sets written blind, a twentieth time").
	{"../../testdata/gold/wire24-en.jsonl", 0.62, 0.67, 0.57, 0.62}, // code27d .565 -> .581 -> .597; with code27a (.565 -> .588 alone) .621
	{"../../testdata/gold/wire24-fr.jsonl", 0.84, 0.92, 0.78, 0.84}, // code27b .750 -> .819 -> .833; with code27d .847
	{"../../testdata/gold/wire24-es.jsonl", 0.74, 0.75, 0.73, 0.74}, // .682 -> .697 (code27a); code27d -> .742
	{"../../testdata/gold/wire24-pt.jsonl", 0.73, 0.81, 0.66, 0.73}, // code27d .700 -> .732
	{"../../testdata/gold/wire24-it.jsonl", 0.82, 0.90, 0.76, 0.82}, // code27b .771 -> .786 -> .800; code27d -> .814 -> .828
	{"../../testdata/gold/wire24-de.jsonl", 0.73, 0.84, 0.65, 0.73}, // code27b .694 -> .740
	{"../../testdata/gold/wire24-nl.jsonl", 0.75, 0.86, 0.66, 0.75}, // code27d .736 -> .750
	{"../../testdata/gold/wire24-vi.jsonl", 0.74, 0.76, 0.71, 0.74}, // code27d .727 -> .742
	{"../../testdata/gold/wire24-zh.jsonl", 0.73, 0.78, 0.69, 0.73}, // code27c .640 -> .711; code27d -> .727; code28c (zh clause-chain on) .734, P .800 -> .784: "宣布，美軍已成功空襲……，並警告伊朗" reads the warning from the army of the announced clause (USAMIL, gold USAGOV 1384)
	// wire25: held-out sets written blind in the session of 2026-12-07 17:27-20:27 (three helpers, 17:28-17:37),
	// scored only at its start (aa55341e) and end (docs/eval.md "Held-out sets written blind, a twenty-first time").
	{"../../testdata/gold/wire25-en.jsonl", 0.78, 0.82, 0.75, 0.78}, // start 0.733, end 0.769; 0.787 (code28a)
	{"../../testdata/gold/wire25-fr.jsonl", 0.89, 0.97, 0.83, 0.89}, // start 0.789, end 0.816; code28b .846 (a release demanded with the holder in the content, a handshake); with code28d (joint exercises 062, 154 answering threats) .897
	{"../../testdata/gold/wire25-es.jsonl", 0.78, 0.90, 0.68, 0.78}, // start 0.729, end 0.742; 0.755 (code28a); code28d (154 answering threats, retaliation if) .780
	{"../../testdata/gold/wire25-pt.jsonl", 0.81, 0.87, 0.76, 0.81}, // start 0.691, end 0.723; 0.738 (code28a); 0.762 with code28d; with code28a .776; .818 with code28e (likewise: "tal como fizeram X")
	{"../../testdata/gold/wire25-it.jsonl", 0.79, 0.87, 0.72, 0.79}, // start 0.667, end 0.732; code28b .750 (an arrest by the Hong Kong police of a person no dictionary names); with code28d (152 amid tension with T) .767; .795 with code28e (comitative relatives, abstentions, decrees)
	{"../../testdata/gold/wire25-de.jsonl", 0.76, 0.86, 0.68, 0.76}, // start 0.684, end 0.684; code28b .765 (a visit noun before a since-phrase, arms received, a Strukturermittlungsverfahren, an accusation attributed by a participle)
	{"../../testdata/gold/wire25-nl.jsonl", 0.84, 0.94, 0.75, 0.84}, // start 0.828, end 0.828; code28d ("een prijs zal betalen" 130) .841
	{"../../testdata/gold/wire25-vi.jsonl", 0.77, 0.88, 0.68, 0.77}, // start 0.759, end 0.759; .775 with code28e ("và cùng X ký")
	{"../../testdata/gold/wire25-zh.jsonl", 0.77, 0.87, 0.69, 0.77}, // start 0.611, end 0.658; .685 (code28c: orders to leave, releases after a detention told as background, palaces stormed); code28d (ultimatum to a bracketed short name) .712; with code28c's zh clause-chain .773
	// wire26: held-out sets written blind in the session of 2026-12-07 20:21-23:21 (three helpers, 20:23-20:40),
	// scored only at its start (9222cd09) and end (docs/eval.md "Held-out sets written blind, a twenty-second time").
	{"../../testdata/gold/wire26-en.jsonl", 0.68, 0.84, 0.58, 0.68}, // start 0.688, end 0.688
	{"../../testdata/gold/wire26-fr.jsonl", 0.75, 0.88, 0.65, 0.75}, // start 0.753, end 0.753
	{"../../testdata/gold/wire26-es.jsonl", 0.63, 0.73, 0.56, 0.63}, // start 0.638, end 0.638
	{"../../testdata/gold/wire26-pt.jsonl", 0.75, 0.88, 0.65, 0.75}, // start 0.725, end 0.756
	{"../../testdata/gold/wire26-it.jsonl", 0.73, 0.76, 0.70, 0.73}, // start 0.674, end 0.733
	{"../../testdata/gold/wire26-de.jsonl", 0.63, 0.72, 0.56, 0.63}, // start 0.634, end 0.634
	{"../../testdata/gold/wire26-nl.jsonl", 0.62, 0.73, 0.54, 0.62}, // start 0.626, end 0.626
	{"../../testdata/gold/wire26-vi.jsonl", 0.72, 0.85, 0.63, 0.72}, // start 0.727, end 0.727
	{"../../testdata/gold/wire26-zh.jsonl", 0.68, 0.73, 0.64, 0.68}, // start 0.629, end 0.689
	// code17c (2026-12-06): own zh/vi sentences of the breadth round, written before its rules; .565 -> .653, then .640
	// (予以谴责 finds its target, but "美國聯邦參議院" resolves as the bare country)
	{"../../testdata/gold/code17c.jsonl", 0.63, 0.72, 0.56, 0.55},
	// code18c (2026-12-06): own zh/vi sentences of round 18, written before its rules; .560 -> .807
	{"../../testdata/gold/code18c.jsonl", 0.80, 0.84, 0.76, 0.68},
	// code19c (2026-12-06): own zh/vi sentences of round 19, written before its rules; .585 -> .844
	{"../../testdata/gold/code19c.jsonl", 0.84, 0.86, 0.82, 0.83},
	// code20c (2026-12-06): own zh/vi sentences of round 20, written before its rules; .263 -> .696
	{"../../testdata/gold/code20c.jsonl", 0.69, 0.76, 0.64, 0.66},
	// code21c (2026-12-07): own zh/vi sentences of round 21, written before its rules; .711 -> .857
	{"../../testdata/gold/code21c.jsonl", 0.85, 0.83, 0.87, 0.81},
	// code22c (2026-12-07): own zh/vi sentences of round 22, written before its rules; .459 -> .548
	{"../../testdata/gold/code22c.jsonl", 0.54, 0.58, 0.51, 0.42},
	// code23c (2026-12-07): own zh/vi sentences of round 23, written before its rules; .706 -> .743
	{"../../testdata/gold/code23c.jsonl", 0.73, 0.99, 0.58, 0.61},
	{"../../testdata/gold/protest11-es.jsonl", 0.68, 0.68, 0.67, 0.68},
	{"../../testdata/gold/protest6-es.jsonl", 0.70, 0.77, 0.64, 0.70},
	{"../../testdata/gold/wire4-vi.jsonl", 0.87, 0.88, 0.86, 0.87},
	{"../../testdata/gold/protest-es3.jsonl", 0.87, 0.87, 0.87, 0.87},
	{"../../testdata/gold/wire3-es.jsonl", 0.84, 0.89, 0.79, 0.84},
	{"../../testdata/gold/wire3-pt.jsonl", 0.88, 0.90, 0.87, 0.88},
	{"../../testdata/gold/wire4-es.jsonl", 0.83, 0.87, 0.80, 0.83},
	{"../../testdata/gold/wire4-pt.jsonl", 0.81, 0.87, 0.76, 0.81},
	// wire3-fr P .91 -> .90 and wire3-it P .94 -> .93 (code28d): fr-w301 and it-w315 code two navies' joint
	// exercise 150 between them, where wire23, wire24 and wire25 (fr, it, pt, en, vi, zh) code such exercises 062
	{"../../testdata/gold/wire3-fr.jsonl", 0.83, 0.90, 0.76, 0.83},
	{"../../testdata/gold/wire3-it.jsonl", 0.77, 0.93, 0.65, 0.77},
	{"../../testdata/gold/wire4-fr.jsonl", 0.68, 0.72, 0.64, 0.68},
	{"../../testdata/gold/wire4-it.jsonl", 0.67, 0.83, 0.56, 0.67},
	{"../../testdata/gold/sweep-fr.jsonl", 0.90, 0.90, 0.90, 0.90},
	{"../../testdata/gold/sweep-it.jsonl", 0.88, 0.91, 0.85, 0.88},
	// en9: own English precision set of the class9 round (helper en9, 2026-12-05): role nouns, participles, calls,
	// welcomes, appeals for releases, accusations, wars recalled, labels, recalls for consultations, denials
	{"../../testdata/gold/en9.jsonl", 0.85, 0.83, 0.88, 0.85}, // 38 sentences at .875; with the 3 of the second round .861 (en9-041: the appeal to Turkey is coded, the gold names only the visit)
	{"../../testdata/gold/sweep-nl.jsonl", 0.84, 0.87, 0.82, 0.84},
	{"../../testdata/gold/frit9.jsonl", 0.87, 0.93, 0.82, 0.73},
	{"../../testdata/gold/sweep-de.jsonl", 0.88, 0.88, 0.88, 0.88},   // de9: written before its rules, .717 -> .891
	{"../../testdata/gold/sweep10-zh.jsonl", 0.86, 0.88, 0.84, 0.86}, // zh10: written before its rules, .699 -> .887
	{"../../testdata/gold/sweep10-it.jsonl", 0.94, 0.96, 0.91, 0.94}, // it10: written before its rules, .651 -> .960
	{"../../testdata/gold/sweep10-en.jsonl", 0.86, 0.84, 0.88, 0.86}, // en10: written before its rules, .632 -> .881
	{"../../testdata/gold/sweep10-fr.jsonl", 0.96, 0.96, 0.96, 0.96}, // fr10: a second French sweep, written before its rules, .777 -> .986
	{"../../testdata/gold/sweep11-de.jsonl", 0.94, 0.95, 0.93, 0.94}, // de11: a second German sweep, written before its rules, .679 -> .962
	{"../../testdata/gold/sweep11-zh.jsonl", 0.76, 0.80, 0.72, 0.76}, // zh11: a third Chinese sweep, written before its rules, .585 -> .772
	{"../../testdata/gold/sweep11-pt.jsonl", 0.94, 0.96, 0.92, 0.94}, // pt11: a second Portuguese sweep, written before its rules, .734 -> .952
	{"../../testdata/gold/sweep11-nl.jsonl", 0.90, 0.91, 0.89, 0.90}, // nl11: a second Dutch sweep, written before its rules, .702 -> .919
	// code13b: pairs whose second side a kind noun describes and agreements reached, written before their rules
	// (root F1 at 6689831: de .737, nl .706, vi .333, zh .571 -> .952, 1.0, .947, 1.0)
	{"../../testdata/gold/sweep13-de.jsonl", 0.95, 0.99, 0.90, 0.95},
	{"../../testdata/gold/sweep13-nl.jsonl", 0.99, 0.99, 0.99, 0.99},
	{"../../testdata/gold/sweep13-vi.jsonl", 0.94, 0.99, 0.89, 0.94},
	{"../../testdata/gold/sweep13-zh.jsonl", 0.99, 0.99, 0.99, 0.99},
	// code14b: own sentences of the verb-lexicon round (separable verbs, perfects, passives, fronted openers, bare
	// agents), written before its rules (root F1 at 339dfa4: de .748, nl .882 -> .790, .882); with the second German
	// batch of 12 (arrests of no actor, "Als erster ..." openers, aufbrechen, bedanken, erobern), .735 -> .780 (P .887)
	{"../../testdata/gold/sweep14-de.jsonl", 0.78, 0.88, 0.69, 0.78},
	{"../../testdata/gold/sweep14-nl.jsonl", 0.87, 0.90, 0.85, 0.87},
	// code14c: own sentences of round 14 for vi and zh (counted crowds, lifted sanctions and duties, arms sales, agent
	// passives, deportations, gifts told before their giver), written before its rules (root F1 at f122da7: vi .426,
	// zh .684 -> .708, .791)
	{"../../testdata/gold/sweep14-vi.jsonl", 0.70, 0.70, 0.70, 0.70},
	{"../../testdata/gold/sweep14-zh.jsonl", 0.78, 0.88, 0.70, 0.78},
	// code15b: own sentences of round 15 (the verb lexicon grown in de nl, brought to vi zh: new verbs across roots
	// 01-20 in the clause shapes), written before its rules (root F1 at ac22ce1: de .755, nl .731, vi .780, zh .833
	// -> .867, .862, .903, .833)
	{"../../testdata/gold/sweep15-de.jsonl", 0.86, 0.89, 0.83, 0.86},
	{"../../testdata/gold/sweep15-nl.jsonl", 0.86, 0.92, 0.80, 0.86},
	{"../../testdata/gold/sweep15-vi.jsonl", 0.90, 0.93, 0.87, 0.90},
	{"../../testdata/gold/sweep15-zh.jsonl", 0.83, 0.89, 0.78, 0.83},
	{"../../testdata/gold/sweep15-x.jsonl", 0.93, 0.99, 0.86, 0.66}, // code15c: a second act between the same two sides after "and", .686 -> .930
	// code16a: own sentences of round 16 (a country acting as a state, armed acts by a country, the target's office in
	// the object, the leader met on a visit; traps: crowds, a firm, an opposition politician), written before its
	// rules; countries+root .946 throughout, root .264 -> .946
	{"../../testdata/gold/sector16.jsonl", 0.94, 0.96, 0.92, 0.79},
	// mid16 (helper code16b, 2026-12-06): own German and Dutch sentences written before the rules of round 16
	{"../../testdata/gold/mid16-de.jsonl", 0.92, 0.96, 0.88, 0.92},   // .909 -> .925
	{"../../testdata/gold/mid16-nl.jsonl", 0.92, 0.93, 0.91, 0.92},   // .825 -> .928
	{"../../testdata/gold/shape16.jsonl", 0.74, 0.80, 0.70, 0.54},    // code16c: shapes around a known verb in en fr es pt it, .420 -> .752
	{"../../testdata/gold/sweep11-vi.jsonl", 0.95, 0.95, 0.95, 0.95}, // vi11: a second Vietnamese sweep, written before its rules, .761 -> .974
	// prec11: own sentences for causes of false positives (appeal content, accusation content after the accused,
	// kidnappings abroad, possible meetings), written before their rules, .654 -> .840
	{"../../testdata/gold/prec11.jsonl", 0.82, 0.93, 0.73, 0.66},
	// actorprec12: own sentences for actor-stage causes (bracketed wire datelines in Chinese, Sudan's RSF against
	// Reporters sans frontières, the Swiss Bundesrat, hostages, journalists, UNRWA), written before their rules, .800 -> .889; German misses are
	// the coder's (an attack on a camp that is no actor, "Sanktionen übernehmen")
	{"../../testdata/gold/actorprec12.jsonl", 0.88, 0.88, 0.88, 0.44},
	// actorprec12-regions: own sentences, security forces and protesters in a region named by a direction ("in
	// southern Iraq", "im Süden des Irak") in eight languages, written before any rule: the first figure. English
	// "security forces" and "armed forces" are no actor alone (their end, "forces", is an @own body)
	{"../../testdata/gold/actorprec12-regions.jsonl", 0.71, 0.83, 0.62, 0.0},
	// code16d: Chinese and Vietnamese shapes coded not at all (targets inside objects, 对台, 美方/日方, 北京 and Hà Nội
	// as metonyms, "phía X", "nước này", titles before the second side, "và Phu nhân"), written before their rules
	{"../../testdata/gold/zhvi16.jsonl", 0.79, 0.90, 0.70, 0.74}, // .741 -> .793
	// code17b: own German, Dutch and English sentences of round 17 in the shapes wire15 missed (long middle fields,
	// police firing on crowds, expulsions told as a deadline, official protests, adopted sanctions), written before
	// their rules
	{"../../testdata/gold/code17b.jsonl", 0.85, 0.91, 0.79, 0.78}, // .635 -> .865; with a second (12) and third batch (3): .727 -> .854
	// code17a: own fr es pt it sentences of round 17 (drills, aid packages, strikes on targets, decisions welcomed, tariffs,
	// envoys told to leave in the passive, pardons, dispersals, passive arrests), written before its rules, .774 -> .922
	{"../../testdata/gold/code17a.jsonl", 0.91, 0.93, 0.89, 0.86}, // P .94 -> .93 (round 26): "les Vingt-Sept" is the EU now, whose decision to open accession talks (036) the set leaves uncoded
	// code18a: own fr es pt it sentences of round 18 (a host's reception after "and" or "where", phone calls in an
	// adjunct, arrest warrants, recalled envoys, relations restored, soldiers killed in clashes, offers of help
	// accepted, passive arrests by the police, military operations launched, meetings told by their noun), written
	// before its rules, .442 -> .852
	{"../../testdata/gold/code18a.jsonl", 0.84, 0.96, 0.76, 0.73},
	// code18b: own German, Dutch and English sentences of round 18 in the families wire16 missed (offensive compounds,
	// pauses as truces, aid flights landed, sanctions laid on, insults, gunmen opening fire), written before its rules
	{"../../testdata/gold/code18b.jsonl", 0.90, 0.94, 0.86, 0.84}, // .492 -> .907
	// code19e: own Spanish and Portuguese sentences of round 19 (gunmen against a state body or civilians, strikes
	// launched "durante la madrugada", passive extraditions, a government's warning that names its own country,
	// conditional noun acts), written before its rules, .400 -> .971
	{"../../testdata/gold/code19e.jsonl", 0.96, 0.99, 0.94, 0.93},
	// code20e: own Spanish and Portuguese sentences of round 20 (arrests of people no dictionary names by the police,
	// arrests and import bans told by a noun, ceasefires between two sides, air strikes with the target before the
	// noun; a stopped advance and saved penalties as traps), written before its rules, .457 -> 1.000
	{"../../testdata/gold/code20e.jsonl", 0.99, 0.99, 0.99, 0.99},
	// code21e: own Spanish and Portuguese sentences of round 21 (coordinated object chains with a repeated genitive,
	// releases told by a noun, house arrests, passives with a late agent; pitch invasions and released funds as
	// traps), written before its rules, .475 -> .810
	{"../../testdata/gold/code21e.jsonl", 0.80, 0.79, 0.81, 0.79},
	// code22e: own Spanish and Portuguese sentences of round 22 (agreements reached, acts agreed after them, meetings
	// accepted, help asked for, relations cut told by a noun, insults without quotes; deals of clubs and companies,
	// a deal called historic as traps), written before its rules (the insult batch while they were drafted), .444 -> .833;
	// a third batch on states leaving an IGO, .722 -> .775 (three of its events read ECOWAS as IGOWAFWAS: code22d)
	{"../../testdata/gold/code22e.jsonl", 0.77, 0.79, 0.75, 0.69},
	// code23e: own Spanish and Portuguese sentences of round 23 (passives with a long middle, sanctions reimposed,
	// attacks claimed, unannounced visits, aid asked for by a noun, 0241 asked, subjunctive refusals, facilities
	// bombed; sport, party and negation traps), written before its rules, .667 -> .952; a second batch of 9 (police
	// raids, crowds dispersed, attacks claimed, strikes "llevaron a cabo"), .800 -> .952 over all 39
	{"../../testdata/gold/code23e.jsonl", 0.94, 0.99, 0.90, 0.94},
	// code19b: own German, Dutch and English sentences of round 19 in the families wire15-17 missed (prison
	// sentences, inclusion appositions, demanded releases, persona non grata), written before its rules
	{"../../testdata/gold/code19b.jsonl", 0.68, 0.74, 0.64, 0.56}, // .519 -> .690
	// code19a: own fr it sentences of round 19 (replies whose target is the party answered, qualifications of an act,
	// requests in a relative clause after a reception, crowds storming seats of power), written before its rules
	{"../../testdata/gold/code19a.jsonl", 0.89, 0.92, 0.86, 0.84}, // .472 -> .899
	// code20b: own German, Dutch and English sentences of round 20 in the families wire18 left uncoded (acts dated
	// since a month, ceasefires agreed with an infinitive, protest camps cleared, crowds breaking into a parliament,
	// relief flown to a country, duties with their rate, bans on a country's aircraft and ships, crowds marching to
	// demonstrate, premises searched, insults in a verb-final clause), written before its rules (a third English
	// batch of four while they were drafted)
	{"../../testdata/gold/code20b.jsonl", 0.91, 0.93, 0.90, 0.86}, // .554 -> .921
	// code21b: own German, Dutch and English sentences of round 21 (asides in commas in the middle field, relative and
	// subordinate clauses in commas before the participle, "aansprakelijk houden", a second passive after "and", two
	// sides before an apposition with an alias, fighting that erupts between two sides; a second batch: threats of
	// duties, an insult in the perfect, farmers marching to demonstrate), each batch written before its rules
	{"../../testdata/gold/code21b.jsonl", 0.84, 0.90, 0.78, 0.79}, // .642 -> .845
	// code22b: own German, Dutch and English sentences of round 22 (armed forces put on alert, mobilised, drills
	// announced; replies to a strike told before; meetings of two sides announced in the future; a reporting
	// clause's speaker is no target; visits told by crossing or flying into a country; recognition switched),
	// written before its rules
	{"../../testdata/gold/code22b.jsonl", 0.87, 0.89, 0.84, 0.85}, // .524 -> .874
	// code23b: own German, Dutch and English sentences of round 23 (killings of office holders told in the
	// passive with no agent named, demands for a release, import bans, troops reinforced at a border, arrest
	// warrants applied for, crowds breaking into a parliament, a deadline to leave, a call told with a long
	// adjective; traps: sport, fiction, a response delivered), written before its rules
	{"../../testdata/gold/code23b.jsonl", 0.82, 0.88, 0.75, 0.65}, // .529 -> .800; with the second batch .537 -> .825; all four (61) .827
	// code20a: own fr it sentences of round 20 (acts after "a décidé de", imports suspended, aircraft shot down,
	// receptions with a long middle, talks after a long middle, probes told by a noun, states of emergency in the
	// passive, aid packages), written before its rules
	{"../../testdata/gold/code20a.jsonl", 0.87, 0.96, 0.79, 0.81}, // .409 -> .873
	// code21a: own fr it sentences of round 21 (countries listed with their preposition repeated, agentless
	// killings announced by a government, fighting and arrests told by nouns, releases demanded, replies to a body,
	// attributed strikes, ceasefire agreements approved), written before its rules
	{"../../testdata/gold/code21a.jsonl", 0.74, 0.80, 0.68, 0.66}, // .542 -> .743
	// code22a: own fr it sentences of round 22 (arms requested, sanctions and duties lifted by verb and noun,
	// resignations demanded and asked, appeals for hostages, truces agreed, inquiries, negotiations rejected,
	// strikes before dawn, an ambassador of the recalling country), written before its rules
	{"../../testdata/gold/code22a.jsonl", 0.99, 0.99, 0.99, 0.99}, // .512 -> 1.000
	// second22: own sentences of round 22 in all nine languages (helper code22g): a sentence's second event beside
	// its first (an act told "in a phone call", "during his visit to", a crowd's protest in a relative clause beside
	// its policing, two coordinated acts, an accusation in a participle clause), with traps, written before its rules
	{"../../testdata/gold/second22.jsonl", 0.86, 0.91, 0.82, 0.72}, // .732 -> .870
	// clauses23: own sentences of round 23 in all nine languages (helper code23h): second and third events told as
	// clauses (a coordinated clause with its own subject, a reply, a background act after "after"/"nachdem", two
	// verbs of one subject), with traps (an act years ago, a reply with no other party), written before its rules
	{"../../testdata/gold/clauses23.jsonl", 0.89, 0.97, 0.83, 0.73}, // .889 -> .901
	// code23a: own fr it sentences of round 23 (killings in strikes told in the passive, seizures and arrests told
	// by a noun with "par" / "da parte di", sieges imposed, export bans, talks agreed, an envoy recalled with his
	// post named, aid approved, hostages, agentless releases), written before its rules
	{"../../testdata/gold/code23a.jsonl", 0.99, 0.99, 0.99, 0.99}, // .600 -> 1.000
	// long23: own sentences of round 23 in all nine languages (helper code23g): long real-news shapes whose verb and
	// actors are known but whose words between them break the pattern (participle phrases with their own agent,
	// genitive attributes with a title, cause phrases naming a person), with traps, written before its rules
	{"../../testdata/gold/long23.jsonl", 0.57, 0.62, 0.52, 0.00}, // .237 -> .575
	// breadth24: own sentences of round 24 (helper code24) for thin (code, language) cells of the verb packs (de/nl/
	// zh/vi 012 concern, de/nl/fr/it 196 ceasefires broken, pt 194 artillery, zh 112 blame, de/nl 090 probes opened,
	// vi/pt 055 apologies, pt 191 sieges and blockades, it 164 talks suspended, it/zh 016 denials, zh 125 talks
	// refused, vi 129 vetoes, pt 202 massacres, de/nl/vi 194 artillery, vi 046 negotiations, vi 016 denials, zh 186
	// targeted killings), with traps, written in four batches, each before its words
	{"../../testdata/gold/breadth24.jsonl", 0.94, 0.95, 0.93, 0.78}, // batch 1 .345 -> .988; all four -> .958
	// breadth24b: own sentences of round 24 (helper code24b) for more thin cells: pt/zh/vi 196 ceasefires broken, pt 162
	// aid cut, vi 152 military alert raised, de/nl 182 assault and torture (1822), fr/it 081 restrictions eased toward a
	// country, vi 086 humanitarian access allowed, es 055 apologies (scored without new words), with traps, written in
	// three batches, each before its words
	{"../../testdata/gold/breadth24b.jsonl", 0.86, 0.89, 0.83, 0.55}, // batch 1 .312 -> .864; two -> .893; three -> .882
	// breadth25a: own sentences of round 25 (helper code25a) for thin (code, language) cells of fr/it/pt/es: 185 attempts
	// on a life (unnamed attacker, survivor), 182 assaults in the passive, 194 artillery, 193 fire exchanged, 2041
	// chemical attacks, 115 cases brought to a court, 162 aid and funding cut, 164 talks suspended, es 191/196/202,
	// 074 police sent to a mission, pt 081 travel restrictions eased; batch 2: 150 drills, 086 humanitarian access,
	// 045 mediation, 092/094 inquiries into abuses and war crimes, 160 relations downgraded, 172 entry bans; batch 3:
	// 139 ultimatums, 075 asylum, 171 seizures, 142 hunger strikes, 183 bombings with no author; batch 4: 062 joint
	// patrols, 064 intelligence sharing, 1722 parties dissolved, 094 war-crimes inquiries; with traps, each batch
	// written before its words
	{"../../testdata/gold/breadth25a.jsonl", 0.96, 0.95, 0.97, 0.93}, // batch 1 .507 -> .936; 2 .513 -> .982; 3 .914 -> .973; 4 .462 -> 1.000; all .961
	// breadth25b: own sentences of round 25 (helper code25b) for thin de/nl/vi/zh cells: de/vi 181 kidnappings (hostages
	// taken, "in ihre Gewalt gebracht", "bắt đi", the passive with no agent), zh 145 embassies stormed,
	// zh/vi 202 massacres, vi 116 verdicts with the court as subject, zh/vi 143 strikes told as stoppages, zh/vi 172
	// parties dissolved and bans ordered, nl 183 bombs set off, nl 191 blockades; batch 2: de/nl/vi/zh 164 talks called off
	// or suspended, 071 loans and tranches paid (de/nl/zh scored without new words); batch 3: vi/zh 192 towns seized and
	// land annexed; with traps, each batch before its words
	{"../../testdata/gold/breadth25b.jsonl", 0.79, 0.82, 0.76, 0.68}, // batch 1 .261 -> .700; 2 -> .796 over 49; 3 -> .811 over 56
	// agents25: own sentences of round 25 (helper code25c) for unnamed actors of thin agent cells (docs/coverage-
	// agents.md) in nine languages: singular police officers and soldiers ("un policier", "ein Polizist", "un
	// carabiniere", "lính Nga"), separatists, kidnappers, militias, border guards, riot police, fishermen and
	// settlers (a country of their own only); batch 2: journalists, bloggers and students in the singular, spies,
	// human rights lawyers and activists; with traps (a police drama, company workers at a match, an activist
	// investor, a spy series), each batch written before its words
	{"../../testdata/gold/agents25.jsonl", 0.76, 0.77, 0.74, 0.54}, // batch 1 .413 -> .737; batch 2 .622 -> .836; all .779; zh .600 -> .545 with zh clause-chain on (code28c): "苏丹民兵袭击了……难民营，打死多名平民" now codes the killing (180) the gold leaves out
	// code26c: own sentences of round 26 (helper code26c) for zh/vi/nl families wire23 left uncoded: 139 ultimatums
	// and deadlines, 1312 threats of tariffs and sanctions, 085 sanctions lifted or eased, 073 rescue teams sent,
	// 091/092 inquiries opened, 154 mobilisations, 202 mass killings by armed groups, 181 kidnappings, 111 an act
	// condemned after it is told; batch 2: 112 held responsible, 19x fire returned, 129 vetoes, 125 talks rejected,
	// 085 sanctions ended by decree, 0332 tanks pledged with a bare dative; batch 3: 174 expulsions with a deadline to
	// leave, 161 envoys and diplomats withdrawn from a country; batch 4: 063 extraditions after an apposition; batch
	// 5: zh 161 relations ended ("终止与T的外交关系"); with traps, each batch before its words
	{"../../testdata/gold/code26c.jsonl", 0.85, 0.84, 0.85, 0.82}, // before .567; batch 1 .784; batch 2 (21 more) .533 -> .895, all .712 -> .821; batch 3 (8 more) .696 -> 1.000, all .800 -> .853; batch 4 (4 more) .800 before, all .851
	// code27c: own zh/nl/vi sentences of round 27 (helper code27c): Taiwanese datelines before a titled subject and a
	// purpose clause, a Taiwanese agency filing abroad, threats told by a condition, decided aid (0333) and
	// expulsions, no intention of talks (125), imports resumed and duties ended (085), a topic adverbial before a
	// protest, court sentences of defendants who are no actor; with traps, written before its data rules (the
	// dateline and condition fixes in coder came first)
	{"../../testdata/gold/code27c.jsonl", 0.90, 0.90, 0.90, 0.75}, // .604 before; coder fixes .679, clause-open .704, data .903 (decided aid: see README)
	// code26a: own es/pt/en sentences of round 26 for families wire23 left uncoded: refusals to rule out force (138),
	// hours given to a diplomat to leave (174), mobilisations decreed (154), inquiries opened by courts and
	// prosecutors (091), sanctions ended and tariffs paused (085), truces declared by one side (0871), aid accepted
	// from a named donor (0863); with traps, written before its rules
	{"../../testdata/gold/code26a.jsonl", 0.98, 0.99, 0.96, 0.96}, // .549 -> .985
	// code26d: own sentences of round 26 (helper code26d) for actors of sentences the coder left empty, in nine
	// languages: prosecutors and investigators ("attorney general", "地檢署", "Cơ quan Cảnh sát điều tra"), regional
	// bodies by their members' number or acronym ("les Vingt-Sept", "os Vinte e Sete", "Cédéao", "Cedeao"), juntas,
	// gangs by name or noun ("400 Mawozo", "băng đảng"), armed forces' units and contingents by name ("Unidad Militar
	// de Emergencias", "Aeronautica militare", "中国救援队", "poliziotti kenyani"), a leader's sister, victims with no
	// name and bombs with no author; with traps (an anniversary, a court official's reminder, a statistic), written
	// before its rules
	{"../../testdata/gold/code26d.jsonl", 0.53, 0.62, 0.47, 0.00}, // .423 before its rules; batch 1 .517; batch 2 .552
	// code26b: own fr/it/de sentences of round 26 (helper code26b) for the causes of wire23's misses: ultimatums told by
	// their deadline, inquiries and sanctions whose target is named in their content (an IGO's too), sanctions eased or
	// suspended, truces declared by one side, troops leaving a country, decrees that do the act, forces mobilised at
	// home; with traps, written before their words
	// batch 2: fighting told as an event between two armed sides (190), with two sport traps
	{"../../testdata/gold/code26b.jsonl", 0.90, 0.92, 0.88, 0.78}, // .538 -> .917; batch 2 (8 more) .878 -> .902 over 43
	// code27a: own en/es/pt sentences of round 27 for forms wire24 and the pool left uncoded: sanctions lifted or
	// eased whose target is named in their content (085, 0354), prisoner swaps told by one release "in exchange for"
	// the other's (0841 each way), acts told in a consequence clause ("led X to", "lo que llevó a X a", "levou X a");
	// with traps, written before its rules; its three "X and Y swapped prisoners" then set to one event, the house
	// convention for "X and Y"; batch 2: tariffs announced under a condition (1312: "would impose ... unless/if"),
	// deadlines given ("gave Hamas until noon on Saturday to", "dio a Polonia un plazo de tres meses para", "deram
	// 60 dias à Rússia para"), an accusation after a comma that names its target by a pronoun ("accusing them of",
	// "acusándola de", "acusando-o de"); with traps; batch 3: diplomats ordered out past a relative clause or "out
	// of" the country (174), soldiers holding a head of state (173: "held", "retuvo"); with a trap (soldiers held a
	// parade)
	{"../../testdata/gold/code27a.jsonl", 0.82, 0.82, 0.82, 0.74}, // .651 before its rules (.700 with the swaps set to one event); batch 1 .909; batch 2 (12 more) .754 -> .845 over 32; batch 3 (7 more) .805 -> .829 over 39
	// code27b: own fr/it/de sentences of round 27 (helper code27b) for the causes of wire24's and the pool's misses:
	// accusations rejected (016), persons handed to a state or a court (063), verdicts and death sentences (116),
	// talks ruled out (125), condolences sent by telegram (018), firms put under state control or expropriated
	// (1711), truces entering into force (0871); with traps, written before its rules; batch 2: acts condemned in a
	// clause that points back to them (111: ", was X kritisierte", ", ce que X a condamné", ", cosa che X ha
	// condannato"), condolences in a message (018), states of emergency declared or decreed (fr 1724); batch 3:
	// forces put on alert after another side's act (de/it 152), aid packages a legislature approves (de 070)
	{"../../testdata/gold/code27b.jsonl", 0.91, 0.95, 0.89, 0.86}, // .609 -> .897; batch 2 (12 more) .667 -> .970, all .838 -> .919; batch 3 (8 more) .000 -> .923, all .919 over 61
	// code27d: own sentences of round 27 (helper code27d) for violence in nine languages: mass killings told by a
	// victim count (202), bombings with no author or a suicide bomber (1831, 1832), named people shot or killed in
	// the passive (185, 186), kidnappings by unnamed armed men (181), air strikes and drones as nouns, artillery duels
	// and heavy fighting (195, 194, 190), mass expulsions and ethnic cleansing (201, 203); with traps (an accident,
	// a helicopter collision, a football match, a documentary, a gas blast), written before its rules
	// code28b: own de/it/fr sentences of round 28 (helper code28b) for forms wire25 and the pool leave uncoded in
	// these languages: apologies whose wronged country is named in their content (055), plans and proposals rejected
	// with their author after the participle (127), aid or cooperation suspended or cut (16), arms or aid received
	// from the giver (07, where "reçu"/"ricevuto" read a visit hosted), admissions of a killing (015), arrests by a
	// state body of a person no dictionary names (173), inquiries opened into a foreign side's acts (090); with
	// traps (a football match, export figures, an aid cut that may come), written before its rules
	// batch 2: arms sales and exports approved (072), releases demanded with the holding state in the content
	// (1053/0253), meetings told by a handshake (04); with a trap (a sale not yet approved)
	// batch 3 (de): a visit noun followed by a since-phrase naming another actor (042), accusations rejected with
	// their author in an attributive participle (016), arms in an inflected noun received (072), an inquiry told by a
	// compound noun after its grounds (090); with a trap (a team's arrival)
	{"../../testdata/gold/code28b.jsonl", 0.89, 0.92, 0.85, 0.84}, // .571 before its rules; batch 1 .899; batch 2 (16 more) .764 -> .889 over 53; batch 3 (11 more) .471 -> .900, all .828 -> .891 over 64
	{"../../testdata/gold/code27d.jsonl", 0.87, 0.90, 0.84, 0.57}, // .541 before its rules; batch 1 (202 by count, 185/186 passives, the acting country) .710; batch 2 (201, 203, bombs, strikes as nouns, duels) .873
	// code28c: own zh/vi/nl sentences of round 28 (helper code28c), written before its rules: court sentences whose
	// defendant is unknown or named by nationality (116: 判处, 就……判刑, 裁定……罪成, tuyên phạt ... mức án), leaders
	// travelling with their spouse (grammar companion: cùng Phu nhân, 偕夫人), acts qualified afterwards by the side
	// that suffered them (111 with P: 對此表達嚴厲譴責, 谴责这一袭击, và ... gọi đây là hành động, noemde de aanvallen);
	// traps: a sentence not yet passed, a court expected to sentence, a football match; batch 2: envoys told to leave
	// (174), a palace or parliament stormed (145), releases of a prisoner whose detention is told as background
	// (0841: 遭北韓拘押……的……已經獲釋, người bị Nga giam giữ ..., đã được trả tự do, die in Iran gevangen zat, is
	// vrijgelaten); traps: a parliament's open day, a release that may come
	{"../../testdata/gold/code28c.jsonl", 0.79, 0.82, 0.76, 0.76}, // .706 before its rules; batch 1 .872 alone; batch 2 (12 more) .655 -> .793 over 31, here too since order28 (.759 here before: an inclusion apposition in a set before it narrowed the gap of "S @heeft ..12 T ..8 @veroordelen2P" for good, and nl-c28c-002 lost the Swedish-Iranian doctor)
	// code28d: own sentences of round 28 (helper code28d) for threats and force posture in nine languages: threats
	// told as a future consequence with no threat verb (130, 138, 1312 for tariffs with a start date), announced
	// offensives (138), ultimatums (139), alerts, mobilisations and deployments (152, 154), exercises by one side
	// (150) and joint exercises (062 between the participants); with traps (forecasts, a football "threat", a
	// pension rise), written before its rules
	{"../../testdata/gold/code28d.jsonl", 0.71, 0.74, 0.69, 0.50}, // .437 before its rules; batch 1 (joint exercises 062) .585; batch 2 (offensives announced, force posture, retaliation if, ultimatums) .719
	// code28a: own en/es/pt sentences of round 28 for forms wire25 and the pool left uncoded: a visitor welcomed by a
	// host in the passive with the manner and the place between (043; English also codes the visit, 042), two sides
	// that sit down at the table or open a negotiation process (046), a ceasefire demanded or called for between two
	// sides (1056, 0256), a recognition approved (054) and an investigation of crimes in a country authorised (092)
	// told as nouns, Portuguese "pediu desculpa a"; with traps, written before its rules
	// batch 2: aid flights and ships told by their departure for a place with their cargo (073), money for a
	// country's recovery or reconstruction (0331); with a trap
	{"../../testdata/gold/code28a.jsonl", 0.94, 0.97, 0.91, 0.88}, // .348 before its rules (.522 with es/pt receptions set to 043 alone); batch 1 .931; batch 2 (7 more) .444 -> 1.000, all .866 -> .943 over 33
	{"../../testdata/gold/code28a.jsonl", 0.93, 0.96, 0.90, 0.85}, // .348 before its rules (.522 with es/pt receptions set to 043 alone); batch 1 .931
	// code28e: own sentences of round 28 (helper code28e) for constructions that hide a second actor or act, in nine
	// languages: an act copied to the sources of "as did X", "followed by X", "tal como fizeram X", "ebenso wie X",
	// "net als X", "cũng như X", "继X之后"; a second act with a partner named in a comitative relative ("with whom",
	// "con quien", "mit dem", "cùng X ký"); bodies acting through a resolution, with "the abstention of X" no act of
	// X; with traps ("unlike X, which", "a diferencia de", "with the help of interpreters"), written before its rules
	{"../../testdata/gold/code28e.jsonl", 0.89, 0.95, 0.84, 0.66}, // .508 before its rules; batch 1 (likewise) .712; its resolutions that call for set to 025x (an annotation error); batch 2 (comitative relatives, abstentions, decrees) .899
}

// Floors on the recall of the actor sets of bare actor strings (actors-2: office-holders, agents, bodies,
// as actor-resolution tests give them), at the levels such tests score: the country, and the country and
// sector. Their precision counts the adjective inside a title ("Iranian" in "Iranian President X") as a
// mention of its own, so only recall is floored.
var actorRecallFloors = map[string]struct{ country, countrySector float64 }{
	"../../testdata/gold/actors-2.jsonl":         {0.99, 0.99},
	"../../testdata/gold/actors-3.jsonl":         {0.99, 0.99},
	"../../testdata/gold/actors-4.jsonl":         {0.99, 0.99},
	"../../testdata/gold/actors-5.jsonl":         {0.99, 0.99},
	"../../testdata/gold/actors-6.jsonl":         {0.97, 0.92},
	"../../testdata/gold/actors-7.jsonl":         {0.97, 0.95},
	"../../testdata/gold/actors-8.jsonl":         {0.96, 0.92},
	"../../testdata/gold/actors-offices12.jsonl": {0.99, 0.99},
	"../../testdata/gold/actors-offices14.jsonl": {0.99, 0.99},
	"../../testdata/gold/actors14.jsonl":         {0.99, 0.99},
	"../../testdata/gold/actors14b.jsonl":        {0.60, 0.60},
	"../../testdata/gold/actors12.jsonl":         {0.99, 0.98},
	"../../testdata/gold/actors12b.jsonl":        {0.98, 0.98},
	"../../testdata/gold/actors13.jsonl":         {0.99, 0.96},
	"../../testdata/gold/actors13b.jsonl":        {0.99, 0.83},
}

// goldCoder returns the whole pipeline as `dyad eval` runs it, with the packs a plain run reads.
func goldCoder(t *testing.T) eval.Coder {
	t.Helper()
	e := &env{}
	c, err := e.components()
	if err != nil {
		t.Fatal(err)
	}
	return func(ctx context.Context, lang, date, text string) (*dyad.Record, error) {
		rec, _, err := c.codeOne("gold", lang, date, text)
		return rec, err
	}
}

func TestGoldFloors(t *testing.T) {
	run := goldCoder(t)
	for _, fl := range goldFloors {
		g, err := eval.LoadGold(fl.file)
		if err != nil {
			t.Fatal(err)
		}
		var rep *eval.Report
		if g.Kind() == "actors" {
			rep, err = eval.Actors(context.Background(), g, run)
		} else {
			rep, err = eval.Events(context.Background(), g, run)
		}
		if err != nil {
			t.Fatal(err)
		}
		if fr, ok := actorRecallFloors[fl.file]; ok {
			c, cs := rep.Countries, rep.CountrySector
			t.Logf("%s: country R %.3f, country+sector R %.3f", fl.file, c.Recall, cs.Recall)
			if c.Recall < fr.country || cs.Recall < fr.countrySector {
				t.Errorf("%s: country R %.3f, country+sector R %.3f, below the floors %.2f and %.2f", fl.file, c.Recall, cs.Recall, fr.country, fr.countrySector)
			}
		}
		o := rep.Overall
		t.Logf("%s: P %.3f R %.3f F1 %.3f over %d items", fl.file, o.Precision, o.Recall, o.F1, rep.Items)
		if o.F1 < fl.f1 || o.Precision < fl.p || o.Recall < fl.r {
			t.Errorf("%s: P %.3f R %.3f F1 %.3f, below the floors P %.2f R %.2f F1 %.2f", fl.file, o.Precision, o.Recall, o.F1, fl.p, fl.r, fl.f1)
		}
		for lang, s := range rep.ByLang {
			t.Logf("  %s: P %.3f R %.3f F1 %.3f", lang, s.Precision, s.Recall, s.F1)
			if s.F1 < fl.perLangF1Min {
				t.Errorf("%s: %s F1 %.3f below %.2f", fl.file, lang, s.F1, fl.perLangF1Min)
			}
		}
	}
}

// devGold is the real-news development set (../shared/dev-gold, outside the project: third-party text, only
// for measuring). Its floors keep what the coder has gained on real text from slipping back unnoticed.
const devGold = "../../../shared/dev-gold"

func TestDevGoldFloors(t *testing.T) {
	langs := []string{"de", "en", "es", "fr", "it", "nl", "pt", "vi", "zh"}
	if _, err := os.Stat(devGold); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s: %v (CI has ../shared)", devGold, err)
		}
		t.Skipf("%s: %v", devGold, err)
	}
	run := goldCoder(t)
	var tp, fp, fn int
	for _, l := range langs {
		g, err := eval.LoadGold(filepath.Join(devGold, l+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		rep, err := eval.Events(context.Background(), g, run)
		if err != nil {
			t.Fatal(err)
		}
		o := rep.Overall
		tp, fp, fn = tp+o.TP, fp+o.FP, fn+o.FN
		t.Logf("%s: P %.3f R %.3f F1 %.3f", l, o.Precision, o.Recall, o.F1)
		if o.F1 < 0.55 || o.Precision < 0.78 {
			t.Errorf("dev-gold %s: P %.3f F1 %.3f, below the floors P 0.78 F1 0.55", l, o.Precision, o.F1)
		}
	}
	p, r := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	f1 := 2 * p * r / (p + r)
	t.Logf("all: P %.3f R %.3f F1 %.3f", p, r, f1)
	if f1 < 0.66 || p < 0.86 {
		t.Errorf("dev-gold all: P %.3f F1 %.3f, below the floors P 0.86 F1 0.66", p, f1)
	}
}

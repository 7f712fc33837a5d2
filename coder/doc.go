// Package coder finds political events and statements in an annotated article: who did what to whom (CAMEO
// and PLOVER codes), when and where, with the sentence that proves it, and who said what.
//
// It is a token-level matcher, not a parser. The article's actor mentions are first grouped into actor
// phrases ("the Vietnamese ambassador in China, Pham Thanh Binh"); each sentence then becomes a sequence of
// units, words and actor phrases, over which the verb patterns of the article's language (packs/data/<lang>/verbs,
// described in docs/patterns.md) are matched from their trigger words outwards. Statements come from the
// reporting verbs of packs/data/<lang>/speech, dates from go-dateparser on the date expressions that
// packs/data/<lang>/dates helps find, and the small closed word classes the matcher needs (negation,
// conjunctions, pronouns, reciprocal phrases) from packs/data/<lang>/grammar.
package coder

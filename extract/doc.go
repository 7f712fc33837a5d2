// Package extract turns a raw dyad.Document into a clean dyad.Article: the main text of HTML pages, Unicode
// NFC, crawl noise removed (image and caption lines, comment counters, follow-us prompts, "Related" tails,
// duplicated lines), the title, the language with a confidence, the publication date, the dateline and the
// source agency, and paragraph offsets into the cleaned text.
//
// What is noise, which agencies exist and which words mark a language are data files of the packs:
// <lang>/boilerplate, <lang>/stopwords, extract/boilerplate and extract/agencies (see docs/extract.md).
package extract

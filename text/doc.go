// Package text provides the language-independent text mechanics that the later stages share: folding
// (case and diacritics), word tokens with byte offsets, and sentences with offsets. What differs by language
// (abbreviations that do not end a sentence) comes from the packs.
package text

// Package link folds what the pipeline found in one article into what the store already holds: it finds
// near-duplicate articles (MinHash over word 5-shingles of folded text, LSH bands), folds the mentions of one
// event reported by many articles, in any language, into one event with a stable id, and clusters statements
// that say the same thing into claims through a multilingual concept lexicon.
//
// A Linker is called serially, once per record, right before the store saves it. It asks the store only what
// dyad.LinkIndex offers. The data it reads from the packs:
//
//	concepts/index     id | weight (1-3) | English label        the concepts of the claim lexicon
//	<lang>/concepts    id | phrase | phrase ...                 how each language says a concept
//	link/families      root | family | symmetric (yes|no)       CAMEO roots that fold as one event family
//
// docs/link.md describes the rules in full.
package link

// Package actor finds the actors an article names and resolves each to a dictionary entry as of the
// article's date.
//
// The dictionary is data: countries (ISO 3166 with CAMEO codes, their names in every language that
// golang.org/x/text/language/display knows, plus our own additions), international organisations, parties,
// state bodies and people with date-bounded roles, all under packs/data/actors/; role titles (agents) and
// country adjectives (demonyms) per language under packs/data/<lang>/. docs/actors.md documents the formats.
//
// Recognition is a longest match of folded token sequences (case- and diacritic-insensitive, word-boundary
// aware; ideographic text is matched one character a token) over every name, followed by a resolver that
// joins titles to the names and countries around them, resolves offices to their holder on the article's
// date, makes provisional actors of titled names that the dictionary lacks, and resolves later short names
// ("Wang", "Bình") to the person named earlier in the article.
package actor

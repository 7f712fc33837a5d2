package coder

import (
	"strings"

	"github.com/dyad-events/dyad"
)

// Crowds: protests and their repression told the way news tells them (docs/patterns.md, "One-sided events").

// strike reports whether a protest (14) is a strike or boycott (143): a crowd that strikes and marches ("haben
// gestreikt und demonstriert", "đình công và xuống đường", "iniciaron un paro y cortaron vías") is told as two
// protests, as the gold codes them; two crowds of a sentence, one marching, the other (a union) calling the
// strike, stay one protest (protestBy).
func strike(code string) bool { return strings.HasPrefix(code, "143") }

// protestBy is the key under which keepProtest records which source told a protest of a country: the second
// protest act of a sentence (a strike besides a march) is kept only from the same source.
func protestBy(ev dyad.Event) string {
	return "14by|" + ev.Source.Country + "|" + ev.Target.Country
}

// secondProtest reports whether a protest act of code may follow the protests the sentence told under key by
// (protestBy): a strike beside a demonstration (141), either way round; a strike beside a blockade stays one
// ("cumplen su sexto día de huelga y mantienen cortada la Gran Vía").
func secondProtest(seen map[string]bool, by, code string) bool {
	if strike(code) {
		return seen[by+"|141"]
	}
	return strings.HasPrefix(code, "141") && seen[by+"|143"]
}

// crowdRepression reports whether a one-sided event is repression (175: "la Policía los dispersó con gases
// lacrimógenos", "die Polizei setzte Tränengas ein") by a source that does not act for the state: patterns that
// tell it by the crowd-control weapon alone ("tear gas", "balas de goma", "催泪弹") take the nearest actor before
// it, which may be the crowd itself ("protesters were dispersed with tear gas"); only the state represses.
func crowdRepression(src dyad.EventActor, code string) bool {
	return strings.HasPrefix(code, "175") && !stateSectors[src.Sector]
}

// repressionByCrowd reports whether an event between two named actors is repression (175) by a source of a
// sector that does not act for the state ("Taxistas paralisaram Luanda ... e a polícia dispersou com gás": the
// drivers do not repress the police); a country named alone may.
func repressionByCrowd(src dyad.EventActor, code string) bool {
	return strings.HasPrefix(code, "175") && src.Sector != "" && !stateSectors[src.Sector]
}

package coder

// maskAbstainers turns the actor phrases named right after an `abstain` phrase of grammar ("with the abstention
// of", "com a abstenção de", "met onthouding van", "với sự bỏ phiếu trắng của") into plain words: a member of a
// body that abstains from its vote does nothing to anyone, and no pattern may take it as a side ("aprovou uma
// resolução que exige a retirada das tropas russas, com a abstenção da China e da Índia" is no demand to China).
// The list goes on over commas, "and" words, determiners and prepositions of belonging ("da China e da Índia").
func (s *sentence) maskAbstainers() {
	seqs := s.d.lg.phrases["abstain"]
	if len(seqs) == 0 {
		return
	}
	for k := range s.u {
		if !s.u[k].lead || s.u[k].phrase >= 0 {
			continue
		}
		for _, sq := range seqs {
			if !s.seqAt(k, sq) {
				continue
			}
			for j := k + len(sq); j < len(s.u); j++ {
				u := &s.u[j]
				if u.phrase >= 0 {
					u.phrase, u.fold, u.cls, u.lead = -1, "", 0, false
					continue
				}
				if u.fold != "," && !u.is(cAnd|cDet|cGenitive|cPrep) {
					break
				}
			}
			break
		}
	}
}

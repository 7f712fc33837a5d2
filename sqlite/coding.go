package sqlite

import (
	"encoding/json"

	"github.com/dyad-events/dyad"
)

// decodeCoding reads a mention's stored coding (encodeCoding: encoding/json's form of dyad.MentionCoding).
func decodeCoding(data []byte) (*dyad.MentionCoding, error) {
	c := new(dyad.MentionCoding)
	if err := json.Unmarshal(data, c); err != nil {
		return nil, err
	}
	return c, nil
}

package cameo_test

import (
	"fmt"

	"github.com/dyad-events/dyad/cameo"
	"github.com/dyad-events/dyad/packs"
)

func ExampleCodebook_Lookup() {
	cb, err := cameo.Load(packs.Default())
	if err != nil {
		fmt.Println(err)
		return
	}
	c, _ := cb.Lookup("043")
	fmt.Println(c.Code, c.Name, c.Root, c.QuadClass, c.Goldstein, c.Plover)
	// Output: 043 Host a visit 04 1 2.8 CONSULT
}

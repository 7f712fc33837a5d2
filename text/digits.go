package text

// DigitRuns lists the byte ranges [start, end) of s's runs of ASCII digits.
func DigitRuns(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			out = append(out, [2]int{i, j})
			i = j
		}
	}
	return out
}

// DigitForm is s with every ASCII digit written 0: the form of a dated expression, whatever its numbers.
func DigitForm(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= '0' && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}

package notices

import "testing"

// readingTests are English sentences for the kinds of phrasing real
// notices use (see testdata/corpus): each kind has sentences that must
// make their claims and look-alikes that must make none.
var readingTests = []sentenceTest{
	// A remain verb says where the data its subject describes is: the
	// verbs inside that subject ("everything we store") count, and a
	// person after a preposition ("about you") is no subject.
	{"Everything we store about you stays only in Japan.", []string{"storage exclusive JP", "transfer exclusive JP"}},
	{"The information we keep on our members remains solely in Canada.", []string{"storage exclusive CA", "transfer exclusive CA"}},
	{"Whatever we hold about you remains in Germany.", []string{"transfer exclusive DE"}},
	{"Data about our customers stays within Australia.", []string{"transfer exclusive AU"}},
	{"You stay in Japan while you use the app.", nil},
	{"Customers who stay in France can call our hotline.", nil},
	{"Users remain in control of their settings in Italy.", nil},
	{"We store your files in Ireland, and a backup stays with you.", []string{"storage inclusive IE"}},
}

func TestReading(t *testing.T) {
	checkSentences(t, "PRIVACY.md", "en", readingTests, 0, 0)
}

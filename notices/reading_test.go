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

	// A label that names where data is handled, then its countries.
	{"Data processing location: United States, Singapore", []string{"transfer inclusive SG,US"}},
	{"Server location: Germany", []string{"storage inclusive DE"}},
	{"Hosting location: Canada", []string{"storage inclusive CA"}},
	{"Country of processing: India", []string{"transfer inclusive IN"}},
	{"Storage location: Norway", []string{"storage inclusive NO"}},
	{"Data processing location: EU, Switzerland, United Kingdom Safeguards: adequacy", []string{"transfer inclusive EU,CH,GB"}},
	{"Office location: Tokyo, Japan", nil},
	{"Location: Japan", nil},
	{"Country: Brazil", nil},
	{"Billing country: Mexico", nil},
	{"Language: Japanese", nil},

	// A title, a label or an item of a table of contents names a topic;
	// it says nothing of a place abroad.
	{"Transfer to a third country:", nil},
	{"7. Transfer to other countries", nil},
	{"International transfers of personal data", nil},
	{"Storage outside your home country", nil},
	{"Data transfers abroad:", nil},
	{"We transfer personal data to other countries.", []string{"transfer vague-foreign"}},
	{"Your data may be stored abroad", []string{"storage vague-foreign"}},
	{"Personal data is transferred to third countries:", []string{"transfer vague-foreign"}},

	// People of a list of countries: where they are, not where data is.
	{"Lawful bases for processing personal data (applicable to EEA and UK End Users)", nil},
	{"We process data of Japan and Korea residents.", nil},
	{"Information about Canadian or Mexican customers is processed by our team.", nil},
	{"We process data in Japan and Korea for our users.", []string{"transfer inclusive JP,KR"}},

	// A vague word at the head of a name is part of the name.
	{"We comply with the Foreign Corrupt Practices Act when we process data.", nil},
	{"Data is shared with the Overseas Development Institute.", nil},
	{"Data is shared with overseas partners.", []string{"transfer vague-foreign"}},
}

func TestReading(t *testing.T) {
	checkSentences(t, "PRIVACY.md", "en", readingTests, 0, 0)
}

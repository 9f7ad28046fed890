package vendors

import (
	"os"

	"github.com/newrelic/go-agent/v3/newrelic"
)

// New Relic: the region is the license key's prefix. A key read from the
// environment leaves it unknown, and the note says so.
func recordSignup(u User) {
	app, _ := newrelic.NewApplication(newrelic.ConfigAppName("web"), newrelic.ConfigLicense(os.Getenv("NEW_RELIC_LICENSE_KEY")))
	app.RecordCustomEvent("signup", map[string]interface{}{"email": u.Email}) // want `^newrelic.Application.RecordCustomEvent: cannot decide where it sends personal data: the address comes from New Relic license key \(its prefix names the region\), from os.Getenv\("NEW_RELIC_LICENSE_KEY"\)`
}

// Only the environment names the key: unknown too.
func recordSignupEnv(u User) {
	app, _ := newrelic.NewApplication(newrelic.ConfigFromEnvironment())
	app.RecordCustomEvent("signup", map[string]interface{}{"email": u.Email}) // want `^newrelic.Application.RecordCustomEvent: cannot decide where it sends personal data: no option given to newrelic.NewApplication names the New Relic endpoint`
}

// A key with the eu01 prefix goes to the EU collector, which names no
// country.
func recordSignupEU(u User) {
	app, _ := newrelic.NewApplication(newrelic.ConfigLicense("eu01xx0123456789abcdef0123456789abcdefNRAL"))
	txn := app.StartTransaction("signup")
	txn.AddAttribute("email", u.Email) // want `^newrelic.Transaction.AddAttribute to collector.eu01.nr-data.net: cannot decide where it sends personal data: New Relic EU region names no country`
}

// A key without a region prefix goes to the US collector.
func recordSignupUS(u User) {
	app, _ := newrelic.NewApplication(newrelic.ConfigLicense("0123456789abcdef0123456789abcdef0123NRAL"))
	app.RecordCustomEvent("signup", map[string]interface{}{"email": u.Email}) // want `^newrelic.Application.RecordCustomEvent to collector.newrelic.com sends personal data to the United States`
}

// An event without personal data is no export.
func recordDeploy() {
	app, _ := newrelic.NewApplication(newrelic.ConfigLicense("0123456789abcdef0123456789abcdef0123NRAL"))
	app.RecordCustomEvent("deploy", map[string]interface{}{"version": "1.2"})
}
